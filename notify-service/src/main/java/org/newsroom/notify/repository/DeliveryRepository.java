package org.newsroom.notify.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.newsroom.notify.domain.Delivery;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Deliveries: the set-based fan-out, the outbox relay's and the workers' claims, and the views. */
@ApplicationScoped
public class DeliveryRepository implements PanacheRepositoryBase<Delivery, UUID> {

    /**
     * One delivery per matching active subscription for the alert {@code seq}, in one statement; a second run for the
     * same issue inserts nothing.
     *
     * @return the number of deliveries created
     */
    public int fanOut(long seq, long firstAttemptTimeoutMillis) {
        return getEntityManager().createNativeQuery("INSERT INTO delivery "
                + "(id, subscription_id, issue_id, channel, status, attempts, series_started_at, created_at, next_attempt_at) "
                + "SELECT newsroom_uuid_v7(), s.id, a.issue_id, s.channel, 'pending', 0, now(), now(), "
                + "now() + (:timeout * interval '1 millisecond') "
                + "FROM subscription s JOIN alert a ON a.seq = :seq "
                + "WHERE s.status = 'active' AND (cardinality(s.sections) = 0 OR s.sections && a.sections) "
                + "ON CONFLICT (subscription_id, issue_id) DO NOTHING")
                .setParameter("seq", seq)
                .setParameter("timeout", firstAttemptTimeoutMillis)
                .executeUpdate();
    }

    /**
     * Locks up to {@code limit} deliveries not yet published to the delivery topic (skipping rows others hold): rows of
     * (id, subscription id, the issue's traceparent or null).
     */
    @SuppressWarnings("unchecked")
    public List<Object[]> lockUndispatched(int limit) {
        return getEntityManager().createNativeQuery("SELECT d.id, d.subscription_id, a.traceparent FROM delivery d "
                + "LEFT JOIN alert a ON a.issue_id = d.issue_id "
                + "WHERE d.dispatched_at IS NULL ORDER BY d.created_at LIMIT :limit FOR UPDATE OF d SKIP LOCKED")
                .setParameter("limit", limit)
                .getResultList();
    }

    public int markDispatched(List<UUID> ids) {
        return getEntityManager().createNativeQuery("UPDATE delivery SET dispatched_at = now() WHERE id IN (:ids)")
                .setParameter("ids", ids)
                .executeUpdate();
    }

    /**
     * Claims the first attempt of a delivery for a worker of the delivery topic: only a pending delivery nobody has
     * tried yet and nobody holds. Waits for a relay transaction still holding the row.
     */
    public boolean claimFirst(UUID id, UUID owner, long leaseMillis) {
        return getEntityManager().createNativeQuery("UPDATE delivery SET lease_until = now() + (:lease * interval '1 millisecond'), "
                + "lease_owner = :owner WHERE id = :id AND status = 'pending' AND attempts = 0 "
                + "AND (lease_until IS NULL OR lease_until < now())")
                .setParameter("lease", leaseMillis)
                .setParameter("owner", owner)
                .setParameter("id", id)
                .executeUpdate() == 1;
    }

    /** Claims up to {@code limit} due deliveries ({@code next_attempt_at <= now()}) for the poller. */
    @SuppressWarnings("unchecked")
    public List<UUID> claimDue(UUID owner, int limit, long leaseMillis) {
        return getEntityManager().createNativeQuery("UPDATE delivery SET "
                + "lease_until = now() + (:lease * interval '1 millisecond'), lease_owner = :owner "
                + "WHERE id IN (SELECT id FROM delivery WHERE status = 'pending' AND next_attempt_at <= now() "
                + "AND (lease_until IS NULL OR lease_until < now()) ORDER BY next_attempt_at LIMIT :limit "
                + "FOR UPDATE SKIP LOCKED) RETURNING id")
                .setParameter("lease", leaseMillis)
                .setParameter("owner", owner)
                .setParameter("limit", limit)
                .getResultList();
    }

    /** Gives a claimed delivery back, due again after {@code delayMillis} (its host was busy). */
    public void defer(UUID id, UUID owner, long delayMillis) {
        getEntityManager().createNativeQuery("UPDATE delivery SET lease_until = NULL, lease_owner = NULL, "
                + "next_attempt_at = now() + (:delay * interval '1 millisecond') WHERE id = :id AND lease_owner = :owner")
                .setParameter("delay", delayMillis)
                .setParameter("id", id)
                .setParameter("owner", owner)
                .executeUpdate();
    }

    /** Cancels every pending delivery of a subscription that was disabled. */
    public int cancelPending(UUID subscriptionId, String reason) {
        return getEntityManager().createNativeQuery("UPDATE delivery SET status = 'cancelled', status_reason = :reason, "
                + "lease_until = NULL, lease_owner = NULL, next_attempt_at = NULL "
                + "WHERE subscription_id = :subscription AND status = 'pending'")
                .setParameter("reason", reason)
                .setParameter("subscription", subscriptionId)
                .executeUpdate();
    }

    @Transactional
    public long countPending() {
        return count("status", org.newsroom.notify.domain.DeliveryStatus.PENDING);
    }

    /** Per channel and status counts of one issue's deliveries: rows of (channel, status, count). */
    @SuppressWarnings("unchecked")
    public List<Object[]> countsByChannelAndStatus(UUID issueId) {
        return getEntityManager().createNativeQuery("SELECT channel, status, count(*) FROM delivery "
                + "WHERE issue_id = :issue GROUP BY channel, status")
                .setParameter("issue", issueId)
                .getResultList();
    }

    /** Deliveries of one issue that recorded more than one successful attempt (should be none). */
    public long countMultiplySucceeded(UUID issueId) {
        Number n = (Number) getEntityManager().createNativeQuery("SELECT count(*) FROM (SELECT a.delivery_id FROM "
                + "delivery_attempt a JOIN delivery d ON d.id = a.delivery_id WHERE d.issue_id = :issue "
                + "AND a.outcome = 'delivered' GROUP BY a.delivery_id HAVING count(*) > 1) x")
                .setParameter("issue", issueId)
                .getSingleResult();
        return n.longValue();
    }

    /** A page of a subscription's deliveries, newest first, after the keyset cursor (a delivery id) if any. */
    public List<Delivery> pageOfSubscription(UUID subscriptionId, UUID before, int limit) {
        if (before == null) {
            return find("subscriptionId = ?1 order by id desc", subscriptionId).page(0, limit).list();
        }
        return find("subscriptionId = ?1 and id < ?2 order by id desc", subscriptionId, before).page(0, limit).list();
    }
}
