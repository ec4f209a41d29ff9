package org.newsroom.article.config;

import java.time.Duration;

import org.newsroom.common.failure.Retries;

import io.smallrye.config.WithDefault;

/** The retry settings every Kafka consumer of article-service has under its own prefix (the rule: {@link Retries}). */
public interface ConsumerRetryConfig {

    /** First pause after a transient failure (database or broker unavailable); doubles up to the maximum. */
    @WithDefault("200ms")
    Duration retryInitialBackoff();

    /** Longest pause between two attempts while a dependency stays unavailable. */
    @WithDefault("5s")
    Duration retryMaxBackoff();

    /**
     * Attempts for a record failing with an error that is neither known-transient nor known-poison, before it is
     * given up on (dead-lettered, or skipped where there is no dead-letter topic).
     */
    @WithDefault("5")
    int maxAttemptsUnclassified();

    /** These settings as the policy of {@link Retries#withRetries}. */
    default Retries.Policy retryPolicy() {
        return new Retries.Policy(retryInitialBackoff(), retryMaxBackoff(), maxAttemptsUnclassified());
    }
}
