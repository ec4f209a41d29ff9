package org.newsroom.notify.service;

import java.time.Duration;
import java.time.OffsetDateTime;

/** What one delivery attempt produced, before it is written to the delivery log. */
public record AttemptResult(Kind kind, Integer httpStatus, String smtpReply, String error, Duration retryAfter,
        OffsetDateTime startedAt, OffsetDateTime finishedAt) {

    /** How the attempt ended. */
    public enum Kind {
        /** 2xx, or the SMTP relay accepted the mail. */
        DELIVERED,
        /** 410 Gone: the subscriber wants no more; the subscription is disabled. */
        GONE,
        /** A permanent refusal (SMTP 5xx for the recipient): no retry. */
        PERMANENT,
        /** Anything else: retry later. */
        RETRY
    }

    public static String clip(String text) {
        if (text == null) {
            return null;
        }
        String oneLine = text.replaceAll("[\\r\\n\\t]+", " ").trim();
        return oneLine.length() <= 500 ? oneLine : oneLine.substring(0, 497) + "...";
    }
}
