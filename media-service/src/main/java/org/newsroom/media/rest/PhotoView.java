package org.newsroom.media.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A photo as the HTTP surface shows it: metadata (as embedded, or as edited by the desk), the photographers named by
 * its credit (e.g. {@code 刘坤 陈文卿 摄影报道} → 刘坤, 陈文卿) and rendition URLs.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PhotoView(UUID id, String contentType, int width, int height, long sizeBytes, String sha256,
        String caption, String credit, List<String> photographers, String byline, String copyright, OffsetDateTime takenAt,
        String uploadedBy, OffsetDateTime uploadedAt, boolean isPublic, String status, List<RenditionView> renditions,
        String original) {

    /** One rendition: its URL, width and height. */
    public record RenditionView(String url, int width, int height, String contentType) {
    }
}
