package org.newsroom.article.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Retry settings of the consumer of {@code newsroom.photos} ({@code newsroom.photos.*}); the Kafka side (topic,
 * group) is configured on its channel under {@code mp.messaging.incoming.photos.*}.
 */
@ConfigMapping(prefix = "newsroom.photos")
public interface PhotosConfig {

    /** First pause after a transient failure (database unavailable); doubles up to the maximum. */
    @WithDefault("200ms")
    Duration retryInitialBackoff();

    /** Longest pause between two attempts while the database stays unavailable. */
    @WithDefault("5s")
    Duration retryMaxBackoff();

    /** Attempts for a record failing with an error that is neither known-transient nor known-poison, before it is skipped. */
    @WithDefault("5")
    int maxAttemptsUnclassified();
}
