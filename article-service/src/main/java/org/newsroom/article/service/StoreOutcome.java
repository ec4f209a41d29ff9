package org.newsroom.article.service;

/** What consuming one submission did. */
public enum StoreOutcome {
    /** A new article was created with revision 1. */
    CREATED,
    /** A new revision became the article's current content. */
    REVISED,
    /**
     * A new revision was stored for an article already published; its published state did not change, and the
     * revision is the article's pending revision until an editor adopts it (a correction) or retracts the article.
     */
    STORED_AFTER_PUBLICATION,
    /**
     * A new story (revision 1) met an article that already exists under its id and was stored as an article of its
     * own, so that no story is ever overwritten by another submission.
     */
    REHOMED,
    /** The event had been stored before (same CloudEvent id): nothing changed. */
    DUPLICATE
}
