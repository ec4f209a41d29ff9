package org.newsroom.contracts.article;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Data of {@code news.article.submitted} on {@code newsroom.submissions}: the Submission's fields, flat, plus
 * {@code id}, {@code revision}, {@code submittedBy}, {@code receivedAt}, {@code format} and, for ninjs, {@code original}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class ArticleSubmitted {

    @JsonUnwrapped
    private Submission submission;
    @JsonProperty
    private UUID id;
    @JsonProperty
    private int revision;
    @JsonProperty
    private String submittedBy;
    @JsonProperty
    private OffsetDateTime receivedAt;
    @JsonProperty
    private SubmissionFormat format;
    @JsonProperty
    private JsonNode original;

    /** For JSON deserialisation only. */
    ArticleSubmitted() {
    }

    public ArticleSubmitted(Submission submission, UUID id, int revision, String submittedBy,
            OffsetDateTime receivedAt, SubmissionFormat format, JsonNode original) {
        this.submission = Objects.requireNonNull(submission, "submission");
        this.id = Objects.requireNonNull(id, "id");
        this.revision = revision;
        this.submittedBy = Objects.requireNonNull(submittedBy, "submittedBy");
        this.receivedAt = Objects.requireNonNull(receivedAt, "receivedAt");
        this.format = Objects.requireNonNull(format, "format");
        this.original = original;
    }

    public Submission submission() {
        return submission;
    }

    public UUID id() {
        return id;
    }

    /** 1 for a new story; the next number for a {@code PUT} of a new revision. */
    public int revision() {
        return revision;
    }

    public String submittedBy() {
        return submittedBy;
    }

    public OffsetDateTime receivedAt() {
        return receivedAt;
    }

    public SubmissionFormat format() {
        return format;
    }

    /** The ninjs document as received (format {@code ninjs} only), kept so that no field is dropped. */
    public JsonNode original() {
        return original;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ArticleSubmitted that && revision == that.revision
                && Objects.equals(submission, that.submission) && Objects.equals(id, that.id)
                && Objects.equals(submittedBy, that.submittedBy) && Objects.equals(receivedAt, that.receivedAt)
                && format == that.format && Objects.equals(original, that.original);
    }

    @Override
    public int hashCode() {
        return Objects.hash(submission, id, revision, submittedBy, receivedAt, format, original);
    }
}
