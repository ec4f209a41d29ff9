package org.newsroom.common.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.newsroom.common.problem.ProblemException;

/** The shared Bucket4j limiter: a burst per key, then 429 with the seconds until the next token, then refill. */
class KeyedRateLimiterTest {

    private final AtomicLong now = new AtomicLong();

    @Test
    void aBurstPerKeyThenRetryAfterThenRefill() {
        KeyedRateLimiter limiter = new KeyedRateLimiter(true, 3, Duration.ofMinutes(1), now::get);
        for (int i = 0; i < 3; i++) {
            limiter.acquire("203.0.113.7", "subscriptions");
        }
        limiter.acquire("198.51.100.2", "subscriptions");
        assertThatThrownBy(() -> limiter.acquire("203.0.113.7", "subscriptions"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(429);
                    assertThat(e.headers().get("Retry-After")).isEqualTo("20");
                });
        now.addAndGet(Duration.ofSeconds(20).toNanos());
        limiter.acquire("203.0.113.7", "subscriptions");
    }

    @Test
    void offMeansUnlimited() {
        KeyedRateLimiter limiter = new KeyedRateLimiter(false, 1, Duration.ofHours(1), now::get);
        for (int i = 0; i < 100; i++) {
            limiter.acquire("x", "things");
        }
        assertThat(limiter.size()).isZero();
    }
}
