package org.newsroom.media.service;

/** The object store did not answer or refused a call; the caller answers 503 and the client retries. */
public class ObjectStoreUnavailableException extends RuntimeException {
    public ObjectStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
