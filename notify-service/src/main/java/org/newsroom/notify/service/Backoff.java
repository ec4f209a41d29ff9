package org.newsroom.notify.service;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.newsroom.notify.config.DeliveryConfig;

/** The retry schedule: exponential backoff with full jitter, stretched to honour {@code Retry-After}. */
public final class Backoff {

    private final DeliveryConfig.Retry retry;

    public Backoff(DeliveryConfig.Retry retry) {
        this.retry = retry;
    }

    /**
     * When to try again after {@code failedAttempts} failed attempts of a series that began at {@code seriesStart},
     * or empty when the delivery should be marked failed.
     */
    public Optional<OffsetDateTime> next(int failedAttempts, OffsetDateTime seriesStart, OffsetDateTime now,
            Duration retryAfter) {
        if (failedAttempts >= retry.maxAttempts()) {
            return Optional.empty();
        }
        double base = retry.initialDelay().toMillis() * Math.pow(retry.multiplier(), Math.max(0, failedAttempts - 1));
        long cap = (long) Math.min(base, retry.maxDelay().toMillis());
        long delay = ThreadLocalRandom.current().nextLong(cap + 1);
        if (retryAfter != null) {
            delay = Math.max(delay, Math.min(retryAfter.toMillis(), retry.maxRetryAfter().toMillis()));
        }
        OffsetDateTime next = now.plus(Duration.ofMillis(delay));
        if (next.isAfter(seriesStart.plus(retry.giveUpAfter()))) {
            return Optional.empty();
        }
        return Optional.of(next);
    }

    /** Parses a {@code Retry-After} value: delta-seconds or an HTTP-date; null when absent or malformed. */
    public static Duration parseRetryAfter(String value, OffsetDateTime now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        try {
            long seconds = Long.parseLong(trimmed);
            return seconds < 0 ? null : Duration.ofSeconds(Math.min(seconds, 7 * 24 * 3600L));
        } catch (NumberFormatException ignored) {
            // not delta-seconds
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration until = Duration.between(now, at);
            return until.isNegative() ? Duration.ZERO : until;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
