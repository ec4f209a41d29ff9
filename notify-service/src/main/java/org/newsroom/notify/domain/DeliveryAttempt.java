package org.newsroom.notify.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One try of a delivery, kept for the delivery log: when, what the receiver answered, and when the next try is. */
@Entity
@Table(name = "delivery_attempt")
public class DeliveryAttempt {

    /** Outcome words of an attempt. */
    public static final String DELIVERED = "delivered";
    public static final String RETRY = "retry";
    public static final String FAILED = "failed";
    public static final String GONE = "gone";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "delivery_id")
    public UUID deliveryId;

    public int number;

    @Column(name = "started_at")
    public OffsetDateTime startedAt;

    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;

    @Column(name = "http_status")
    public Integer httpStatus;

    @Column(name = "smtp_reply")
    public String smtpReply;

    public String error;

    public String outcome;

    @Column(name = "next_attempt_at")
    public OffsetDateTime nextAttemptAt;
}
