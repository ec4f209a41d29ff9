package org.newsroom.article.config;

import io.smallrye.config.ConfigMapping;

/**
 * Retry settings of the consumer of {@code newsroom.photos} ({@code newsroom.photos.*}); the Kafka side (topic,
 * group) is configured on its channel under {@code mp.messaging.incoming.photos.*}.
 */
@ConfigMapping(prefix = "newsroom.photos")
public interface PhotosConfig extends ConsumerRetryConfig {
}
