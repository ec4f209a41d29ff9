package org.newsroom.contracts.article;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The wire format a story arrived in at ingest-service. */
public enum SubmissionFormat {
    @JsonProperty("json") JSON,
    @JsonProperty("markdown") MARKDOWN,
    @JsonProperty("ninjs") NINJS
}
