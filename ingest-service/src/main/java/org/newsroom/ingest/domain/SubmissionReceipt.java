package org.newsroom.ingest.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

/** What ingest answers for an accepted submission; remembered per Idempotency-Key so that a retry gets it again. */
public record SubmissionReceipt(UUID id, int revision, OffsetDateTime receivedAt) {
}
