package org.newsroom.ingest.rest;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.newsroom.ingest.domain.SubmissionReceipt;

/** The 202 body of a submission: the story's id and revision, its status and when ingest received it. */
@Schema(name = "SubmissionAccepted")
public record SubmissionAccepted(
        @Schema(description = "Article id (UUID); GET it from article-service at the Location header") UUID id,
        @Schema(description = "1 for a new story, the next number for a new revision") int revision,
        @Schema(description = "Always 'submitted'", enumeration = "submitted") String status,
        @Schema(description = "When ingest received the story (RFC 3339)") OffsetDateTime receivedAt) {

    public static SubmissionAccepted of(SubmissionReceipt receipt) {
        return new SubmissionAccepted(receipt.id(), receipt.revision(), "submitted", receipt.receivedAt());
    }
}
