package org.newsroom.notify.rest;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.newsroom.notify.domain.Channel;

/** Body of {@code POST /api/v1/subscriptions}: a webhook URL or an e-mail address, and optional sections. */
public record SubscriptionRequest(
        @NotNull Channel channel,
        @NotBlank @Size(max = 2048) String endpoint,
        @Size(max = 50) List<@NotBlank @Size(max = 100) String> sections) {
}
