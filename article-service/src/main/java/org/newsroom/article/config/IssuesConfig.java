package org.newsroom.article.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of issue publication ({@code newsroom.issues.*}). */
@ConfigMapping(prefix = "newsroom.issues")
public interface IssuesConfig {

    /** Whether this instance publishes scheduled issues when their time comes. */
    @WithDefault("true")
    boolean schedulerEnabled();

    /** How often scheduled issues whose time has come are looked for (a duration such as {@code 1s}). */
    @WithDefault("1s")
    String schedulerInterval();
}
