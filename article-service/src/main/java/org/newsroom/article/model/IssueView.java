package org.newsroom.article.model;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.newsroom.article.domain.IssueStatus;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An issue as the API shows it. Readers see published issues only, and on their pages only the articles they may
 * read; editors see drafts and every placement, with each article's status.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IssueView(
        UUID id,
        String masthead,
        int number,
        LocalDate date,
        String distributionNote,
        IssueStatus status,
        OffsetDateTime publishAt,
        OffsetDateTime publishedAt,
        String publishError,
        List<Page> pages,
        List<Teaser> teasers,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        Map<String, String> links) {

    /** A page with its placements. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Page(int number, String name, List<Placement> placements) {
    }

    /** A placed article; headline, url and (for editors) status are looked up, not stored with the issue. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Placement(UUID articleId, int order, String headline, String url, String status) {
    }

    /** A teaser (导读). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Teaser(String kicker, String headline, int page) {
    }
}
