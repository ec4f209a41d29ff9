package org.newsroom.notify.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** Random bearer-style tokens (manage, confirmation, unsubscribe, challenges) and their stored hashes. */
public final class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private Tokens() {
    }

    /** {@code bytes} random bytes as unpadded base64url, with a prefix telling what the token is for. */
    public static String random(String prefix, int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return prefix + URL.encodeToString(value);
    }

    public static byte[] randomBytes(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return value;
    }

    /** SHA-256 of the token's UTF-8 bytes: what the database keeps instead of the token. */
    public static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a presented token can be one of ours: a short prefix and base64url characters, nothing else. */
    public static boolean wellFormed(String token, int maxLength) {
        return token != null && !token.isEmpty() && token.length() <= maxLength && token.matches("[A-Za-z0-9_-]+");
    }

    /** Constant-time comparison of a presented token with a stored hash. */
    public static boolean matches(String token, byte[] storedHash) {
        return token != null && storedHash != null && MessageDigest.isEqual(hash(token), storedHash);
    }
}
