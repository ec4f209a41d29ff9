package org.newsroom.article.messaging;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.newsroom.article.config.SubmissionsConfig;
import org.newsroom.article.service.StoreOutcome;
import org.newsroom.article.service.SubmissionStore;
import org.newsroom.common.failure.FailureClassifier;
import org.newsroom.common.failure.Retries;
import org.newsroom.common.tracing.TraceParents;
import org.newsroom.contracts.InvalidEventException;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * The consumer of {@code newsroom.submissions} (channel {@code submissions}, batches of up to
 * {@code max.poll.records}), with the delivery guarantees in one place:
 * <ul>
 * <li>Records are handled one after the other, each stored in its own database transaction ({@link SubmissionStore});
 * the batch is acknowledged only when every record is stored or dead-lettered, and the connector's
 * {@code throttled} strategy commits offsets only up to acknowledged records.</li>
 * <li>While the database (or, for dead letters, the broker) is unavailable, the same record is retried with
 * exponential backoff until it works ({@link Retries}); nothing behind it is skipped and the service need not
 * restart.</li>
 * <li>A record that is not a valid event, that the database can never accept, or that keeps failing
 * ({@code newsroom.submissions.max-attempts-unclassified}) goes to the dead-letter topic with the reason in headers
 * ({@link SubmissionDeadLetters}), and the partition moves on.</li>
 * <li>Redelivery after a crash or rebalance is harmless: {@link SubmissionStore} deduplicates by CloudEvent id.</li>
 * <li>Each record is handled in a span of the trace its {@code traceparent} header names (ingest's request), so that
 * one trace runs from the reporter's {@code POST} to the stored revision.</li>
 * </ul>
 */
@ApplicationScoped
public class SubmissionConsumer {

    private static final Logger LOG = Logger.getLogger(SubmissionConsumer.class);

    @Inject
    SubmissionsConfig config;

    @Inject
    SubmissionDecoder decoder;

    @Inject
    SubmissionStore store;

    @Inject
    SubmissionDeadLetters deadLetters;

    @Inject
    SubmissionMetrics metrics;

    @Inject
    SubmissionLag lag;

    @Inject
    Tracer tracer;

    private volatile Instant lastBatch;
    private volatile String lastProblem;

    @Incoming("submissions")
    public Uni<Void> consume(ConsumerRecords<byte[], byte[]> records) {
        lastBatch = Instant.now();
        return Multi.createFrom().iterable(records)
                .onItem().transformToUniAndConcatenate(this::handle)
                .onItem().ignoreAsUni()
                .invoke(() -> {
                    lastProblem = null;
                    lag.update();
                });
    }

    /** When the last batch arrived; null before the first. */
    public Instant lastBatch() {
        return lastBatch;
    }

    /** Why the current record is being retried; null when nothing is. */
    public String lastProblem() {
        return lastProblem;
    }

    /** Decodes and stores one record (or dead-letters it) in a span of the trace its {@code traceparent} names. */
    private Uni<Void> handle(ConsumerRecord<byte[], byte[]> record) {
        return Uni.createFrom().deferred(() -> {
            Span span = tracer.spanBuilder(record.topic() + " store").setSpanKind(SpanKind.CONSUMER)
                    .setParent(TraceParents.context(record.headers()))
                    .setAttribute("messaging.system", "kafka")
                    .setAttribute("messaging.destination.name", record.topic())
                    .setAttribute("messaging.destination.partition.id", String.valueOf(record.partition()))
                    .setAttribute("messaging.kafka.message.offset", record.offset())
                    .startSpan();
            return Uni.createFrom().item(() -> decode(record))
                    .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                    .chain(decoding -> decoding.event() != null ? store(record, decoding.event(), span)
                            : deadLetters.deadLetter(record, decoding.poisonReason())
                                    .invoke(() -> span.setAttribute("newsroom.dead-lettered", true)))
                    .onTermination().invoke(span::end);
        });
    }

    /** The record as a valid event, or why it is poison. */
    private Decoding decode(ConsumerRecord<byte[], byte[]> record) {
        try {
            return new Decoding(decoder.decode(record), null);
        } catch (InvalidEventException e) {
            return new Decoding(null, e.getMessage());
        } catch (RuntimeException e) {
            return new Decoding(null, "undecodable record: " + e.getClass().getSimpleName());
        }
    }

    private record Decoding(SubmissionDecoder.Decoded event, String poisonReason) {
    }

    private Uni<Void> store(ConsumerRecord<byte[], byte[]> record, SubmissionDecoder.Decoded decoded, Span span) {
        Uni<StoreOutcome> attempt = Uni.createFrom().item(() -> {
            try (Scope scope = span.makeCurrent()) {
                return store.store(decoded.attributes(), decoded.event());
            }
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        Retries.Policy policy = new Retries.Policy(config.retryInitialBackoff(), config.retryMaxBackoff(),
                config.maxAttemptsUnclassified());
        return Retries.withRetries(attempt, policy, e -> {
                    span.recordException(e);
                    metrics.transientFailure();
                    lastProblem = rootMessage(e);
                    LOG.warnf("submissions consumer: %s-%d@%d not stored yet (%s); will retry", record.topic(),
                            record.partition(), record.offset(), lastProblem);
                })
                .onItem().invoke(outcome -> {
                    span.setAttribute("newsroom.article.id", decoded.event().id().toString());
                    span.setAttribute("newsroom.store.outcome", outcome.name());
                    count(decoded, outcome);
                })
                .replaceWithVoid()
                .onFailure().recoverWithUni(e -> {
                    FailureClassifier.Kind kind = FailureClassifier.classify(e);
                    String reason = kind == FailureClassifier.Kind.POISON ? "the database refuses it: " + rootMessage(e)
                            : "failed " + config.maxAttemptsUnclassified() + " times: " + rootMessage(e);
                    if (kind != FailureClassifier.Kind.POISON) {
                        LOG.errorf(e, "giving up on %s-%d@%d", record.topic(), record.partition(), record.offset());
                    }
                    return deadLetters.deadLetter(record, reason);
                });
    }

    private void count(SubmissionDecoder.Decoded decoded, StoreOutcome outcome) {
        metrics.consumed();
        switch (outcome) {
            case DUPLICATE -> {
                metrics.duplicate();
                LOG.debugf("duplicate submission %s ignored", decoded.attributes().id());
            }
            case STORED_AFTER_PUBLICATION -> {
                metrics.stored();
                metrics.pendingAfterPublication();
                LOG.infof("article %s is already published: revision stored as pending, published state kept",
                        decoded.event().id());
            }
            case REHOMED -> {
                metrics.stored();
                metrics.rehomed();
                LOG.warnf("new story %s names the existing article %s: stored as an article of its own",
                        decoded.attributes().id(), decoded.event().id());
            }
            default -> metrics.stored();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage().lines().findFirst().orElse("");
        return root.getClass().getSimpleName() + message;
    }
}
