package org.newsroom.ingest.messaging;

import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.newsroom.common.failure.KafkaRefusals;
import org.newsroom.ingest.config.IngestConfig;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.context.Context;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Sends submission records through the {@code submissions} channel ({@code mp.messaging.outgoing.submissions.*}:
 * {@code acks=all}, idempotent producer, bounded timeouts) and waits, boundedly, for the broker's acknowledgement:
 * the HTTP answer is 202 only for an acknowledged record and 503 otherwise. A record the request gave up on may
 * still reach the broker (the connector resends a failed record within {@code delivery.timeout.ms}); the 503 never
 * hides an acknowledged record. The record's {@code traceparent} is written by the connector's OpenTelemetry
 * instrumentation: its producer span is a child of the current (HTTP server) span.
 */
@ApplicationScoped
public class SubmissionPublisher {

    private static final Logger LOG = Logger.getLogger(SubmissionPublisher.class);

    private final MutinyEmitter<byte[]> emitter;
    private final Duration ackWait;
    private final Timer acked;
    private final Timer failed;

    public SubmissionPublisher(@Channel("submissions") MutinyEmitter<byte[]> emitter, IngestConfig config,
            MeterRegistry registry) {
        this.emitter = emitter;
        this.ackWait = config.broker().ackWait();
        this.acked = ackTimer(registry, "acked");
        this.failed = ackTimer(registry, "failed");
    }

    private static Timer ackTimer(MeterRegistry registry, String outcome) {
        return Timer.builder("newsroom.ingest.broker.ack")
                .description("Time from sending a submission record to the broker's acknowledgement (acks=all)")
                .tag("outcome", outcome)
                .register(registry);
    }

    /**
     * Sends the record and returns once the broker acknowledged it.
     *
     * @throws RecordTooLargeException when the producer or the broker refuses the record for its size
     * @throws BrokerUnavailableException when it was not acknowledged within {@code newsroom.ingest.broker.ack-wait}
     */
    public void publish(String key, byte[] value, Headers headers) {
        Message<byte[]> message = Message.of(value)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(key).withHeaders(headers).build())
                // the producer span is a child of this request's span, whichever thread the connector sends on
                .addMetadata(TracingMetadata.withCurrent(Context.current()));
        long start = System.nanoTime();
        try {
            emitter.sendMessage(message).await().atMost(ackWait);
            acked.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        } catch (RuntimeException e) {
            failed.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            throw failure(e);
        }
    }

    private RuntimeException failure(RuntimeException e) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof RecordTooLargeException tooLarge) {
            LOG.debugf("record refused for its size: %s", tooLarge.getMessage());
            return tooLarge;
        }
        if (cause instanceof RecordBatchTooLargeException tooLarge) {
            LOG.debugf("record refused for its size: %s", tooLarge.getMessage());
            return new RecordTooLargeException(tooLarge.getMessage(), tooLarge);
        }
        if (KafkaRefusals.refusesForGood(cause)) {
            // this record only, for good: the producer, which every request's sends share, is fine
            LOG.warnf("the broker refused a submission record (%s: %s)", cause.getClass().getSimpleName(),
                    cause.getMessage());
        } else if (cause instanceof TimeoutException) {
            LOG.debugf("the broker did not acknowledge within %s", ackWait);
        } else {
            LOG.debugf("the broker did not acknowledge: %s", cause);
        }
        return new BrokerUnavailableException("the broker did not acknowledge the submission", cause);
    }
}
