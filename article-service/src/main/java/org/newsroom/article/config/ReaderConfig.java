package org.newsroom.article.config;

import java.time.Duration;
import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Reader-facing behaviour of the HTTP API ({@code newsroom.reader.*}). */
@ConfigMapping(prefix = "newsroom.reader")
public interface ReaderConfig {

    /** {@code max-age} of the {@code Cache-Control} header of responses to readers without a token. */
    @WithDefault("60s")
    Duration cacheMaxAge();

    /** Time zone in which date-only {@code from}/{@code to} filters are read (the newspaper's own). */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();
}
