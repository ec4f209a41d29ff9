package org.newsroom.article.messaging;

import java.util.UUID;

/**
 * Fired synchronously by the relay after the broker acknowledged an outbox event and before the row is marked sent:
 * the one point where a crash means "sent, but not known to be sent". Tests observe it to inject that crash; an
 * exception thrown by an observer rolls the mark back and the event is sent again, with the same id, on a later run.
 */
public record OutboxSent(UUID eventId, UUID aggregateId, String type) {
}
