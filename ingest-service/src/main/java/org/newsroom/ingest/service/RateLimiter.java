package org.newsroom.ingest.service;

import java.time.Duration;
import java.util.function.LongSupplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.newsroom.common.problem.ProblemException;
import org.newsroom.common.ratelimit.KeyedRateLimiter;
import org.newsroom.ingest.config.IngestConfig;

/**
 * A token bucket per reporter (off unless {@code newsroom.ingest.rate-limit.enabled}): a burst of {@code capacity}
 * submissions, refilled at {@code per-minute}; beyond it, 429 with the seconds until the next token in Retry-After.
 * Backed by the shared Bucket4j {@link KeyedRateLimiter}; buckets live in memory per replica.
 */
@ApplicationScoped
public class RateLimiter {

    private final KeyedRateLimiter limiter;

    @Inject
    public RateLimiter(IngestConfig config) {
        this(config.rateLimit().enabled(), config.rateLimit().capacity(), config.rateLimit().perMinute(), System::nanoTime);
    }

    public RateLimiter(boolean enabled, int capacity, int perMinute, LongSupplier nanoTime) {
        int burst = Math.max(1, capacity);
        // Bucket4j refills the whole burst per period: capacity tokens at perMinute per minute take capacity/perMinute min.
        Duration period = Duration.ofNanos(Math.max(1, Duration.ofMinutes(1).toNanos() * burst / Math.max(1, perMinute)));
        this.limiter = new KeyedRateLimiter(enabled, burst, period, nanoTime);
    }

    /** @throws ProblemException 429 when the reporter has no token left */
    public void acquire(String reporter) {
        limiter.acquire(reporter, "submissions");
    }
}
