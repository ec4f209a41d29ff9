package org.newsroom.notify.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a subscriber is alerted; the JSON and database form is the lower-case name. */
public enum Channel {
    @JsonProperty("webhook")
    WEBHOOK,
    @JsonProperty("email")
    EMAIL;

    public String value() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Channel of(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
