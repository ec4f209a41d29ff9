package org.newsroom.ingest.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One remembered Idempotency-Key: who sent it, a fingerprint of the request it came with, and the first answer. This is
 * the value of a record on the compacted topic {@code newsroom.ingest-idempotency}.
 */
public record IdempotencyEntry(String reporter, String key, String fingerprint, UUID id, int revision,
        OffsetDateTime receivedAt) {

    @JsonIgnore
    public SubmissionReceipt receipt() {
        return new SubmissionReceipt(id, revision, receivedAt);
    }
}
