package org.newsroom.article.messaging;

import java.util.UUID;

/** Fired when a transaction writes an outbox row; the relay observes its successful commit and sends at once. */
public record OutboxWritten(UUID eventId) {
}
