package org.newsroom.contracts.article;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Who may read a story: everyone, or staff only (never in feeds or public alerts). */
public enum Distribution {
    @JsonProperty("public") PUBLIC,
    @JsonProperty("internal") INTERNAL
}
