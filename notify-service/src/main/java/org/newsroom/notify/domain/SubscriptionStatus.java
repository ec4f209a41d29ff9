package org.newsroom.notify.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Life cycle of a subscription: pending until intent is verified (webhook) or opt-in confirmed (e-mail). */
public enum SubscriptionStatus {
    @JsonProperty("pending")
    PENDING,
    @JsonProperty("active")
    ACTIVE,
    @JsonProperty("disabled")
    DISABLED;

    public String value() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static SubscriptionStatus of(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
