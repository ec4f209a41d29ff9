package org.newsroom.article.service;

import java.time.Instant;
import java.util.UUID;

import org.newsroom.article.domain.ArticleStatus;
import org.newsroom.article.mapping.KeysetCursor;

/** Filters and page window of {@code GET /api/v1/articles}, already parsed and checked. */
public record ArticleQuery(
        ArticleStatus status,
        String section,
        String byline,
        UUID issue,
        /** inclusive lower bound of the list time */
        Instant from,
        /** exclusive upper bound of the list time */
        Instant toExclusive,
        int limit,
        KeysetCursor after) {
}
