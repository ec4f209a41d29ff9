package org.newsroom.article.messaging;

import java.net.ConnectException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Decides whether a failure to store a record is transient (the database or broker is unavailable: retry the same
 * record until it works, never skip it), poison (the record can never be stored: dead-letter it) or unclassified
 * (retry a few times, then dead-letter).
 */
public final class FailureClassifier {

    /** The three kinds of failure. */
    public enum Kind {
        TRANSIENT, POISON, UNCLASSIFIED
    }

    private FailureClassifier() {
    }

    public static Kind classify(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        Kind verdict = Kind.UNCLASSIFIED;
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            Kind kind = classifyOne(t);
            if (kind == Kind.TRANSIENT) {
                return Kind.TRANSIENT;
            }
            if (kind == Kind.POISON) {
                verdict = Kind.POISON;
            }
        }
        return verdict;
    }

    /** True when the failure means a dependency (database, broker) is unavailable. */
    public static boolean isUnavailable(Throwable failure) {
        return classify(failure) == Kind.TRANSIENT;
    }

    private static Kind classifyOne(Throwable t) {
        String name = t.getClass().getName();
        if (t instanceof ConnectException || t instanceof SocketException || t instanceof SQLTransientException
                || name.equals("org.hibernate.exception.JDBCConnectionException")
                || name.equals("org.hibernate.exception.LockAcquisitionException")
                || name.equals("org.hibernate.PessimisticLockException")
                || name.equals("jakarta.persistence.PessimisticLockException")
                || name.equals("jakarta.persistence.LockTimeoutException")
                || name.equals("jakarta.persistence.QueryTimeoutException")
                || name.equals("org.apache.kafka.common.errors.TimeoutException")
                || t instanceof org.apache.kafka.common.errors.RetriableException
                || t instanceof java.util.concurrent.TimeoutException) {
            return Kind.TRANSIENT;
        }
        if (t instanceof SQLException sql) {
            String state = sql.getSQLState();
            String message = String.valueOf(sql.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (state == null) {
                // Agroal: "Sorry, acquisition timeout!" when no connection can be had
                return message.contains("acquisition timeout") || message.contains("connection") ? Kind.TRANSIENT
                        : Kind.UNCLASSIFIED;
            }
            if (state.startsWith("08") || state.startsWith("53") || state.startsWith("57") || state.startsWith("58")
                    || state.equals("40001") || state.equals("40P01") || state.equals("55P03")) {
                return Kind.TRANSIENT;
            }
            if (state.equals("23505")) {
                // a concurrent insert of the same event or article: retrying sees it and deduplicates
                return Kind.UNCLASSIFIED;
            }
            if (state.startsWith("22") || state.startsWith("23")) {
                return Kind.POISON;
            }
        }
        return Kind.UNCLASSIFIED;
    }
}
