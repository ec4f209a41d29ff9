package org.newsroom.article.mapping;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.newsroom.common.problem.ProblemException;

/** The opaque cursor of lists ordered by a number (revisions, transitions): the last number seen, base64url. */
public final class NumberCursor {

    private static final String PREFIX = "n1|";

    private NumberCursor() {
    }

    public static String encode(long last) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + last).getBytes(StandardCharsets.UTF_8));
    }

    /** 0 for no cursor; 400 for one this service did not issue. */
    public static long decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!plain.startsWith(PREFIX)) {
                throw new IllegalArgumentException();
            }
            long value = Long.parseLong(plain.substring(PREFIX.length()));
            if (value < 0) {
                throw new IllegalArgumentException();
            }
            return value;
        } catch (RuntimeException e) {
            throw ProblemException.badRequest("cursor: not a cursor of this list; use the value of \"next\" unchanged");
        }
    }
}
