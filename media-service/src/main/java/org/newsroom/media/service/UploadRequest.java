package org.newsroom.media.service;

import java.io.InputStream;

/** An upload as received: the body, what the client says it is, who sends it and their idempotency key. */
public record UploadRequest(InputStream body, String declaredType, String fileName, String uploadedBy,
        String idempotencyKey) {
}
