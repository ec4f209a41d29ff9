package org.newsroom.article.search.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the full-text search endpoint and its index ({@code newsroom.search.*}). */
@ConfigMapping(prefix = "newsroom.search")
public interface SearchConfig {

    /** Longest accepted query, in characters. */
    @WithDefault("200")
    int maxQueryLength();

    /** Approximate length of a hit's snippet, in characters (before marks and escaping). */
    @WithDefault("120")
    int snippetLength();

    /**
     * Candidates ranked per query: the newest this many matching articles are ranked by relevance; older matches of
     * very common words are not reachable (narrow the query instead). Also how deep paging may go. Bounds the work of
     * a search whatever the corpus size.
     */
    @WithDefault("500")
    int maxResults();

    /** Characters of an article (headline, body, captions, credits together) that are indexed; the rest is not searchable. */
    @WithDefault("200000")
    int maxIndexedChars();

    /** How often articles with a missing or stale index row are re-indexed (safety net; writes index at once). */
    @WithDefault("30s")
    java.time.Duration reconcileInterval();

    /** Most articles re-indexed per reconciliation run. */
    @WithDefault("200")
    int reconcileBatchSize();
}
