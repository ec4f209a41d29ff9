package org.newsroom.article.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Retry settings of the consumer of {@code newsroom.submissions} ({@code newsroom.submissions.*}); the Kafka side
 * (topic, group, batch size, dead-letter topic) is configured on its channels under
 * {@code mp.messaging.incoming.submissions.*} and {@code mp.messaging.outgoing.submissions-dlq.*}.
 */
@ConfigMapping(prefix = "newsroom.submissions")
public interface SubmissionsConfig {

    /** First pause after a transient failure (database or broker unavailable); doubles up to the maximum. */
    @WithDefault("200ms")
    Duration retryInitialBackoff();

    /** Longest pause between two attempts while a dependency stays unavailable. */
    @WithDefault("5s")
    Duration retryMaxBackoff();

    /** Attempts for a record failing with an error that is neither known-transient nor known-poison, before it is dead-lettered. */
    @WithDefault("5")
    int maxAttemptsUnclassified();
}
