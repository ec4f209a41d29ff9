package org.newsroom.media.service;

import java.time.OffsetDateTime;

/** Caption, credit line, creator (byline), copyright and date taken as embedded in the file (any may be null). */
public record PhotoMetadata(String caption, String credit, String byline, String copyright, OffsetDateTime takenAt) {
}
