package org.newsroom.article.messaging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.newsroom.article.config.SubmissionsConfig;
import org.newsroom.article.messaging.SubmissionMetrics.Event;
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
 * <li>The valid records of a batch are stored in order in one database transaction ({@link SubmissionStore#storeAll});
 * if that fails for another reason than an unavailable database, they are stored one by one, each in its own
 * transaction, so that one bad record costs only itself. The batch is acknowledged only when every record is stored
 * or dead-lettered, and the connector's {@code throttled} strategy commits offsets only up to acknowledged
 * records.</li>
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
        List<Item> items = new ArrayList<>(records.count());
        records.forEach(record -> items.add(new Item(record, span(record))));
        return Uni.createFrom().item(() -> {
                    items.forEach(item -> item.decoding = decode(item.record));
                    return items;
                })
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(this::deadLetterPoison)
                .chain(this::storeBatch)
                .onTermination().invoke(() -> items.forEach(item -> item.span.end()))
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

    /** A record of the batch, what decoding made of it, and its span in the trace its {@code traceparent} names. */
    private static final class Item {
        final ConsumerRecord<byte[], byte[]> record;
        final Span span;
        Decoding decoding;

        Item(ConsumerRecord<byte[], byte[]> record, Span span) {
            this.record = record;
            this.span = span;
        }
    }

    private Span span(ConsumerRecord<byte[], byte[]> record) {
        return tracer.spanBuilder(record.topic() + " store").setSpanKind(SpanKind.CONSUMER)
                .setParent(TraceParents.context(record.headers()))
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.destination.partition.id", String.valueOf(record.partition()))
                .setAttribute("messaging.kafka.message.offset", record.offset())
                .startSpan();
    }

    /** Dead-letters the records that are not valid events, one after the other; returns the valid ones. */
    private Uni<List<Item>> deadLetterPoison(List<Item> items) {
        List<Item> poison = items.stream().filter(item -> item.decoding.event() == null).toList();
        List<Item> valid = items.stream().filter(item -> item.decoding.event() != null).toList();
        return Multi.createFrom().iterable(poison)
                .onItem().transformToUniAndConcatenate(item -> deadLetters
                        .deadLetter(item.record, item.decoding.poisonReason())
                        .invoke(() -> item.span.setAttribute("newsroom.dead-lettered", true)))
                .onItem().ignoreAsUni()
                .replaceWith(valid);
    }

    /**
     * Stores the valid records of a batch in one transaction, retried while the database is unavailable; if the
     * batch fails otherwise, one of its records is at fault: they are stored one by one, each with its own retries
     * and dead-lettering, so that the others are stored.
     */
    private Uni<Void> storeBatch(List<Item> items) {
        if (items.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<SubmissionStore.Submitted> batch = items.stream().map(item -> new SubmissionStore.Submitted(
                item.decoding.event().attributes(), item.decoding.event().event())).toList();
        Uni<List<StoreOutcome>> attempt = Uni.createFrom().item(() -> {
            try (Scope scope = items.get(0).span.makeCurrent()) {
                return store.storeAll(batch);
            }
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        return Retries.whileUnavailable(attempt, config.retryPolicy(), e -> retrying(items.get(0).record, e))
                .onItem().invoke(outcomes -> {
                    for (int i = 0; i < items.size(); i++) {
                        recorded(items.get(i), outcomes.get(i));
                    }
                })
                .replaceWithVoid()
                .onFailure().recoverWithUni(e -> {
                    LOG.warnf("a batch of %d submissions failed (%s): storing them one by one", items.size(),
                            rootMessage(e));
                    return Multi.createFrom().iterable(items)
                            .onItem().transformToUniAndConcatenate(item -> store(item.record, item.decoding.event(),
                                    item.span))
                            .onItem().ignoreAsUni();
                });
    }

    private void retrying(ConsumerRecord<byte[], byte[]> record, Throwable e) {
        metrics.count(Event.TRANSIENT_FAILURE);
        lastProblem = rootMessage(e);
        LOG.warnf("submissions consumer: %s-%d@%d not stored yet (%s); will retry", record.topic(), record.partition(),
                record.offset(), lastProblem);
    }

    private void recorded(Item item, StoreOutcome outcome) {
        item.span.setAttribute("newsroom.article.id", item.decoding.event().event().id().toString());
        item.span.setAttribute("newsroom.store.outcome", outcome.name());
        count(item.decoding.event(), outcome);
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
        Retries.Policy policy = config.retryPolicy();
        return Retries.withRetries(attempt, policy, e -> {
                    span.recordException(e);
                    retrying(record, e);
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
        metrics.count(Event.CONSUMED);
        switch (outcome) {
            case DUPLICATE -> {
                metrics.count(Event.DUPLICATE);
                LOG.debugf("duplicate submission %s ignored", decoded.attributes().id());
            }
            case STORED_AFTER_PUBLICATION -> {
                metrics.count(Event.STORED);
                metrics.count(Event.PENDING_AFTER_PUBLICATION);
                LOG.infof("article %s is already published: revision stored as pending, published state kept",
                        decoded.event().id());
            }
            case REHOMED -> {
                metrics.count(Event.STORED);
                metrics.count(Event.REHOMED);
                LOG.warnf("new story %s names the existing article %s: stored as an article of its own",
                        decoded.attributes().id(), decoded.event().id());
            }
            default -> metrics.count(Event.STORED);
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
