package org.newsroom.ingest.messaging;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.jboss.logging.Logger;
import org.newsroom.ingest.config.IngestConfig;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Sends submission records and waits, boundedly, for the broker's acknowledgement ({@code acks=all}, idempotent
 * producer): the HTTP answer is 202 only for an acknowledged record and 503 otherwise. A producer that reaches a fatal
 * state is replaced, so that the service recovers when the broker returns without a restart.
 */
@ApplicationScoped
public class SubmissionPublisher {

    private static final Logger LOG = Logger.getLogger(SubmissionPublisher.class);

    private final KafkaClientConfig kafka;
    private final Duration ackWait;
    private final Timer acked;
    private final Timer failed;
    private final AtomicReference<Producer<String, byte[]>> producer = new AtomicReference<>();

    @Inject
    public SubmissionPublisher(KafkaClientConfig kafka, IngestConfig config, MeterRegistry registry) {
        this.kafka = kafka;
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
     * @throws BrokerUnavailableException when it was not acknowledged within {@code newsroom.ingest.broker.ack-wait}
     */
    public RecordMetadata publish(ProducerRecord<String, byte[]> record) {
        long start = System.nanoTime();
        long deadline = start + ackWait.toNanos();
        Producer<String, byte[]> current = producer();
        try {
            Future<RecordMetadata> future = current.send(record);
            RecordMetadata metadata = future.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            acked.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return metadata;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RecordTooLargeException tooLarge) {
                throw refused(tooLarge, start);
            }
            throw failure(current, e.getCause() == null ? e : e.getCause(), start);
        } catch (TimeoutException e) {
            throw failure(current, e, start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(current, e, start);
        } catch (RecordTooLargeException e) {
            throw refused(e, start);
        } catch (RuntimeException e) {
            throw failure(current, e, start);
        }
    }

    /** One record refused for its size: the shared producer is fine and keeps serving other requests' sends. */
    private RecordTooLargeException refused(RecordTooLargeException e, long start) {
        failed.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        LOG.debugf("record refused: %s", e.getMessage());
        return e;
    }

    private BrokerUnavailableException failure(Producer<String, byte[]> current, Throwable cause, long start) {
        failed.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        boolean transientFailure = cause instanceof RetriableException || cause instanceof TimeoutException
                || cause instanceof InterruptedException;
        if (!transientFailure) {
            LOG.warnf("Kafka producer failed (%s); replacing it", cause.getClass().getSimpleName());
            replace(current);
        } else {
            LOG.debugf("broker did not acknowledge: %s", cause.getMessage());
        }
        return new BrokerUnavailableException("the broker did not acknowledge the submission", cause);
    }

    private Producer<String, byte[]> producer() {
        Producer<String, byte[]> current = producer.get();
        if (current != null) {
            return current;
        }
        synchronized (producer) {
            if (producer.get() == null) {
                producer.set(new KafkaProducer<>(kafka.producer("ingest-service-submissions")));
            }
            return producer.get();
        }
    }

    private void replace(Producer<String, byte[]> broken) {
        if (producer.compareAndSet(broken, null)) {
            try {
                broken.close(Duration.ZERO);
            } catch (RuntimeException e) {
                LOG.debug("closing a failed producer", e);
            }
        }
    }

    @PreDestroy
    void close() {
        Producer<String, byte[]> current = producer.getAndSet(null);
        if (current != null) {
            current.close(Duration.ofSeconds(5));
        }
    }
}
