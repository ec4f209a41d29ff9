package org.newsroom.contracts.media;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Data of {@code news.photo.updated} on {@code newsroom.photos} (EVENTS.md): what the public may know of a photo of
 * the photo desk — never its uploader, original or private metadata. The latest record of a photo is its state;
 * {@code updatedAt} orders them.
 */
public record PhotoUpdated(
        UUID id,
        int width,
        int height,
        String caption,
        String credit,
        String byline,
        List<String> photographers,
        List<Rendition> renditions,
        OffsetDateTime updatedAt) {

    /** A public JPEG rendition, immutable at its URL. */
    public record Rendition(String url, int width, int height, String contentType) {
    }
}
