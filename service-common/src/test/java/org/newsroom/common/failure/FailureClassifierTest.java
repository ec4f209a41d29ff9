package org.newsroom.common.failure;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.newsroom.common.failure.FailureClassifier.Kind;

/** Every SQLSTATE class the consumer can meet is classified deliberately. */
class FailureClassifierTest {

    private static Kind of(String state) {
        return FailureClassifier.classify(new RuntimeException("wrapped", new SQLException("x", state)));
    }

    @Test
    void programLimitsAndDataExceptionsArePoison() {
        assertThat(of("54000")).as("tsvector / index row too large").isEqualTo(Kind.POISON);
        assertThat(of("54001")).isEqualTo(Kind.POISON);
        assertThat(of("22021")).as("invalid byte sequence").isEqualTo(Kind.POISON);
        assertThat(of("22P05")).isEqualTo(Kind.POISON);
        assertThat(of("23502")).isEqualTo(Kind.POISON);
    }

    @Test
    void aCancelledStatementIsNotRetriedForEver() {
        assertThat(of("57014")).isEqualTo(Kind.UNCLASSIFIED);
        // Hibernate wraps 57014 in a QueryTimeoutException: the SQLSTATE decides
        RuntimeException wrapped = new jakarta.persistence.QueryTimeoutException("timeout",
                new RuntimeException(new SQLException("canceling statement due to statement timeout", "57014")));
        assertThat(FailureClassifier.classify(wrapped)).isEqualTo(Kind.UNCLASSIFIED);
    }

    @Test
    void connectionsResourcesAndConflictsAreRetriedWithBackoff() {
        for (String state : new String[] {"08006", "08001", "40001", "40P01", "53300", "53100", "57P01", "57P03",
                "55P03", "58030", "25006", "28P01"}) {
            assertThat(of(state)).as(state).isEqualTo(Kind.TRANSIENT);
        }
    }

    @Test
    void aUniqueViolationAndUnknownStatesAreBounded() {
        assertThat(of("23505")).isEqualTo(Kind.UNCLASSIFIED);
        assertThat(of("XX000")).isEqualTo(Kind.UNCLASSIFIED);
        assertThat(of("42601")).isEqualTo(Kind.UNCLASSIFIED);
    }
}
