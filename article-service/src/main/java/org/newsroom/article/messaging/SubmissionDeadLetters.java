package org.newsroom.article.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.newsroom.article.config.SubmissionsConfig;
import org.newsroom.article.messaging.SubmissionMetrics.Event;
import org.newsroom.common.failure.KafkaRefusals;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Sends a record of {@code newsroom.submissions} that can never be stored to {@code newsroom.submissions.dlq}
 * (channel {@code submissions-dlq}), a copy with the reason and origin in headers, and completes only once the
 * broker acknowledged it. Hand-made rather than SmallRye's {@code dead-letter-queue} failure strategy because that
 * strategy can neither dead-letter one record of a batch nor fall back to a trimmed copy when the broker refuses the
 * full one (a maximal record plus our headers exceeds the topic's limit): such a record would stall its partition.
 * While the topic is unavailable the send is retried with backoff for as long as it takes.
 */
@ApplicationScoped
public class SubmissionDeadLetters {

    private static final Logger LOG = Logger.getLogger(SubmissionDeadLetters.class);

    /** Headers added to a dead-lettered record. */
    public static final String DLQ_REASON = "newsroom-dlq-reason";
    public static final String DLQ_TOPIC = "newsroom-dlq-topic";
    public static final String DLQ_PARTITION = "newsroom-dlq-partition";
    public static final String DLQ_OFFSET = "newsroom-dlq-offset";
    /** Present when the dead letter is a trimmed copy (the full one was refused): what was cut and why. */
    public static final String DLQ_TRIMMED = "newsroom-dlq-trimmed";
    /** Most bytes of the original value a trimmed dead letter keeps (a quarter of Kafka's default record limit). */
    static final int TRIMMED_VALUE_BYTES = 256 * 1024;
    private static final int MAX_REASON_CHARS = 500;
    private static final int TRIMMED_KEY_BYTES = 1024;

    @Inject
    @Channel("submissions-dlq")
    MutinyEmitter<byte[]> emitter;

    @Inject
    SubmissionMetrics metrics;

    @Inject
    SubmissionsConfig config;

    /** Dead-letters {@code record} with {@code reason}; the Uni completes when the broker has the copy. */
    public Uni<Void> deadLetter(ConsumerRecord<byte[], byte[]> record, String reason) {
        String shortReason = reason.length() > MAX_REASON_CHARS ? reason.substring(0, MAX_REASON_CHARS) : reason;
        return send(record.key(), record.value(), fullHeaders(record, shortReason))
                .onFailure(KafkaRefusals::refusesForGood).recoverWithUni(failure -> {
                    Throwable refused = KafkaRefusals.refusal(failure).orElse(failure);
                    LOG.warnf("dead-letter copy of %s-%d@%d refused (%s): sending it trimmed", record.topic(),
                            record.partition(), record.offset(), refused.toString());
                    return sendTrimmed(record, shortReason, refused)
                            .invoke(() -> metrics.count(Event.DEAD_LETTER_TRIMMED));
                })
                .onFailure().invoke(e -> {
                    metrics.count(Event.TRANSIENT_FAILURE);
                    LOG.warnf("dead-letter topic unavailable for %s-%d@%d (%s); will retry", record.topic(),
                            record.partition(), record.offset(), e.toString());
                })
                .onFailure().retry().withBackOff(config.retryInitialBackoff(), config.retryMaxBackoff()).indefinitely()
                .invoke(() -> {
                    metrics.count(Event.DEAD_LETTERED);
                    metrics.count(Event.CONSUMED);
                    LOG.warnf("dead-lettered %s-%d@%d: %s", record.topic(), record.partition(), record.offset(),
                            shortReason);
                });
    }

    private Uni<Void> send(byte[] key, byte[] value, RecordHeaders headers) {
        OutgoingKafkaRecordMetadata<byte[]> metadata = OutgoingKafkaRecordMetadata.<byte[]>builder()
                .withKey(key).withHeaders(headers).build();
        return Uni.createFrom().deferred(() -> emitter.sendMessage(
                Message.of(value == null ? new byte[0] : value).addMetadata(metadata)));
    }

    /**
     * The copy that always fits: the key (at most 1 KiB), the CloudEvents headers ({@code ce_*}, each bounded), at
     * most {@link #TRIMMED_VALUE_BYTES} of the value, the reason, and {@link #DLQ_TRIMMED} saying what was cut.
     */
    private Uni<Void> sendTrimmed(ConsumerRecord<byte[], byte[]> record, String reason, Throwable refused) {
        byte[] value = record.value();
        int originalValue = value == null ? 0 : value.length;
        byte[] kept = value == null ? null : Arrays.copyOf(value, Math.min(value.length, TRIMMED_VALUE_BYTES));
        byte[] key = record.key() == null || record.key().length <= TRIMMED_KEY_BYTES ? record.key()
                : Arrays.copyOf(record.key(), TRIMMED_KEY_BYTES);
        RecordHeaders headers = new RecordHeaders();
        int droppedHeaders = 0;
        for (Header header : record.headers()) {
            if (header.key().startsWith("ce_") && header.key().length() <= 64
                    && (header.value() == null || header.value().length <= 1024)) {
                headers.add(header.key(), header.value());
            } else {
                droppedHeaders++;
            }
        }
        addOrigin(headers, record, reason);
        String note = "value " + originalValue + " bytes, kept " + (kept == null ? 0 : kept.length) + "; "
                + droppedHeaders + " headers dropped; full copy refused: " + refused.getClass().getSimpleName() + ": "
                + refused.getMessage();
        headers.add(DLQ_TRIMMED, (note.length() > MAX_REASON_CHARS ? note.substring(0, MAX_REASON_CHARS) : note)
                .getBytes(StandardCharsets.UTF_8));
        return send(key, kept, headers);
    }

    private static RecordHeaders fullHeaders(ConsumerRecord<byte[], byte[]> record, String reason) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            headers.add(header.key(), header.value());
        }
        addOrigin(headers, record, reason);
        return headers;
    }

    private static void addOrigin(RecordHeaders headers, ConsumerRecord<byte[], byte[]> record, String reason) {
        headers.add(DLQ_REASON, reason.getBytes(StandardCharsets.UTF_8));
        headers.add(DLQ_TOPIC, record.topic().getBytes(StandardCharsets.UTF_8));
        headers.add(DLQ_PARTITION, Integer.toString(record.partition()).getBytes(StandardCharsets.UTF_8));
        headers.add(DLQ_OFFSET, Long.toString(record.offset()).getBytes(StandardCharsets.UTF_8));
    }
}
