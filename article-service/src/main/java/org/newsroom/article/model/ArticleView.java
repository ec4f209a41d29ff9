package org.newsroom.article.model;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.newsroom.article.domain.ArticleStatus;
import org.newsroom.contracts.article.BodyBlock;
import org.newsroom.contracts.article.Byline;
import org.newsroom.contracts.article.Distribution;
import org.newsroom.contracts.article.Genre;
import org.newsroom.contracts.article.Source;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The Article of API.md, the service's native representation: every Submission field exactly as submitted, plus
 * identity, workflow status, times, issue placement, correction (and retraction) notes and links.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ArticleView(
        UUID id,
        int revision,
        /** a reporter's revision stored after publication, awaiting an editor (editors and the author only) */
        Integer pendingRevision,
        ArticleStatus status,
        String headline,
        String subheadline,
        String kicker,
        Genre genre,
        String language,
        List<BodyBlock> body,
        List<Byline> bylines,
        String creditLine,
        Source source,
        String section,
        List<String> tags,
        /** as submitted, photos of the photo desk with their caption, credit, size and renditions once known */
        List<MediaView> media,
        Distribution distribution,
        OffsetDateTime embargoedUntil,
        String slug,
        String submittedBy,
        OffsetDateTime submittedAt,
        OffsetDateTime updatedAt,
        OffsetDateTime publishedAt,
        IssueRef issue,
        Note correction,
        Note retraction,
        Map<String, String> links) {

    /** Where the article was printed: the issue, its number and the page. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record IssueRef(UUID id, Integer number, Integer page) {
    }

    /** A note shown with the article (correction) or instead of it (retraction), and when it was made. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Note(String note, OffsetDateTime at) {
    }
}
