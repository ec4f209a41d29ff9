package org.newsroom.media.service;

/** An upload as received: the bytes, what the client says they are, who sends them and their idempotency key. */
public record UploadRequest(byte[] bytes, String declaredType, String fileName, String uploadedBy,
        String idempotencyKey) {
}
