package org.newsroom.article.service;

import java.util.UUID;

/**
 * Fired synchronously (CDI {@code Event}) inside the database transaction that changed an article's content or state,
 * after the change is flushed: observers (search index, caches) update in the same transaction with
 * {@code void on(@Observes ArticleChanged change)}.
 */
public record ArticleChanged(UUID articleId, Kind kind) {

    /** What happened to the article. */
    public enum Kind {
        /** Created from its first submission. */
        CREATED,
        /** Its content changed (a new submission revision or an editor's PATCH). */
        CONTENT,
        /** Only its status or placement changed (approve, reject, publish, correct, retract). */
        STATE,
        /** A revision was stored but the current article did not change (a submission after publication). */
        REVISION_ONLY
    }
}
