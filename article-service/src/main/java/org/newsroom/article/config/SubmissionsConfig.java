package org.newsroom.article.config;

import io.smallrye.config.ConfigMapping;

/**
 * Retry settings of the consumer of {@code newsroom.submissions} ({@code newsroom.submissions.*}); the Kafka side
 * (topic, group, batch size, dead-letter topic) is configured on its channels under
 * {@code mp.messaging.incoming.submissions.*} and {@code mp.messaging.outgoing.submissions-dlq.*}.
 */
@ConfigMapping(prefix = "newsroom.submissions")
public interface SubmissionsConfig extends ConsumerRetryConfig {
}
