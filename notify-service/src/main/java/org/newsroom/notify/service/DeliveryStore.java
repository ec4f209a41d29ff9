package org.newsroom.notify.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.newsroom.notify.config.DeliveryConfig;
import org.newsroom.notify.domain.Alert;
import org.newsroom.notify.domain.Delivery;
import org.newsroom.notify.domain.DeliveryAttempt;
import org.newsroom.notify.domain.DeliveryStatus;
import org.newsroom.notify.domain.Subscription;
import org.newsroom.notify.domain.SubscriptionStatus;
import org.newsroom.notify.repository.AlertRepository;
import org.newsroom.notify.repository.DeliveryAttemptRepository;
import org.newsroom.notify.repository.DeliveryRepository;
import org.newsroom.notify.repository.SubscriptionRepository;

/**
 * The transactions around one attempt: claim (a lease on the delivery row, so only one worker sends at a time),
 * defer, and record the outcome (attempt log, backoff, delivered / failed, 410 disabling the subscription).
 */
@ApplicationScoped
public class DeliveryStore {

    private final DeliveryRepository deliveries;
    private final DeliveryAttemptRepository attempts;
    private final SubscriptionRepository subscriptions;
    private final AlertRepository alerts;
    private final DeliveryConfig config;
    private final Backoff backoff;
    private final Map<UUID, Alert> alertCache = new ConcurrentHashMap<>();

    public DeliveryStore(DeliveryRepository deliveries, DeliveryAttemptRepository attempts,
            SubscriptionRepository subscriptions, AlertRepository alerts, DeliveryConfig config) {
        this.deliveries = deliveries;
        this.attempts = attempts;
        this.subscriptions = subscriptions;
        this.alerts = alerts;
        this.config = config;
        this.backoff = new Backoff(config.retry());
    }

    /** Kafka path: claims and loads the first attempt of a delivery, or empty when someone else has it or did it. */
    @Transactional
    public Optional<DeliveryJob> claimFirst(UUID deliveryId) {
        UUID owner = UUID.randomUUID();
        if (!deliveries.claimFirst(deliveryId, owner, config.lease().toMillis())) {
            return Optional.empty();
        }
        return load(deliveryId, owner);
    }

    /** Poller path: claims and loads up to {@code limit} due deliveries. */
    @Transactional
    public List<DeliveryJob> claimDue(int limit) {
        UUID owner = UUID.randomUUID();
        return deliveries.claimDue(owner, limit, config.lease().toMillis()).stream()
                .map(id -> load(id, owner))
                .flatMap(Optional::stream)
                .toList();
    }

    private Optional<DeliveryJob> load(UUID deliveryId, UUID owner) {
        Delivery delivery = deliveries.findById(deliveryId);
        Subscription subscription = subscriptions.findById(delivery.subscriptionId);
        if (subscription.status != SubscriptionStatus.ACTIVE) {
            delivery.status = DeliveryStatus.CANCELLED;
            delivery.statusReason = "the subscription is " + subscription.status.value();
            delivery.leaseOwner = null;
            delivery.leaseUntil = null;
            delivery.nextAttemptAt = null;
            return Optional.empty();
        }
        Alert alert = alert(delivery.issueId);
        return Optional.of(new DeliveryJob(delivery.id, owner, subscription.id, subscription.channel,
                subscription.endpoint, subscription.endpointHost, subscription.secret, subscription.unsubscribeTokenSealed,
                subscription.sections, alert.issueId, alert.publishedAt, alert.payload, alert.traceparent));
    }

    private Alert alert(UUID issueId) {
        Alert cached = alertCache.get(issueId);
        if (cached != null) {
            return cached;
        }
        Alert alert = alerts.findByIssue(issueId).orElseThrow();
        alerts.getEntityManager().detach(alert);
        if (alertCache.size() > 32) {
            alertCache.clear();
        }
        alertCache.put(issueId, alert);
        return alert;
    }

    @Transactional
    public void defer(DeliveryJob job, long delayMillis) {
        deliveries.defer(job.deliveryId(), job.leaseOwner(), delayMillis);
    }

