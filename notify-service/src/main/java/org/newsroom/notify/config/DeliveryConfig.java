package org.newsroom.notify.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the delivery engine: concurrency limits, the outbox relay, the retry poller and the backoff schedule. */
@ConfigMapping(prefix = "newsroom.deliveries")
public interface DeliveryConfig {

    /** Most deliveries (webhook calls and mails) in flight at once in one service instance. */
    @WithDefault("32")
    int maxConcurrency();

    /** Most deliveries in flight at once to one endpoint host (the SMTP relay counts as one host). */
    @WithDefault("4")
    int perHostConcurrency();

    /** How long a worker waits for a free slot of a busy host before deferring the delivery to the poller. */
    @WithDefault("250ms")
    Duration hostPermitWait();

    /** Upper bound of the (jittered) delay of a delivery deferred because its host was busy. */
    @WithDefault("2s")
    Duration hostBusyDelay();

    /** How often the poller looks for due retries ({@code next_attempt_at <= now()}). */
    @WithDefault("1s")
    String pollInterval();

    /** Most deliveries the poller claims in one round. */
    @WithDefault("100")
    int pollBatch();

    /** How often the outbox relay looks for deliveries not yet published to newsroom.deliveries. */
    @WithDefault("1s")
    String dispatchInterval();

    /** Deliveries published to newsroom.deliveries per relay transaction. */
    @WithDefault("500")
    int dispatchBatch();

    /** How long a claimed delivery stays reserved for its worker; must exceed connect + read timeout. */
    @WithDefault("2m")
    Duration lease();

    /** When the poller takes over a first attempt that no worker of newsroom.deliveries has made. */
    @WithDefault("1m")
    Duration firstAttemptTimeout();

    /** Exponential backoff with full jitter between attempts. */
    Retry retry();

    /** The retry schedule: delay n = random(0, min(max-delay, initial-delay * multiplier^(n-1))). */
    interface Retry {
        /** Base delay before the first retry. */
        @WithDefault("1m")
        Duration initialDelay();

        /** Factor by which the base delay grows with each failed attempt. */
        @WithDefault("2.0")
        double multiplier();

        /** Cap of the base delay. */
        @WithDefault("4h")
        Duration maxDelay();

        /** Attempts (first one included) before a delivery is marked failed. */
        @WithDefault("20")
        int maxAttempts();

        /** Time after the first attempt of a series beyond which no retry is scheduled (then failed). */
        @WithDefault("24h")
        Duration giveUpAfter();

        /** Longest {@code Retry-After} honoured; longer values are cut to it. */
        @WithDefault("6h")
        Duration maxRetryAfter();
    }
}
