package org.newsroom.article.domain;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** Life of an issue: assembled as a draft, optionally scheduled, then published (once). */
public enum IssueStatus {
    DRAFT("draft"),
    SCHEDULED("scheduled"),
    PUBLISHED("published");

    private final String wire;

    IssueStatus(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    public static Optional<IssueStatus> fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wire.equals(value)).findFirst();
    }

    /** Stores the status as its wire name. */
    @jakarta.persistence.Converter
    public static class DbConverter implements jakarta.persistence.AttributeConverter<IssueStatus, String> {
        @Override
        public String convertToDatabaseColumn(IssueStatus status) {
            return status == null ? null : status.wire();
        }

        @Override
        public IssueStatus convertToEntityAttribute(String value) {
            return value == null ? null : fromWire(value)
                    .orElseThrow(() -> new IllegalStateException("unknown issue status in database: " + value));
        }
    }
}
