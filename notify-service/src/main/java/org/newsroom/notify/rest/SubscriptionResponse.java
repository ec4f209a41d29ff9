package org.newsroom.notify.rest;

import java.util.List;
import java.util.UUID;

import org.newsroom.notify.domain.Channel;
import org.newsroom.notify.domain.SubscriptionStatus;

/**
 * A subscription as its owner sees it ({@code GET /api/v1/subscriptions/{id}}); {@code statusReason} says why it is
 * still pending or disabled.
 */
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
public record SubscriptionResponse(UUID id, Channel channel, String endpoint, List<String> sections,
        SubscriptionStatus status, String statusReason) {
}
