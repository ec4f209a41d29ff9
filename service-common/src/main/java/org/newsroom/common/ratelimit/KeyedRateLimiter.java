package org.newsroom.common.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.newsroom.common.problem.ProblemException;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

/**
 * Token buckets (Bucket4j) keyed by a string (a reporter, a client address, an e-mail address, a host): a burst of
 * {@code capacity}, refilled greedily at {@code capacity} per {@code period}; beyond it, 429 problem+json with the
 * seconds until the next token in {@code Retry-After}. Buckets live in memory per replica; the map is bounded.
 */
public final class KeyedRateLimiter {

    /** Most keys remembered at once; beyond it, full (idle) buckets are dropped, then everything if still too many. */
    public static final int MAX_KEYS = 100_000;

    private final boolean enabled;
    private final long capacity;
    private final Duration period;
    private final TimeMeter clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /**
     * @param capacity tokens of a full bucket (the burst)
     * @param period   time in which an empty bucket refills completely
     * @param nanoTime monotonic nanoseconds (e.g. {@code System::nanoTime}; tests pass a fake clock)
     */
    public KeyedRateLimiter(boolean enabled, long capacity, Duration period, LongSupplier nanoTime) {
        this.enabled = enabled;
        this.capacity = Math.max(1, capacity);
        this.period = period == null || period.isNegative() || period.isZero() ? Duration.ofMinutes(1) : period;
        this.clock = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return nanoTime.getAsLong();
            }

            @Override
            public boolean isWallClockBased() {
                return false;
            }
        };
    }

    /** A limiter on the system's monotonic clock. */
    public KeyedRateLimiter(boolean enabled, long capacity, Duration period) {
        this(enabled, capacity, period, System::nanoTime);
    }

    /**
     * Takes one token of {@code key}'s bucket.
     *
     * @param what what is limited, for the problem's detail (e.g. "subscriptions from this address")
     * @throws ProblemException 429 with Retry-After when the bucket is empty
     */
    public void acquire(String key, String what) {
        long waitNanos = tryAcquire(key);
        if (waitNanos > 0) {
            int seconds = (int) Math.min(Integer.MAX_VALUE, Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L));
            throw ProblemException.tooManyRequests("Too many " + what + "; try again in " + seconds + " s", seconds);
        }
    }

    /** Takes one token of {@code key}'s bucket: 0 when granted, else the nanoseconds until one is available. */
    public long tryAcquire(String key) {
        if (!enabled || key == null) {
            return 0;
        }
        if (buckets.size() >= MAX_KEYS) {
            prune();
        }
        ConsumptionProbe probe = buckets.computeIfAbsent(key, k -> newBucket()).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : Math.max(1, probe.getNanosToWaitForRefill());
    }

    /** Number of keys currently remembered. */
    public int size() {
        return buckets.size();
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
                .withCustomTimePrecision(clock)
                .build();
    }

    private void prune() {
        buckets.values().removeIf(b -> b.getAvailableTokens() >= capacity);
        if (buckets.size() >= MAX_KEYS) {
            buckets.clear();
        }
    }
}
