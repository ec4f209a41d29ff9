package org.newsroom.article.support;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.newsroom.article.messaging.OutboxSent;

/**
 * Test-only failure injection: makes the outbox relay "crash" after the broker acknowledged an event and before the
 * row is marked sent, once, for an armed issue. Exists only on the test class path.
 */
@ApplicationScoped
public class RelayFaults {

    private final Set<UUID> crashOnceAfterSend = ConcurrentHashMap.newKeySet();

    public void crashOnceAfterSend(UUID issueId) {
        crashOnceAfterSend.add(issueId);
    }

    void onSent(@Observes OutboxSent sent) {
        if (crashOnceAfterSend.remove(sent.aggregateId())) {
            throw new IllegalStateException("injected crash between send and mark of " + sent.eventId());
        }
    }
}
