package org.newsroom.article.feed.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the public Atom / RSS / JSON feeds ({@code newsroom.feeds.*}). */
@ConfigMapping(prefix = "newsroom.feeds")
public interface FeedConfig {

    /** Title of the feeds (the issues feed; section feeds append the section's name). */
    @WithDefault("Newsroom")
    String title();

    /** Language of the feeds' content (BCP 47). */
    @WithDefault("zh-CN")
    String language();

    /** Most entries per feed (newest first). */
    @WithDefault("50")
    int maxEntries();

    /** {@code max-age} of the feeds' {@code Cache-Control: public} header. */
    @WithDefault("60s")
    Duration cacheMaxAge();
}
