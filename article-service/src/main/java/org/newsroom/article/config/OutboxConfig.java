package org.newsroom.article.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the transactional outbox and its relay to {@code newsroom.issues} ({@code newsroom.outbox.*}). */
@ConfigMapping(prefix = "newsroom.outbox")
public interface OutboxConfig {

    /** Whether this instance relays outbox rows to Kafka. */
    @WithDefault("true")
    boolean relayEnabled();

    /**
     * How often the relay looks for unsent rows (at least {@code 1s}); rows are also sent right after the
     * transaction that wrote them commits, so this only matters after failures and restarts.
     */
    @WithDefault("1s")
    String relayInterval();

    /** Most rows sent per relay run. */
    @WithDefault("100")
    int batchSize();

    /** Longest wait for the broker to acknowledge one event. */
    @WithDefault("15s")
    Duration sendTimeout();

    /** CloudEvents {@code source} of the events article-service emits. */
    @WithDefault("/newsroom/article-service")
    String eventSource();
}
