package org.newsroom.notify.rest;

import java.util.List;
import java.util.UUID;

import org.newsroom.notify.domain.Channel;
import org.newsroom.notify.domain.SubscriptionStatus;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer to a new subscription: the only time the webhook signing {@code secret} and the {@code manageToken} are
 * shown. {@code statusReason} says why a webhook is still pending.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriptionCreatedResponse(UUID id, Channel channel, String endpoint, List<String> sections,
        SubscriptionStatus status, String statusReason, String secret, String manageToken) {
}