    /** Writes the attempt to the log and moves the delivery on. */
    @Transactional
    public RecordedOutcome record(DeliveryJob job, AttemptResult result) {
        Delivery delivery = deliveries.findById(job.deliveryId(), LockModeType.PESSIMISTIC_WRITE);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        DeliveryAttempt attempt = new DeliveryAttempt();
        attempt.deliveryId = delivery.id;
        attempt.number = attempts.nextNumber(delivery.id);
        attempt.startedAt = result.startedAt();
        attempt.finishedAt = result.finishedAt();
        attempt.httpStatus = result.httpStatus();
        attempt.smtpReply = AttemptResult.clip(result.smtpReply());
        attempt.error = AttemptResult.clip(result.error());
        boolean ours = job.leaseOwner().equals(delivery.leaseOwner) && delivery.status == DeliveryStatus.PENDING;
        RecordedOutcome outcome;
        switch (result.kind()) {
            case DELIVERED -> {
                attempt.outcome = DeliveryAttempt.DELIVERED;
                boolean changed = delivery.status != DeliveryStatus.DELIVERED;
                delivery.status = DeliveryStatus.DELIVERED;
                delivery.deliveredAt = result.finishedAt();
                delivery.statusReason = null;
                clearLease(delivery);
                outcome = new RecordedOutcome(DeliveryStatus.DELIVERED, changed, "delivered");
            }
            case GONE -> {
                attempt.outcome = DeliveryAttempt.GONE;
                boolean changed = delivery.status == DeliveryStatus.PENDING;
                if (changed) {
                    delivery.status = DeliveryStatus.FAILED;
                    delivery.statusReason = "the endpoint answered 410 Gone; the subscription was disabled";
                    clearLease(delivery);
                }
                Subscription subscription = subscriptions.findById(delivery.subscriptionId, LockModeType.PESSIMISTIC_WRITE);
                if (subscription.status != SubscriptionStatus.DISABLED) {
                    subscription.status = SubscriptionStatus.DISABLED;
                    subscription.statusReason = "the endpoint answered 410 Gone";
                    subscription.updatedAt = now;
                }
                deliveries.getEntityManager().flush();
                deliveries.cancelPending(subscription.id, "the subscription was disabled (410 Gone)");
                outcome = new RecordedOutcome(delivery.status, changed, "gone");
            }
            case PERMANENT -> {
                attempt.outcome = DeliveryAttempt.FAILED;
                boolean changed = ours;
                if (ours) {
                    delivery.status = DeliveryStatus.FAILED;
                    delivery.statusReason = "permanently refused";
                    clearLease(delivery);
                }
                outcome = new RecordedOutcome(delivery.status, changed, "failed");
            }
            default -> {
                if (!ours) {
                    attempt.outcome = DeliveryAttempt.RETRY;
                    outcome = new RecordedOutcome(delivery.status, false, "retry");
                    break;
                }
                delivery.attempts++;
                Optional<OffsetDateTime> next = backoff.next(delivery.attempts, delivery.seriesStartedAt, now,
                        result.retryAfter());
                clearLease(delivery);
                if (next.isPresent()) {
                    attempt.outcome = DeliveryAttempt.RETRY;
                    attempt.nextAttemptAt = next.get();
                    delivery.nextAttemptAt = next.get();
                    outcome = new RecordedOutcome(DeliveryStatus.PENDING, false, "retry");
                } else {
                    attempt.outcome = DeliveryAttempt.FAILED;
                    delivery.status = DeliveryStatus.FAILED;
                    delivery.statusReason = "gave up after " + delivery.attempts + " attempts";
                    delivery.nextAttemptAt = null;
                    outcome = new RecordedOutcome(DeliveryStatus.FAILED, true, "failed");
                }
            }
        }
        attempts.persist(attempt);
        return outcome;
    }

    private static void clearLease(Delivery delivery) {
        delivery.leaseOwner = null;
        delivery.leaseUntil = null;
        if (delivery.status != DeliveryStatus.PENDING) {
            delivery.nextAttemptAt = null;
        }
    }
}
