package org.newsroom.contracts;

/** CloudEvents {@code type} values of the events in EVENTS.md. */
public final class EventTypes {
    public static final String ARTICLE_SUBMITTED = "news.article.submitted";
    public static final String ISSUE_PUBLISHED = "news.issue.published";
    public static final String PHOTO_UPDATED = "news.photo.updated";

    private EventTypes() {
    }
}
