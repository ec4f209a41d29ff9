package org.newsroom.contracts.article;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Kind of body block. */
public enum BlockType {
    @JsonProperty("paragraph") PARAGRAPH,
    @JsonProperty("heading") HEADING,
    @JsonProperty("quote") QUOTE
}
