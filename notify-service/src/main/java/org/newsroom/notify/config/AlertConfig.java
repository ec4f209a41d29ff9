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

    /** Most alerts replayed to a client reconnecting with {@code Last-Event-ID}. */
    @WithDefault("1000")
    int replayLimit();

    /** Events buffered for a slow client before it is disconnected (it reconnects with Last-Event-ID). */
    @WithDefault("256")
    int clientBuffer();
}
