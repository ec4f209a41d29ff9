package org.newsroom.article.model;

import java.util.List;
import java.util.UUID;

import org.newsroom.contracts.article.MediaType;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A media item of the Article as readers see it: a {@code uri} item exactly as submitted, or a photo of the photo
 * desk ({@code id}) with its caption and credit (the submission's own when given, else the photo's), its size and its
 * public renditions once media-service has announced the photo (until then only what was submitted).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MediaView(
        MediaType type,
        String uri,
        UUID id,
        String caption,
        String credit,
        Integer width,
        Integer height,
        List<Rendition> renditions) {

    /** A public rendition of a photo, immutable at its URL. */
    public record Rendition(String url, int width, int height, String contentType) {
    }

    /** Whether this is a photo of the photo desk whose renditions are known. */
    public boolean hasRenditions() {
        return id != null && renditions != null && !renditions.isEmpty();
    }
}
