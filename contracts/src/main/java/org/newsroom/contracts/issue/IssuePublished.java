package org.newsroom.contracts.issue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Data of {@code news.issue.published} on {@code newsroom.issues} (EVENTS.md); only public articles are listed. */
public record IssuePublished(
        UUID issueId,
        String masthead,
        int number,
        LocalDate date,
        OffsetDateTime publishedAt,
        String distributionNote,
        String url,
        List<Page> pages,
        List<Article> articles,
        List<Teaser> teasers) {

    /** A page of the printed issue. */
    public record Page(int number, String name) {
    }

    /** A public article placed in the issue. */
    public record Article(UUID id, String headline, int page, String section, String url) {
    }

    /** A front-page teaser (导读) pointing at an inner page. */
    public record Teaser(String kicker, String headline, int page) {
    }
}
