package org.newsroom.notify.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the live alert stream (Server-Sent Events). */
@ConfigMapping(prefix = "newsroom.alerts")
public interface AlertConfig {

    /** Interval of the {@code : keepalive} comment lines sent to every stream client. */
    @WithDefault("15s")
    String heartbeatInterval();

    /** How often each instance looks for alerts written by other instances (one query per instance, not per client). */
    @WithDefault("1s")
    String pollInterval();

    /**
     * Most alerts replayed to a client reconnecting with {@code Last-Event-ID} (one bounded query). When that many are
     * missed, the stream ends after them and the client resumes from the last one it got by reconnecting.
     */
    @WithDefault("1000")
    int replayLimit();

    /** Stream connections one instance keeps at once; beyond it, 503 with Retry-After. */
    @WithDefault("5000")
    int maxClients();

    /** Stream connections of one client address at once; beyond it, 429 with Retry-After. */
    @WithDefault("8")
    int maxClientsPerAddress();

    /** The Retry-After given to a stream connection refused by {@code max-clients} or {@code max-clients-per-address}. */
    @WithDefault("10s")
    java.time.Duration refusedRetryAfter();

    /** Events buffered for a slow client before it is disconnected (it reconnects with Last-Event-ID). */
    @WithDefault("256")
    int clientBuffer();
}
