package org.newsroom.article.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.newsroom.article.domain.OutboxEvent;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Loads and stores {@link OutboxEvent} rows. */
@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxEvent, Long> {

    /**
     * The oldest unsent row, locked for this transaction; rows another relay is sending, and rows set aside as
     * refused for good, are skipped.
     */
    public Optional<OutboxEvent> lockNextUnsent() {
        @SuppressWarnings("unchecked")
        List<OutboxEvent> rows = getEntityManager().createNativeQuery(
                "select * from outbox where sent_at is null and failed_at is null order by id limit 1 for update skip locked",
                OutboxEvent.class).getResultList();
        return rows.stream().findFirst();
    }

    public long countUnsent() {
        return count("sentAt is null and failedAt is null");
    }

    /** Rows the broker refused for good and that were set aside. */
    public long countSetAside() {
        return count("failedAt is not null");
    }

    public long countFor(UUID aggregateId) {
        return count("aggregateId", aggregateId);
    }
}
