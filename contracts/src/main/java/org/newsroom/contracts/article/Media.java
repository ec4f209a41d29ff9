package org.newsroom.contracts.article;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A photo, graphic, video or audio item with its caption and credit (e.g. 刘坤 陈文卿 摄影报道). */
public record Media(
        @NotNull MediaType type,
        @NotBlank @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http or https URL") String uri,
        @Size(max = 1000) String caption,
        @Size(max = 200) String credit) {
}
