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

    /** True for a refusal of this record for good; retriable errors, authorization and a fenced producer wait. */
    public static boolean refusesForGood(Throwable cause) {
        return cause instanceof RecordTooLargeException
                || cause instanceof RecordBatchTooLargeException
                || cause instanceof InvalidRecordException
                || cause instanceof CorruptRecordException
                || cause instanceof SerializationException;
    }
}
