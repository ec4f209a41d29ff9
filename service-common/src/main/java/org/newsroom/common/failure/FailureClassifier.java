package org.newsroom.common.failure;

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
        // A SQLSTATE is the database's own word on the failure: it decides over the wrappers' types (Hibernate
        // turns 57014 into a QueryTimeoutException, which must not make a record retry for ever).
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return classifySqlState(sql.getSQLState());
            }
        }
        seen.clear();
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
            return classifySqlState(state);
        }
        return Kind.UNCLASSIFIED;
    }

    /**
     * Every SQLSTATE class, deliberately: what the record can never satisfy is poison, what an operator or time
     * repairs (connections, resources, failover, credentials, a schema not yet migrated) is retried with backoff for
     * as long as it takes, and the rest (a cancelled statement, a bug) is retried a bounded number of times.
     */
    public static Kind classifySqlState(String state) {
        if (state == null || state.length() != 5) {
            return Kind.UNCLASSIFIED;
        }
        String sqlClass = state.substring(0, 2);
        return switch (sqlClass) {
            // connection exception; transaction rollback (serialization failure, deadlock); insufficient resources;
            // system error (I/O); configuration file error; invalid authorization (credentials being rotated)
            case "08", "40", "53", "58", "F0", "28" -> Kind.TRANSIENT;
            // data exception (bad encoding, value out of range, ...); program limit exceeded (54000 a tsvector or
            // index row too large, 54001 statement too complex, 54011 too many columns); feature not supported
            case "22", "54", "0A" -> Kind.POISON;
            // integrity: a unique violation is a concurrent insert the retry deduplicates; the others never pass
            case "23" -> state.equals("23505") ? Kind.UNCLASSIFIED : Kind.POISON;
            // 57014 query_canceled (statement timeout, cancel request): may be this record's doing, so bounded;
            // 57P01-57P05 admin/crash shutdown, cannot connect now, idle timeout: the server comes back
            case "57" -> state.startsWith("57P") ? Kind.TRANSIENT : Kind.UNCLASSIFIED;
            // lock not available, object in use: another transaction holds it
            case "55" -> state.equals("55P03") || state.equals("55006") ? Kind.TRANSIENT : Kind.UNCLASSIFIED;
            // read-only transaction (a standby after failover), idle-in-transaction timeout
            case "25" -> state.equals("25006") || state.equals("25P03") ? Kind.TRANSIENT : Kind.UNCLASSIFIED;
            // insufficient privilege, undefined table/column/function: a deployment not yet complete; every record
            // would fail alike, so dead-lettering them would lose them all. Other 42xxx (e.g. a tsvector literal
            // that does not parse) may be the record's: bounded.
            case "42" -> state.equals("42501") || state.equals("42P01") || state.equals("42703")
                    || state.equals("42883") ? Kind.TRANSIENT : Kind.UNCLASSIFIED;
            // cardinality, invalid transaction state, plpgsql raise, internal error, warnings...: bounded attempts
            default -> Kind.UNCLASSIFIED;
        };
    }
}
