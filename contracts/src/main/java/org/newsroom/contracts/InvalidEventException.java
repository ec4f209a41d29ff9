package org.newsroom.contracts;

/** Thrown when a Kafka record does not carry a valid event of this contract; such records are poison, not retryable. */
public class InvalidEventException extends RuntimeException {
    public InvalidEventException(String message) {
        super(message);
    }

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
