package org.newsroom.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.newsroom.common.problem.ProblemException;

/** The per-reporter token bucket: a burst, then 429 with the seconds until the next token. */
class RateLimiterTest {

    private final AtomicLong now = new AtomicLong();

    @Test
    void aBurstThenRetryAfterThenRefill() {
        RateLimiter limiter = new RateLimiter(true, 2, 6, now::get);
        limiter.acquire("曹香玉");
        limiter.acquire("曹香玉");
        limiter.acquire("施昱辰");

        assertThatThrownBy(() -> limiter.acquire("曹香玉")).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.problem().status()).isEqualTo(429);
            assertThat(e.headers().get("Retry-After")).isEqualTo("10");
        });

        now.addAndGet(10_000_000_000L);
        limiter.acquire("曹香玉");
    }

    @Test
    void offMeansUnlimited() {
        RateLimiter limiter = new RateLimiter(false, 1, 1, now::get);
        for (int i = 0; i < 100; i++) {
            limiter.acquire("曹香玉");
        }
    }
}
