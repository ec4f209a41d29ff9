package org.newsroom.ingest.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The part of article-service's Article that decides whether a new revision may be submitted. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ArticleState(String id, Integer revision, String status, String submittedBy) {
}
