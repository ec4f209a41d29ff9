package org.newsroom.article.model;

import java.time.OffsetDateTime;

import org.newsroom.contracts.article.Submission;
import org.newsroom.contracts.article.SubmissionFormat;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One revision of an article: its number, who made it and when, how, and the content as it stood. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RevisionView(
        int number,
        /** submission (from a reporter through ingest-service) or edit (an editor's PATCH) */
        String kind,
        String author,
        OffsetDateTime createdAt,
        String note,
        /** the revision number ingest-service expected; informative */
        Integer submittedRevision,
        SubmissionFormat format,
        String eventId,
        Submission content) {
}
