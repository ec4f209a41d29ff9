package org.newsroom.article.repository;

import java.time.Instant;
import java.util.UUID;

/**
 * One page of the article list as the database sees it: whose view (scope), the filters in their stored form, and
 * the keyset position after which the page starts (newest first by list time, then id).
 */
public record ArticleListing(
        Scope scope,
        /** the reporter asking, for {@link Scope#OWN_AND_READABLE} */
        String me,
        Instant now,
        /** wire value of the status, or null */
        String status,
        String section,
        /** a JSON array with one byline object, matched by containment, or null */
        String bylineJson,
        UUID issue,
        /** inclusive lower bound of the list time */
        Instant from,
        /** exclusive upper bound of the list time */
        Instant toExclusive,
        Instant afterAt,
        UUID afterId,
        /** rows to fetch */
        int rows) {

    /** Which articles a viewer may list. */
    public enum Scope {
        /** editors: every article */
        ALL,
        /** reporters: their own, and what readers may read */
        OWN_AND_READABLE,
        /** readers: published, public, past their embargo */
        READABLE
    }
}
