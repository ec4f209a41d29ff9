package org.newsroom.ingest.messaging;

/** The broker did not acknowledge a record in time (or refused it): the client gets a 503 and may retry. */
public class BrokerUnavailableException extends RuntimeException {
    public BrokerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
