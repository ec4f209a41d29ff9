package org.newsroom.notify.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The durable record of alerting one subscription of one issue (unique per pair); its id is the webhook-id. */
@Entity
@Table(name = "delivery")
public class Delivery {

    @Id
    public UUID id;

    @Column(name = "subscription_id")
    public UUID subscriptionId;

    @Column(name = "issue_id")
    public UUID issueId;

    public Channel channel;

    public DeliveryStatus status;

    /** Attempts of the current series; a manual retry starts a new one. */
    public int attempts;

    @Column(name = "series_started_at")
    public OffsetDateTime seriesStartedAt;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "dispatched_at")
    public OffsetDateTime dispatchedAt;

    @Column(name = "next_attempt_at")
    public OffsetDateTime nextAttemptAt;

    @Column(name = "lease_until")
    public OffsetDateTime leaseUntil;

    @Column(name = "lease_owner")
    public UUID leaseOwner;

    @Column(name = "delivered_at")
    public OffsetDateTime deliveredAt;

    @Column(name = "status_reason")
    public String statusReason;

    /** The Standard Webhooks message id: the same for every attempt of this delivery. */
    public String webhookId() {
        return "msg_" + id;
    }
}
