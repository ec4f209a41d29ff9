package org.newsroom.notify.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** State of one delivery (one subscription, one issue): pending until delivered, failed or cancelled. */
public enum DeliveryStatus {
    @JsonProperty("pending")
    PENDING,
    @JsonProperty("delivered")
    DELIVERED,
    @JsonProperty("failed")
    FAILED,
    /** The subscription was disabled or unsubscribed before the delivery succeeded. */
    @JsonProperty("cancelled")
    CANCELLED;

    public String value() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static DeliveryStatus of(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
