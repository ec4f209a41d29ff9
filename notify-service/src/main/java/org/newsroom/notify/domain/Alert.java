package org.newsroom.notify.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One published issue as the durable alert log holds it: its sequence number is the SSE event id. */
@Entity
@Table(name = "alert")
public class Alert {

    @Id
    public Long seq;

    @Column(name = "issue_id")
    public UUID issueId;

    @Column(name = "event_id")
    public String eventId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] sections;

    /** The webhook body, exactly as sent: {"type","timestamp","data"}. */
    public String payload;

    @Column(name = "published_at")
    public OffsetDateTime publishedAt;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    /** W3C traceparent of the span that fanned the issue out (null for alerts older than tracing). */
    public String traceparent;
}
