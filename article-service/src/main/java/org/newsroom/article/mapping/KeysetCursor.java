package org.newsroom.article.mapping;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.newsroom.common.problem.ProblemException;

/** The opaque {@code cursor} of keyset pagination: the sort key and id of the last item of a page, base64url. */
public record KeysetCursor(Instant at, UUID id) {

    private static final String VERSION = "1";

    /** One page of items and the cursor of the next page (null on the last). */
    public record Slice<T>(List<T> items, String next) {
    }

    /**
     * The page of {@code rows} fetched with one row more than {@code limit}: that extra row, when present, says there
     * is a next page, whose cursor is the key of the page's last item.
     */
    public static <T> Slice<T> page(List<T> rows, int limit, Function<T, KeysetCursor> keyOf) {
        if (rows.size() <= limit) {
            return new Slice<>(rows, null);
        }
        List<T> items = rows.subList(0, limit);
        return new Slice<>(items, keyOf.apply(items.get(items.size() - 1)).encode());
    }

    public String encode() {
        String plain = VERSION + "|" + (at == null ? "" : at.toString()) + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws ProblemException 400 when the text is not a cursor this service issued */
    public static KeysetCursor decode(String text) {
        try {
            if (text.length() > 200) {
                throw new IllegalArgumentException("too long");
            }
            String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            String[] parts = plain.split("\\|", -1);
            if (parts.length != 3 || !VERSION.equals(parts[0])) {
                throw new IllegalArgumentException("unknown cursor");
            }
            return new KeysetCursor(parts[1].isEmpty() ? null : Instant.parse(parts[1]), UUID.fromString(parts[2]));
        } catch (RuntimeException e) {
            throw ProblemException.badRequest("cursor: not a cursor of this list; use the value of \"next\" unchanged");
        }
    }
}
