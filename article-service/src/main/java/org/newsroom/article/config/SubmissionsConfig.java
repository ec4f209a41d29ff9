package org.newsroom.article.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the consumer of {@code newsroom.submissions} ({@code newsroom.submissions.*}). */
@ConfigMapping(prefix = "newsroom.submissions")
public interface SubmissionsConfig {

    /** Whether the consumer of {@code newsroom.submissions} runs in this instance. */
    @WithDefault("true")
    boolean consumerEnabled();

    /** Topic holding {@code news.article.submitted} events. */
    @WithDefault("newsroom.submissions")
    String topic();

    /** Kafka consumer group shared by all article-service replicas. */
    @WithDefault("article-service")
    String groupId();

    /** Topic that receives records which are not valid events (poison), with the reason in headers. */
    @WithDefault("newsroom.submissions.dlq")
    String deadLetterTopic();

    /** Longest wait of one poll of the broker. */
    @WithDefault("500ms")
    Duration pollTimeout();

    /** Most records fetched per poll. */
    @WithDefault("100")
    int maxPollRecords();

    /** First pause after a transient failure (database or broker unavailable); doubles up to the maximum. */
    @WithDefault("200ms")
    Duration retryInitialBackoff();

    /** Longest pause between two attempts while a dependency stays unavailable. */
    @WithDefault("5s")
    Duration retryMaxBackoff();

    /** Attempts for a record failing with an error that is neither known-transient nor known-poison, before it is dead-lettered. */
    @WithDefault("5")
    int maxAttemptsUnclassified();

    /** Longest wait for the broker to acknowledge an offset commit or a dead-letter record. */
    @WithDefault("10s")
    Duration brokerTimeout();
}
