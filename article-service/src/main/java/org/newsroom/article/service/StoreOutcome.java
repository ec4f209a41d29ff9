package org.newsroom.article.service;

/** What consuming one submission did. */
public enum StoreOutcome {
    /** A new article was created with revision 1. */
    CREATED,
    /** A new revision became the article's current content. */
    REVISED,
    /** A new revision was stored for an article already published; its published state did not change. */
    STORED_AFTER_PUBLICATION,
    /** The event had been stored before (same CloudEvent id): nothing changed. */
    DUPLICATE
}
