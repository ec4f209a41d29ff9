package org.newsroom.notify.rest;

import jakarta.enterprise.context.ApplicationScoped;

import org.newsroom.notify.config.AbuseConfig;

import io.vertx.core.http.HttpServerRequest;

/**
 * The requester's address for rate limits and connection caps: the TCP peer, or, only when
 * {@code newsroom.notify.abuse.client-address-header} names the header a trusted proxy sets, that header's last entry
 * (what the proxy itself appended). An IPv6 address counts as its /64 network: one subscriber line holds a whole /64,
 * so single addresses would give an abuser billions of keys.
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
                    return key(last);
                }
            }
        }
        return request.remoteAddress() == null ? "unknown" : key(request.remoteAddress().hostAddress());
    }

    /** An IPv4 address as it is; an IPv6 address as its /64 network ({@code 2001:db8:1:2::/64}). */
    static String key(String address) {
        String bare = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        if (!bare.contains(":") || !bare.matches("[0-9A-Fa-f:.]+")) {
            return bare;   // IPv4, or not an address at all: nothing to parse (and never a name to look up)
        }
        try {
            byte[] bytes = java.net.InetAddress.getByName(bare).getAddress();   // a literal: no lookup
            if (bytes.length != 16) {
                return java.net.InetAddress.getByAddress(bytes).getHostAddress();   // IPv4-mapped
            }
            return String.format("%x:%x:%x:%x::/64", ((bytes[0] & 0xFF) << 8) | (bytes[1] & 0xFF),
                    ((bytes[2] & 0xFF) << 8) | (bytes[3] & 0xFF), ((bytes[4] & 0xFF) << 8) | (bytes[5] & 0xFF),
                    ((bytes[6] & 0xFF) << 8) | (bytes[7] & 0xFF));
        } catch (java.net.UnknownHostException e) {
            return bare;
        }
    }
}
