package org.newsroom.contracts.article;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Kind of media item attached to a story. */
public enum MediaType {
    @JsonProperty("photo") PHOTO,
    @JsonProperty("graphic") GRAPHIC,
    @JsonProperty("video") VIDEO,
    @JsonProperty("audio") AUDIO
}
