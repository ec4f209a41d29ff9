package org.newsroom.media.service;

import java.util.UUID;

/** CDI event: a photo's public state changed in the transaction that fires it; announce it once that commits. */
public record PhotoChanged(UUID photoId) {
}
