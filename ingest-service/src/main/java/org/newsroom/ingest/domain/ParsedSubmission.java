package org.newsroom.ingest.domain;

import org.newsroom.contracts.article.Submission;
import org.newsroom.contracts.article.SubmissionFormat;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A request body turned into a Submission (NFC-normalised, not yet validated), with the format it came in and, for
 * ninjs, the document as received.
 */
public record ParsedSubmission(Submission submission, SubmissionFormat format, JsonNode original) {
}
