package org.newsroom.notify.repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.newsroom.notify.domain.Alert;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** The durable alert log: written once per issue by the fan-out, read by the stream and the workers. */
@ApplicationScoped
public class AlertRepository implements PanacheRepositoryBase<Alert, Long> {

    /**
     * Appends the alert of an issue unless its event or issue was seen before. Takes a table lock first so that
     * sequence numbers become visible in increasing order (a reader of {@code seq > n} never misses one).
     *
     * @return the new sequence number, or empty for a duplicate
     */
    public Optional<Long> appendOnce(UUID issueId, String eventId, String sectionsJson, String payload,
            OffsetDateTime publishedAt, String traceparent) {
        getEntityManager().createNativeQuery("LOCK TABLE alert IN EXCLUSIVE MODE").executeUpdate();
        @SuppressWarnings("unchecked")
        List<Number> seq = getEntityManager().createNativeQuery("INSERT INTO alert "
                + "(issue_id, event_id, sections, payload, published_at, created_at, traceparent) "
                + "VALUES (:issue, :event, ARRAY(SELECT jsonb_array_elements_text(CAST(:sections AS jsonb))), "
                + ":payload, :publishedAt, now(), CAST(:traceparent AS text)) ON CONFLICT DO NOTHING RETURNING seq")
                .setParameter("issue", issueId)
                .setParameter("event", eventId)
                .setParameter("sections", sectionsJson)
                .setParameter("payload", payload)
                .setParameter("publishedAt", publishedAt)
                .setParameter("traceparent", traceparent)
                .getResultList();
        return seq.isEmpty() ? Optional.empty() : Optional.of(seq.get(0).longValue());
    }

    public Optional<Alert> findByIssue(UUID issueId) {
        return find("issueId", issueId).firstResultOptional();
    }

    /** Alerts after {@code seq}, oldest first. */
    @Transactional
    public List<Alert> after(long seq, int limit) {
        return find("seq > ?1 order by seq", seq).page(0, limit).list();
    }

    @Transactional
    public long maxSeq() {
        Long max = getEntityManager().createQuery("select max(a.seq) from Alert a", Long.class).getSingleResult();
        return max == null ? 0 : max;
    }
}
