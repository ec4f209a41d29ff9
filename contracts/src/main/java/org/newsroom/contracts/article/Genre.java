package org.newsroom.contracts.article;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Kind of story, as in API.md. */
public enum Genre {
    @JsonProperty("news") NEWS,
    @JsonProperty("photo") PHOTO,
    @JsonProperty("feature") FEATURE,
    @JsonProperty("commentary") COMMENTARY,
    @JsonProperty("interview") INTERVIEW,
    @JsonProperty("brief") BRIEF
}
