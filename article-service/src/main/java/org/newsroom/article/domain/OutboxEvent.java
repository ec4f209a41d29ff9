package org.newsroom.article.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An event written in the same transaction as the change it announces (table {@code outbox}); the relay sends it to
 * Kafka and then sets {@code sentAt}. Everything needed to send it again identically is stored.
 */
@Entity
@Table(name = "outbox")
public class OutboxEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(name = "aggregate_id", nullable = false)
    public UUID aggregateId;

    @Column(nullable = false)
    public String type;

    @Column(nullable = false)
    public String source;

    public String subject;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(nullable = false)
    public String payload;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    /** When the broker refused this row for good; the relay skips it from then on. */
    @Column(name = "failed_at")
    public Instant failedAt;

    /** Why the broker refused it. */
    public String failure;

    /** W3C {@code traceparent} of the request that wrote the row (null without one): the relay continues it. */
    @Column(name = "trace_parent")
    public String traceParent;
}
