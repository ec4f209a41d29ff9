package org.newsroom.media.messaging;

import java.util.UUID;

/** Internal record on newsroom.media-renditions: make the renditions of this photo. */
public record RenditionRequest(UUID photoId) {
}
