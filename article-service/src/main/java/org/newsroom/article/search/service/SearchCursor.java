package org.newsroom.article.search.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The opaque {@code cursor} of search results: the offset of the next page, bound to the query it was issued for, so
 * that a cursor replayed with another query or section is refused instead of serving an arbitrary page.
 */
public final class SearchCursor {

    private static final String VERSION = "s1";

    private SearchCursor() {
    }

    /** The cursor for the page starting at {@code offset} of this query. */
    public static String encode(int offset, String q, String section) {
        String plain = VERSION + ":" + offset + ":" + fingerprint(q, section);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The offset a cursor points at.
     *
     * @throws IllegalArgumentException when the cursor is not one of ours or belongs to another query
     */
    public static int decode(String cursor, String q, String section) {
        if (cursor.length() > 200) {
            throw new IllegalArgumentException("cursor too long");
        }
        String plain;
        try {
            plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a cursor");
        }
        String[] parts = plain.split(":", -1);
        if (parts.length != 3 || !VERSION.equals(parts[0]) || !parts[1].matches("[0-9]{1,9}")) {
            throw new IllegalArgumentException("not a cursor");
        }
        if (!fingerprint(q, section).equals(parts[2])) {
            throw new IllegalArgumentException("cursor of another query");
        }
        return Integer.parseInt(parts[1]);
    }

    private static String fingerprint(String q, String section) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(q.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update((section == null ? "" : section).getBytes(StandardCharsets.UTF_8));
            byte[] digest = sha.digest();
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
