package org.newsroom.common.failure;

import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.CorruptRecordException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Which failures of a Kafka send concern the one record only (it is too large, invalid or unserialisable, and
 * sending it again can never work) rather than the broker's availability: such a record is set aside, with its
 * reason, instead of being retried for ever in front of every record behind it.
 */
public final class KafkaRefusals {

    private KafkaRefusals() {
    }

    /**
     * True for a refusal of this record for good, the cause chain included (clients and SmallRye wrap it);
     * retriable errors, authorization and a fenced producer wait.
     */
    public static boolean refusesForGood(Throwable failure) {
        return refusal(failure).isPresent();
    }

    /** The refusal for good in the cause chain of {@code failure}, if there is one. */
    public static java.util.Optional<Throwable> refusal(Throwable failure) {
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (cause instanceof RecordTooLargeException
                    || cause instanceof RecordBatchTooLargeException
                    || cause instanceof InvalidRecordException
                    || cause instanceof CorruptRecordException
                    || cause instanceof SerializationException) {
                return java.util.Optional.of(cause);
            }
        }
        return java.util.Optional.empty();
    }
}
