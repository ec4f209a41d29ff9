package org.newsroom.article.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.newsroom.article.config.OutboxConfig;
import org.newsroom.article.domain.OutboxEvent;
import org.newsroom.article.repository.IssueRepository;
import org.newsroom.article.repository.OutboxRepository;
import org.newsroom.common.concurrent.CoalescingRun;
import org.newsroom.common.failure.KafkaRefusals;
import org.newsroom.common.tracing.TraceParents;
import org.newsroom.contracts.CloudEventAttributes;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Sends the outbox to {@code newsroom.issues}: right after a transaction that wrote a row commits, and every second
 * as a fallback (after a failure or a restart), one row at a time, each in its own transaction that
 * locks the row ({@code FOR UPDATE SKIP LOCKED}, so replicas never send the same row concurrently), sends it through
 * channel {@code issues-out} (key = issue id, CloudEvents binary headers, {@code ce_id} = the row's event id,
 * {@code acks=all}, idempotent producer) in the trace of the request that wrote it, waits for the acknowledgement,
 * then marks it sent. A crash between send and mark leaves the row unsent:
 * it is sent again after the restart with the same {@code ce_id}, and consumers deduplicate. A row the broker refuses
 * for good (too large, invalid) is set aside with its reason rather than retried in front of every later row.
 */
@Startup
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    OutboxRepository outbox;

    @Inject
    @Channel("issues-out")
    MutinyEmitter<byte[]> announcements;

    @Inject
    OutboxConfig config;

    @Inject
    Event<OutboxSent> afterSend;

    @Inject
    IssueRepository issues;

    private final Counter sent;
    private final Counter setAside;
    private final AtomicLong pending = new AtomicLong();
    private final CoalescingRun relay = new CoalescingRun(this::relayBatch);
    private volatile String lastFailure;

    @Inject
    public OutboxRelay(MeterRegistry registry) {
        sent = Counter.builder("newsroom.article.outbox.sent").description("Outbox events sent to Kafka")
                .register(registry);
        Gauge.builder("newsroom.article.outbox.pending", pending, AtomicLong::get)
                .description("Outbox events not yet sent to Kafka").register(registry);
        setAside = Counter.builder("newsroom.article.outbox.set.aside")
                .description("Outbox events the broker refused for good (too large, invalid), set aside unsent")
                .register(registry);
    }

    @Scheduled(identity = "outbox-relay", every = "${newsroom.outbox.relay-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        drain();
    }

    /** Sends a freshly written row as soon as its transaction has committed. */
    void onWritten(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten written) {
        try {
            Infrastructure.getDefaultWorkerPool().execute(this::drain);
        } catch (RejectedExecutionException e) {
            // shutting down: the row is sent after the restart
        }
    }

    /** Relays until nothing is left; concurrent calls collapse into one more pass of the running drain. */
    void drain() {
        if (!config.relayEnabled()) {
            return;
        }
        relay.run();
    }

    private void relayBatch() {
        try {
            for (int i = 0; i < config.batchSize(); i++) {
                if (!QuarkusTransaction.requiringNew().call(this::sendOne)) {
                    break;
                }
            }
            pending.set(QuarkusTransaction.requiringNew().call(outbox::countUnsent));
            lastFailure = null;
        } catch (RuntimeException e) {
            String failure = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (!failure.equals(lastFailure)) {
                LOG.warnf("outbox relay: %s; will retry", failure);
            }
            lastFailure = failure;
        }
    }

    /** Sends the oldest unsent row and marks it sent; false when there is none. */
    boolean sendOne() {
        OutboxEvent row = outbox.lockNextUnsent().orElse(null);
        if (row == null) {
            return false;
        }
        RecordHeaders headers = new RecordHeaders();
        new CloudEventAttributes(row.eventId.toString(), row.source, row.type, row.occurredAt.atOffset(ZoneOffset.UTC),
                row.subject).writeTo(headers);
        Message<byte[]> announcement = Message.of(row.payload.getBytes(StandardCharsets.UTF_8))
                .addMetadata(OutgoingKafkaRecordMetadata.<byte[]>builder()
                        .withKey(row.aggregateId.toString().getBytes(StandardCharsets.UTF_8))
                        .withHeaders(headers).build())
                .addMetadata(TracingMetadata.withCurrent(TraceParents.context(row.traceParent)));
        try {
            announcements.sendMessage(announcement).await().atMost(config.sendTimeout());
        } catch (RuntimeException e) {
            Throwable refusal = KafkaRefusals.refusal(e).orElse(null);
            if (refusal != null) {
                setAside(row, refusal);
                return true;
            }
            throw new IllegalStateException("broker did not acknowledge outbox event " + row.eventId + ": "
                    + e.getMessage(), e);
        }
        afterSend.fire(new OutboxSent(row.eventId, row.aggregateId, row.type));
        row.sentAt = Instant.now();
        sent.increment();
        LOG.debugf("outbox event %s (%s) sent", row.eventId, row.type);
        return true;
    }

    /**
     * Marks a row the broker refuses for good as set aside, so that every later announcement still goes out, and
     * tells the issue's editors through its {@code publishError}.
     */
    private void setAside(OutboxEvent row, Throwable refusal) {
        String reason = refusal.getClass().getSimpleName() + ": " + refusal.getMessage();
        row.failedAt = Instant.now();
        row.failure = reason.length() > 2000 ? reason.substring(0, 2000) : reason;
        issues.findForUpdate(row.aggregateId).ifPresent(issue -> issue.publishError =
                "published, but its announcement could not be sent and was set aside: " + row.failure);
        setAside.increment();
        LOG.errorf("outbox event %s (%s, issue %s) refused by the broker for good, set aside: %s", row.eventId,
                row.type, row.aggregateId, row.failure);
    }

    /** Unsent rows counted at the end of the last relay run. */
    public long pending() {
        return pending.get();
    }
}
