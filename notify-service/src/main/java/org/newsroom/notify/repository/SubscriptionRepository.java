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

    public Optional<Subscription> findByUnsubscribeTokenHash(byte[] hash) {
        return find("unsubscribeTokenHash", (Object) hash).firstResultOptional();
    }

    /** Up to {@code limit} subscriptions with a secret or unsubscribe token still sealed as {@code plain:}. */
    public List<Subscription> withPlainSecrets(int limit) {
        return find("secret like 'plain:%' or unsubscribeTokenSealed like 'plain:%'").page(0, limit).list();
    }

    /** Pending webhook subscriptions created after {@code since} whose re-verification is due, most overdue first. */
    public List<Subscription> dueWebhooks(OffsetDateTime since, OffsetDateTime now, int limit) {
        return getEntityManager().createQuery("select s from Subscription s where s.status = :status "
                + "and s.channel = :channel and s.createdAt > :since "
                + "and (s.nextVerifyAt is null or s.nextVerifyAt <= :now) "
                + "order by s.nextVerifyAt nulls first, s.createdAt", Subscription.class)
                .setParameter("status", SubscriptionStatus.PENDING)
                .setParameter("channel", Channel.WEBHOOK)
                .setParameter("since", since)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList();
    }

    /** The pending subscription of this channel and endpoint, if any (there is at most one). */
    public Optional<Subscription> pendingFor(Channel channel, String endpoint) {
        return find("status = ?1 and channel = ?2 and endpoint = ?3", SubscriptionStatus.PENDING, channel, endpoint)
                .firstResultOptional();
    }

    /** When the last confirmation mail to this address went out (any of its subscriptions), or null. */
    public OffsetDateTime lastConfirmationMail(String address) {
        return getEntityManager().createQuery("select max(s.confirmationSentAt) from Subscription s "
                + "where s.channel = :channel and s.endpoint = :endpoint", OffsetDateTime.class)
                .setParameter("channel", Channel.EMAIL)
                .setParameter("endpoint", address)
                .getSingleResult();
    }

    /**
     * Claims the right to send a confirmation mail now: true (and {@code confirmation_sent_at} set) unless one was
     * sent to this subscription after {@code notBefore}.
     */
    public boolean claimConfirmationMail(java.util.UUID id, OffsetDateTime now, OffsetDateTime notBefore) {
        return getEntityManager().createQuery("update Subscription s set s.confirmationSentAt = :now "
                + "where s.id = :id and (s.confirmationSentAt is null or s.confirmationSentAt <= :notBefore)")
                .setParameter("now", now).setParameter("id", id).setParameter("notBefore", notBefore)
                .executeUpdate() == 1;
    }
}
