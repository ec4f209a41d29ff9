package org.newsroom.article.rest;

import java.time.OffsetDateTime;

/** Optional body of {@code POST /api/v1/issues/{id}/publish}: a future {@code publishAt} schedules the issue. */
public record PublishRequest(OffsetDateTime publishAt) {
}
