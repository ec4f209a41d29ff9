package org.newsroom.contracts.article;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a credited person did for the story (记者 reporter, 摄影 photographer, 通讯员 correspondent, ...). */
public enum BylineRole {
    @JsonProperty("reporter") REPORTER,
    @JsonProperty("photographer") PHOTOGRAPHER,
    @JsonProperty("correspondent") CORRESPONDENT,
    @JsonProperty("editor") EDITOR,
    @JsonProperty("translator") TRANSLATOR
}
