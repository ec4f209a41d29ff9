package org.newsroom.notify.service;

/** A webhook endpoint the SSRF guard refuses; the message is safe to show to the subscriber. */
public class EndpointRejectedException extends Exception {

    public EndpointRejectedException(String message) {
        super(message, null, false, false);
    }
}
