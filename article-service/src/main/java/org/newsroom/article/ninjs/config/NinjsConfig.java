package org.newsroom.article.ninjs.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** Settings of the IPTC ninjs representation of articles ({@code newsroom.ninjs.*}). */
@ConfigMapping(prefix = "newsroom.ninjs")
public interface NinjsConfig {

    /** {@code copyrightHolder} of every ninjs document (e.g. the paper's name); omitted when unset. */
    Optional<String> copyrightHolder();

    /** {@code copyrightNotice} of every ninjs document; omitted when unset. */
    Optional<String> copyrightNotice();
}
