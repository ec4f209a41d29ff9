package org.newsroom.notify.repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.newsroom.notify.domain.Channel;
import org.newsroom.notify.domain.Subscription;
import org.newsroom.notify.domain.SubscriptionStatus;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Subscriptions by id and by their confirmation and unsubscribe tokens. */
@ApplicationScoped
public class SubscriptionRepository implements PanacheRepositoryBase<Subscription, UUID> {

    public Optional<Subscription> findByConfirmTokenHash(byte[] hash) {
        return find("confirmTokenHash", (Object) hash).firstResultOptional();
    }

    public Optional<Subscription> findByUnsubscribeToken(String token) {
        return find("unsubscribeToken", token).firstResultOptional();
    }

    /** Pending webhook subscriptions created after {@code since}, oldest first (for re-verification). */
    public List<UUID> pendingWebhooksSince(OffsetDateTime since, int limit) {
        return getEntityManager().createQuery("select s.id from Subscription s where s.status = :status "
                + "and s.channel = :channel and s.createdAt > :since order by s.createdAt", UUID.class)
                .setParameter("status", SubscriptionStatus.PENDING)
                .setParameter("channel", Channel.WEBHOOK)
                .setParameter("since", since)
                .setMaxResults(limit)
                .getResultList();
    }
}
