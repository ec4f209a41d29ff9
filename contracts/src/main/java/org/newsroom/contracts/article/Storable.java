package org.newsroom.contracts.article;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.newsroom.contracts.EventJson;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The one definition of "a storable submission": what ingest-service may acknowledge because article-service can
 * store and index it, applied by ingest before it answers and again by article-service's decoder. Bean Validation on
 * {@link Submission} covers shapes and sizes (its annotations use the limits below); this class adds what PostgreSQL
 * refuses or changes: U+0000 and lone surrogates in any string or field name (also inside a ninjs {@code original}),
 * non-finite numbers, instants outside a sane window or finer than PostgreSQL's microseconds, and identities longer
 * than their indexed columns. The limits live here, once; {@code StorableLimitsTest} compares them with
 * article-service's migrations.
 */
public final class Storable {

    /** Longest {@code language}: RFC 5646 §4.4.1 asks implementations to support tags of at least 35 characters. */
    public static final int LANGUAGE_MAX = 35;
    /** Longest {@code slug} ({@code article.slug varchar(120)}). */
    public static final int SLUG_MAX = 120;
    /** Longest {@code submittedBy} (a token's upn or sub), far below the btree row limit of its indexed column. */
    public static final int SUBMITTED_BY_MAX = 255;
    /** Longest CloudEvent id stored ({@code article_revision.event_id varchar(255)}). */
    public static final int EVENT_ID_MAX = 255;
    /** Longest enum value stored in a {@code varchar(16)} column (genre, distribution, format, status, kind). */
    public static final int ENUM_MAX = 16;
    /** Longest {@code section} (btree-indexed text column). */
    public static final int SECTION_MAX = 50;
    /** Largest btree index row PostgreSQL accepts with the default 8 kB page, in bytes. */
    public static final int BTREE_ROW_MAX_BYTES = 2704;
    /** Earliest instant accepted anywhere in a submission. */
    public static final OffsetDateTime EARLIEST = OffsetDateTime.of(1900, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    /** Latest instant accepted anywhere in a submission. */
    public static final OffsetDateTime LATEST = OffsetDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000, ZoneOffset.UTC);

    static final String NUL = "must not contain U+0000 (NUL): the database cannot store it";
    static final String LONE_SURROGATE = "must not contain a lone surrogate (an unpaired U+D800–U+DFFF)";

    private Storable() {
    }

    /** One reason a submission cannot be stored: the field's path (e.g. {@code body[2].text}) and a message. */
    public record Violation(String field, String message) {
    }

    /** Every reason this event cannot be stored (an empty list when it can); ninjs paths start with {@code original}. */
    public static List<Violation> event(ArticleSubmitted event) {
        List<Violation> violations = new ArrayList<>();
        if (event.submission() != null) {
            violations.addAll(submission(event.submission()));
        }
        violations.addAll(submittedBy(event.submittedBy()));
        // receivedAt is the producer's clock, not the client's: PostgreSQL rounding it to microseconds changes nothing
        // anyone sent, so only its range matters.
        String receivedAt = event.receivedAt() == null ? null : outsideWindow(event.receivedAt());
        if (receivedAt != null) {
            violations.add(new Violation("receivedAt", receivedAt));
        }
        if (event.original() != null) {
            for (Violation v : document(event.original())) {
                violations.add(new Violation(v.field().isEmpty() ? "original" : "original." + v.field(), v.message()));
            }
        }
        return violations;
    }

    /** Every reason the submission's content cannot be stored: characters, lengths and instants. */
    public static List<Violation> submission(Submission submission) {
        List<Violation> violations = new ArrayList<>();
        walk(EventJson.mapper().valueToTree(submission), "", violations);
        if (submission.language() != null && submission.language().length() > LANGUAGE_MAX) {
            violations.add(new Violation("language", "must be at most " + LANGUAGE_MAX + " characters"));
        }
        if (submission.slug() != null && submission.slug().length() > SLUG_MAX) {
            violations.add(new Violation("slug", "must be at most " + SLUG_MAX + " characters"));
        }
        if (submission.section() != null && submission.section().length() > SECTION_MAX) {
            violations.add(new Violation("section", "must be at most " + SECTION_MAX + " characters"));
        }
        instant("embargoedUntil", submission.embargoedUntil(), violations);
        return violations;
    }

    /** Every character or number in a JSON document (e.g. a ninjs item as received) that cannot be stored. */
    public static List<Violation> document(JsonNode document) {
        List<Violation> violations = new ArrayList<>();
        walk(document, "", violations);
        return violations;
    }

    /** Whether the reporter's identity (a token's upn or sub) fits the indexed {@code submitted_by} column. */
    public static List<Violation> submittedBy(String submittedBy) {
        List<Violation> violations = new ArrayList<>();
        if (submittedBy == null) {
            return violations;
        }
        String problem = text(submittedBy);
        if (problem != null) {
            violations.add(new Violation("submittedBy", problem));
        }
        if (submittedBy.length() > SUBMITTED_BY_MAX) {
            violations.add(new Violation("submittedBy",
                    "the token's upn/sub must be at most " + SUBMITTED_BY_MAX + " characters"));
        }
        return violations;
    }

    /** Why this string cannot be stored (U+0000, a lone surrogate), or {@code null} when it can. */
    public static String text(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\u0000') {
                return NUL;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return LONE_SURROGATE;
            }
            if (Character.isLowSurrogate(c)) {
                return LONE_SURROGATE;
            }
        }
        return null;
    }

    /** Whether the instant lies within [{@link #EARLIEST}, {@link #LATEST}] with at most microsecond precision. */
    public static String instant(OffsetDateTime value) {
        String outside = outsideWindow(value);
        if (outside != null) {
            return outside;
        }
        if (value.getNano() % 1000 != 0) {
            return "must have at most microsecond precision";
        }
        return null;
    }

    private static String outsideWindow(OffsetDateTime value) {
        return value.isBefore(EARLIEST) || value.isAfter(LATEST)
                ? "must lie between " + EARLIEST.getYear() + " and " + LATEST.getYear() : null;
    }

    private static void instant(String field, OffsetDateTime value, List<Violation> violations) {
        if (value != null) {
            String problem = instant(value);
            if (problem != null) {
                violations.add(new Violation(field, problem));
            }
        }
    }

    private static void walk(JsonNode node, String path, List<Violation> violations) {
        if (node == null) {
            return;
        }
        if (node.isTextual()) {
            String problem = text(node.textValue());
            if (problem != null) {
                violations.add(new Violation(path.isEmpty() ? "$" : path, problem));
            }
        } else if (node.isNumber()) {
            if ((node.isDouble() || node.isFloat()) && !Double.isFinite(node.doubleValue())) {
                violations.add(new Violation(path.isEmpty() ? "$" : path, "must be a finite number"));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]", violations);
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                String problem = text(field.getKey());
                if (problem != null) {
                    String safe = field.getKey().replace("\u0000", "\\u0000").replaceAll("[\\uD800-\\uDFFF]", "\\\\uFFFD");
                    violations.add(new Violation(path.isEmpty() ? safe : path + "." + safe, "field name " + problem));
                    continue;
                }
                walk(field.getValue(), child, violations);
            }
        }
    }
}
