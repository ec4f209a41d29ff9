package org.newsroom.notify.rest;

/** Reads a bearer token from an Authorization header (manage tokens are read by the resources, not by the JWT layer). */
final class BearerTokens {

    private BearerTokens() {
    }

    /** The token, or null when the header is absent or not a bearer credential. */
    static String of(String authorization) {
        if (authorization == null) {
            return null;
        }
        String value = authorization.trim();
        if (value.length() < 7 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = value.substring(7).trim();
        return token.isEmpty() || token.length() > 8192 ? null : token;
    }
}
