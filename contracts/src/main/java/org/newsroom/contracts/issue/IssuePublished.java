package org.newsroom.contracts.issue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

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

    /** A public article placed in the issue, with its lead photo when it has one from the photo desk. */
    public record Article(UUID id, String headline, int page, String section, String url,
            @JsonInclude(JsonInclude.Include.NON_NULL) Image image) {

        /** An article without a lead photo. */
        public Article(UUID id, String headline, int page, String section, String url) {
            this(id, headline, page, section, url, null);
        }
    }

    /** The lead photo of an article: a public rendition (about 1280 pixels wide) with its caption and credit. */
    public record Image(String url, int width, int height, String caption, String credit) {
    }

    /** A front-page teaser (导读) pointing at an inner page. */
    public record Teaser(String kicker, String headline, int page) {
    }
}
