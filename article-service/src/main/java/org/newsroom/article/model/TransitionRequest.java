package org.newsroom.article.model;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Body of {@code POST /api/v1/articles/{id}/transitions}. */
public record TransitionRequest(
        @NotNull Action action,
        /** Required for correct (shown to readers) and retract (shown instead of the article). */
        @Size(max = 2000) String note,
        /**
         * correct only: adopt this revision, the article's {@code pendingRevision} (a reporter's revision that
         * arrived after publication), as the corrected content
         */
        @Positive Integer revision) {

    /** An action with a note and no revision to adopt. */
    public TransitionRequest(Action action, String note) {
        this(action, note, null);
    }

    /** The workflow actions an editor may take. */
    public enum Action {
        @JsonProperty("approve") APPROVE,
        @JsonProperty("reject") REJECT,
        @JsonProperty("correct") CORRECT,
        @JsonProperty("retract") RETRACT;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
