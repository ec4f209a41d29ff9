package org.newsroom.notify.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.newsroom.notify.domain.Channel;
import org.newsroom.notify.domain.DeliveryStatus;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The delivery log of a subscription: per issue, each attempt with its answer and the next retry. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeliveryLogResponse(List<Entry> items, String next) {

    /** One delivery (one issue). {@code webhookId} is the {@code webhook-id} header of every attempt. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(UUID id, String webhookId, UUID issueId, Channel channel, DeliveryStatus status,
            String statusReason, OffsetDateTime createdAt, OffsetDateTime deliveredAt, OffsetDateTime nextAttemptAt,
            List<Attempt> attempts) {
    }

    /** One attempt: when, the HTTP status or SMTP reply or error, its outcome and the next retry if any. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Attempt(int number, OffsetDateTime at, OffsetDateTime finishedAt, Integer httpStatus,
            String smtpReply, String error, String outcome, OffsetDateTime nextAttemptAt) {
    }
}
