package org.newsroom.contracts.article;

import java.util.UUID;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A photo, graphic, video or audio item with its caption and credit (e.g. 刘坤 陈文卿 摄影报道): either hosted elsewhere
 * ({@code uri}) or a photo of the photo desk referenced by its {@code id} (media-service owns its bytes).
 */
public record Media(
        @NotNull MediaType type,
        @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http or https URL") String uri,
        @Size(max = 1000) String caption,
        @Size(max = 200) String credit,
        @JsonInclude(JsonInclude.Include.NON_NULL) UUID id) {

    @JsonCreator
    public Media {
    }

    /** An item hosted elsewhere, by URI. */
    public Media(MediaType type, String uri, String caption, String credit) {
        this(type, uri, caption, credit, null);
    }

    /** Exactly one of {@code uri} and {@code id} names the item. */
    @JsonIgnore
    @AssertTrue(message = "give either uri or id (a photo of the photo desk), not both")
    public boolean isUriOrId() {
        return (uri != null && !uri.isBlank()) != (id != null);
    }
}
