package org.newsroom.article.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.newsroom.common.problem.ProblemException;

/**
 * Parses path and query parameters by hand, so that malformed values are 400 and out-of-range values 422 (JAX-RS
 * would answer 404 for an unconvertible parameter).
 */
public final class Params {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    private static final java.util.regex.Pattern UUID_TEXT = java.util.regex.Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Params() {
    }

    /** A UUID in its canonical 8-4-4-4-12 form, else 400. */
    public static UUID uuid(String name, String value) {
        if (value == null || !UUID_TEXT.matcher(value).matches()) {
            throw ProblemException.badRequest(name + ": not a UUID");
        }
        return UUID.fromString(value);
    }

    public static UUID optionalUuid(String name, String value) {
        return blank(value) ? null : uuid(name, value);
    }

    /** {@code limit}: default 20; not a whole number → 400; outside 1..100 → 422. */
    public static int limit(String value) {
        if (blank(value)) {
            return DEFAULT_LIMIT;
        }
        int limit;
        try {
            limit = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("limit: not a whole number");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProblemException.unprocessable("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return limit;
    }

    public static int integer(String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(name + ": not a whole number");
        }
    }

    /** Inclusive lower bound: an RFC 3339 date-time, or a date (its start in {@code zone}). */
    public static Instant from(String value, ZoneId zone) {
        if (blank(value)) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(value.trim()).atStartOfDay(zone).toInstant();
            } catch (DateTimeParseException e2) {
                throw ProblemException.badRequest("from: not an RFC 3339 date-time or a date (YYYY-MM-DD)");
            }
        }
    }

    /** Exclusive upper bound for an inclusive {@code to}: a date-time (inclusive), or a whole date in {@code zone}. */
    public static Instant toExclusive(String value, ZoneId zone) {
        if (blank(value)) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim()).toInstant().truncatedTo(ChronoUnit.MICROS).plus(1, ChronoUnit.MICROS);
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(value.trim()).plusDays(1).atStartOfDay(zone).toInstant();
            } catch (DateTimeParseException e2) {
                throw ProblemException.badRequest("to: not an RFC 3339 date-time or a date (YYYY-MM-DD)");
            }
        }
    }

    /** A free-text filter: absent when blank, at most {@code max} characters. */
    public static String text(String name, String value, int max) {
        if (blank(value)) {
            return null;
        }
        if (value.length() > max) {
            throw ProblemException.unprocessable(name, "longer than " + max + " characters");
        }
        return value;
    }

    public static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
