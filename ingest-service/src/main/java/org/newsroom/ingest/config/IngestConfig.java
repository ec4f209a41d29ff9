package org.newsroom.ingest.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Every tunable of ingest-service in one typed place ({@code newsroom.ingest.*}), documented key by key. */
@ConfigMapping(prefix = "newsroom.ingest")
public interface IngestConfig {

    /** Publishing submissions to Kafka. */
    Broker broker();

    /** Idempotency-Key handling. */
    Idempotency idempotency();

    /** Markdown front matter limits. */
    Markdown markdown();

    /** Per-reporter rate limiting (429). */
    @WithName("rate-limit")
    RateLimit rateLimit();

    /** The article-service lookup behind {@code PUT /api/v1/submissions/{id}}. */
    @WithName("article-service")
    ArticleService articleService();

    /**
     * How long a request waits for Kafka and what it tells clients when Kafka is not there. The producer itself is
     * configured under {@code mp.messaging.outgoing.submissions.*} (README "Configuration").
     */
    interface Broker {
        /**
         * Longest time a request waits for the broker's acknowledgement before answering 503; keep it above the
         * producer's {@code delivery.timeout.ms}, so that a 503 normally means the record was given up. (A 503 may
         * still have reached the broker; a retry with the same Idempotency-Key is deduplicated.)
         */
        @WithName("ack-wait")
        @WithDefault("9s")
        Duration ackWait();

        /** Seconds sent in {@code Retry-After} with a 503 when the broker did not acknowledge. */
        @WithName("retry-after-seconds")
        @WithDefault("5")
        int retryAfterSeconds();
    }

    /** Idempotency-Key memory, kept in the compacted topic {@code newsroom.ingest-idempotency}. */
    interface Idempotency {
        /** How long a key is remembered; a key older than this is treated as new. */
        @WithDefault("24h")
        Duration retention();

        /** How long a request waits for the broker to acknowledge the key's record (the submission is already safe). */
        @WithName("write-wait")
        @WithDefault("5s")
        Duration writeWait();
    }

    /** Limits of {@code text/markdown} submissions. */
    interface Markdown {
        /** Largest YAML front matter, in characters. */
        @WithName("max-front-matter-chars")
        @WithDefault("65536")
        int maxFrontMatterChars();

        /** Deepest nesting of YAML collections in the front matter. */
        @WithName("max-front-matter-depth")
        @WithDefault("8")
        int maxFrontMatterDepth();
    }

    /** Token bucket per reporter; off unless enabled. */
    interface RateLimit {
        /** Whether submissions are rate limited per reporter. */
        @WithDefault("false")
        boolean enabled();

        /** Submissions a reporter may send in a burst. */
        @WithDefault("30")
        int capacity();

        /** Submissions a reporter regains per minute. */
        @WithName("per-minute")
        @WithDefault("60")
        int perMinute();
    }

    /** Timeouts and answers of the article-service lookup. */
    interface ArticleService {
        /** Seconds sent in {@code Retry-After} with a 503 when article-service cannot be asked. */
        @WithName("retry-after-seconds")
        @WithDefault("5")
        int retryAfterSeconds();

        /**
         * Longest wait for article-service's whole answer (connect, headers and body); the REST client's own
         * {@code read-timeout} does not cover a body that stalls after the headers.
         */
        @WithDefault("6s")
        Duration timeout();
    }
}
