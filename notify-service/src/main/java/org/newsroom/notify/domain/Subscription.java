package org.newsroom.notify.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A subscriber's wish to be alerted of new issues through one channel, optionally limited to some sections. */
@Entity
@Table(name = "subscription")
public class Subscription {

    @Id
    public UUID id;

    public Channel channel;

    /** Webhook URL or e-mail address. */
    public String endpoint;

    /** Host of the webhook URL, or the e-mail domain; the key of the per-host concurrency limit. */
    @Column(name = "endpoint_host")
    public String endpointHost;

    /** Sections the subscriber wants; empty means every issue. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] sections;

    public SubscriptionStatus status;

    /** The webhook signing secret as stored (encrypted), never logged; null for e-mail. */
    public String secret;

    @Column(name = "manage_token_hash")
    public byte[] manageTokenHash;

    @Column(name = "confirm_token_hash")
    public byte[] confirmTokenHash;

    /** SHA-256 of the unsubscribe token: what an unsubscribe link is looked up by. */
    @Column(name = "unsubscribe_token_hash")
    public byte[] unsubscribeTokenHash;

    /** The unsubscribe token sealed like {@link #secret} (alert mails carry it in their links), never in clear. */
    @Column(name = "unsubscribe_token_sealed")
    public String unsubscribeTokenSealed;

    @Column(name = "status_reason")
    public String statusReason;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Column(name = "verified_at")
    public OffsetDateTime verifiedAt;

    /** When the last confirmation mail of this (e-mail) subscription was sent. */
    @Column(name = "confirmation_sent_at")
    public OffsetDateTime confirmationSentAt;

    /** Failed intent verifications of this (webhook) subscription so far. */
    @Column(name = "verify_attempts")
    public int verifyAttempts;

    /** When the next scheduled re-verification is due (null: at once). */
    @Column(name = "next_verify_at")
    public OffsetDateTime nextVerifyAt;
}
