package org.newsroom.article.domain;

import java.util.List;
import java.util.UUID;

/** The value types of an issue's layout, stored as JSON in {@code issue.pages} and {@code issue.teasers}. */
public final class IssueLayout {

    private IssueLayout() {
    }

    /** A printed page and the articles placed on it, in order. */
    public record Page(int number, String name, List<Placement> placements) {
    }

    /** An article on a page; {@code order} sorts the page's articles. */
    public record Placement(UUID articleId, int order) {
    }

    /** A front-page teaser (导读) pointing at a page of the issue. */
    public record Teaser(String kicker, String headline, int page) {
    }
}
