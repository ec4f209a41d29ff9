package org.newsroom.ingest.service;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.newsroom.common.problem.ProblemException;
import org.newsroom.ingest.config.IngestConfig;

/**
 * A token bucket per reporter (off unless {@code newsroom.ingest.rate-limit.enabled}): a burst of {@code capacity}
 * submissions, refilled at {@code per-minute}; beyond it, 429 with the seconds until the next token in Retry-After.
 * Buckets live in memory per replica.
 */
@ApplicationScoped
public class RateLimiter {

    private static final int MAX_BUCKETS = 100_000;

    private final boolean enabled;
    private final double capacity;
    private final double tokensPerNano;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    @Inject
    public RateLimiter(IngestConfig config) {
        this(config.rateLimit().enabled(), config.rateLimit().capacity(), config.rateLimit().perMinute(), System::nanoTime);
    }

    public RateLimiter(boolean enabled, int capacity, int perMinute, LongSupplier nanoTime) {
        this.enabled = enabled;
        this.capacity = Math.max(1, capacity);
        this.tokensPerNano = Math.max(1, perMinute) / 60e9;
        this.nanoTime = nanoTime;
    }

    /** @throws ProblemException 429 when the reporter has no token left */
    public void acquire(String reporter) {
        if (!enabled) {
            return;
        }
        long now = nanoTime.getAsLong();
        if (buckets.size() > MAX_BUCKETS) {
            buckets.values().removeIf(b -> b.isFull(now));
        }
        Bucket bucket = buckets.computeIfAbsent(reporter, r -> new Bucket(now));
        long waitNanos = bucket.take(now);
        if (waitNanos > 0) {
            int seconds = (int) Math.max(1, Math.ceil(waitNanos / 1e9));
            throw ProblemException.tooManyRequests("Too many submissions; try again in " + seconds + " s", seconds);
        }
    }

    private final class Bucket {
        private double tokens = capacity;
        private long last;

        Bucket(long now) {
            this.last = now;
        }

        /** Takes a token: 0 when granted, else the nanoseconds until one is available. */
        synchronized long take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / tokensPerNano);
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            tokens = Math.min(capacity, tokens + (now - last) * tokensPerNano);
            last = now;
        }
    }
}
