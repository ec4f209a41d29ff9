package org.newsroom.article.domain;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where an article stands in the editorial workflow (API.md "Status"). */
public enum ArticleStatus {
    SUBMITTED("submitted"),
    APPROVED("approved"),
    REJECTED("rejected"),
    PUBLISHED("published"),
    CORRECTED("corrected"),
    RETRACTED("retracted");

    private final String wire;

    ArticleStatus(String wire) {
        this.wire = wire;
    }

    /** The lower-case name used in JSON, query parameters and the database. */
    @JsonValue
    public String wire() {
        return wire;
    }

    /** True once the article went out in an issue (published, corrected or retracted). */
    public boolean wasPublished() {
        return this == PUBLISHED || this == CORRECTED || this == RETRACTED;
    }

    /** True when readers may see the article (subject to distribution and embargo). */
    public boolean readable() {
        return this == PUBLISHED || this == CORRECTED;
    }

    public static Optional<ArticleStatus> fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wire.equals(value)).findFirst();
    }
}
