package org.newsroom.ingest.domain;

import java.util.List;
import java.util.UUID;

/**
 * One submission as it reached the HTTP edge: who sent it, the raw body and its content type, the optional
 * Idempotency-Key header values; {@code articleId} is set for a new revision ({@code PUT}).
 *
 * @param staff whether the caller is an editor or admin (may revise anyone's story)
 * @param authorization the caller's Authorization header, forwarded to article-service for a revision
 */
public record SubmissionCommand(String reporter, boolean staff, String contentType, byte[] body,
        List<String> idempotencyKeys, UUID articleId, String authorization) {
}
