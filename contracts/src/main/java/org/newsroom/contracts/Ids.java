package org.newsroom.contracts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/** Identifier generation shared by all services: time-ordered UUIDv7 and name-based UUIDv5 (RFC 9562). */
public final class Ids {

    /** Namespace of Newsroom's name-based ids. */
    public static final UUID NAMESPACE = UUID.fromString("6f1d3b0e-3c59-4c8e-9a55-2f4c1b7e9d10");

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    /** A new UUIDv7: 48 bits of Unix milliseconds, then random bits; sorts by creation time. */
    public static UUID newV7() {
        long millis = System.currentTimeMillis();
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long msb = (millis << 16) | 0x7000L | ((random[0] & 0x0FL) << 8) | (random[1] & 0xFFL);
        long lsb = 0x8000000000000000L | ((random[2] & 0x3FL) << 56);
        for (int i = 3; i < 10; i++) {
            lsb |= (random[i] & 0xFFL) << (8 * (9 - i));
        }
        return new UUID(msb, lsb);
    }

    /** A UUIDv5 of the given name parts (joined by NUL) in Newsroom's namespace: the same parts always give the same id. */
    public static UUID nameBased(String... parts) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(toBytes(NAMESPACE));
            for (int i = 0; i < parts.length; i++) {
                if (i > 0) {
                    sha1.update((byte) 0);
                }
                sha1.update(parts[i].getBytes(StandardCharsets.UTF_8));
            }
            byte[] hash = sha1.digest();
            hash[6] = (byte) ((hash[6] & 0x0F) | 0x50);
            hash[8] = (byte) ((hash[8] & 0x3F) | 0x80);
            long msb = 0;
            long lsb = 0;
            for (int i = 0; i < 8; i++) {
                msb = (msb << 8) | (hash[i] & 0xFF);
                lsb = (lsb << 8) | (hash[i + 8] & 0xFF);
            }
            return new UUID(msb, lsb);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] toBytes(UUID uuid) {
        byte[] bytes = new byte[16];
        long msb = uuid.getMostSignificantBits();
        long lsb = uuid.getLeastSignificantBits();
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (msb >>> (8 * (7 - i)));
            bytes[i + 8] = (byte) (lsb >>> (8 * (7 - i)));
        }
        return bytes;
    }
}
