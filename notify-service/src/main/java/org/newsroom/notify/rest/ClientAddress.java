package org.newsroom.notify.rest;

import jakarta.enterprise.context.ApplicationScoped;

import org.newsroom.notify.config.AbuseConfig;

import io.vertx.core.http.HttpServerRequest;

/**
 * The requester's address for rate limits: the TCP peer, or, only when {@code newsroom.notify.abuse.client-address-header}
 * names the header a trusted proxy sets, that header's last entry (what the proxy itself appended).
 */
@ApplicationScoped
public class ClientAddress {

    private static final int MAX_LENGTH = 64;

    private final AbuseConfig config;

    public ClientAddress(AbuseConfig config) {
        this.config = config;
    }

    public String of(HttpServerRequest request) {
        if (config.clientAddressHeader().isPresent()) {
            String header = request.getHeader(config.clientAddressHeader().get());
            if (header != null) {
                String last = header.substring(header.lastIndexOf(',') + 1).strip();
                if (!last.isEmpty() && last.length() <= MAX_LENGTH && last.matches("[0-9A-Fa-f:.\\[\\]]+")) {
                    return last;
                }
            }
        }
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }
}
