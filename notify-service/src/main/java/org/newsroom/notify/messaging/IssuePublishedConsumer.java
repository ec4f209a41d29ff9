package org.newsroom.notify.messaging;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.newsroom.common.failure.Retries;
import org.newsroom.common.tracing.TraceParents;
import org.newsroom.contracts.CloudEventAttributes;
import org.newsroom.contracts.EventTypes;
import org.newsroom.contracts.InvalidEventException;
import org.newsroom.notify.config.NotifyConfig;
import org.newsroom.notify.service.AlertHub;
import org.newsroom.notify.service.DeliveryDispatcher;
import org.newsroom.notify.service.FanOutService;
import org.newsroom.notify.service.NotifyMetrics;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.TracingMetadata;

/**
 * Consumes {@code news.issue.published} from newsroom.issues. The fan-out runs in one database transaction and the
 * offset is committed only after it (post-processing acknowledgement). Failures follow the shared rule
 * ({@link Retries}): while the database is unavailable the fan-out is retried with backoff until it returns, an
 * unclassified failure up to {@code newsroom.notify.fan-out-max-attempts} attempts, one the database refuses for good
 * (poison) not at all. A record that is not a valid event, or whose fan-out keeps failing, is nacked: SmallRye's dead-letter strategy sends it to {@code newsroom.issues.dlq} with the reason in
 * its headers, and the records behind it go on. Replays are harmless: the fan-out is idempotent.
 */
@ApplicationScoped
public class IssuePublishedConsumer {

    private static final Logger LOG = Logger.getLogger(IssuePublishedConsumer.class);
    private static final Duration INITIAL_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final FanOutService fanOut;
    private final DeliveryDispatcher dispatcher;
    private final AlertHub hub;
    private final NotifyMetrics metrics;
    private final NotifyConfig config;

    public IssuePublishedConsumer(FanOutService fanOut, DeliveryDispatcher dispatcher, AlertHub hub,
            NotifyMetrics metrics, NotifyConfig config) {
        this.fanOut = fanOut;
        this.dispatcher = dispatcher;
        this.hub = hub;
        this.metrics = metrics;
        this.config = config;
    }

    /**
     * @param tracing the connector's consumer span of this record (a child of the record's {@code traceparent}); the
     *                alert keeps it so that every delivery of the issue continues that trace
     */
    @Incoming("issues")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record, Optional<TracingMetadata> tracing) {
        FanOutService.Prepared prepared;
        try {
            CloudEventAttributes attributes = CloudEventAttributes.readFrom(record.headers());
            if (!EventTypes.ISSUE_PUBLISHED.equals(attributes.type())) {
                metrics.events("ignored");
                return Uni.createFrom().voidItem();
            }
            if (attributes.id().length() > 255) {
                throw new InvalidEventException("ce_id longer than 255 characters");
            }
            prepared = FanOutService.prepare(attributes, record.value(), traceparent(tracing));
        } catch (InvalidEventException e) {
            metrics.events("dead-lettered");
            LOG.warnf("dead-lettering an invalid record at %s-%d@%d: %s", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return Uni.createFrom().failure(e);
        }
        Uni<FanOutService.Result> work = Uni.createFrom().item(() -> fanOut.fanOut(prepared))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        return Retries.withRetries(work, new Retries.Policy(INITIAL_BACKOFF, MAX_BACKOFF, config.fanOutMaxAttempts()),
                        e -> LOG.warnf("fan-out of issue %s failed, retrying (%s)", prepared.issue().issueId(),
                                e.getMessage()))
                .onFailure().invoke(e -> {
                    metrics.events("dead-lettered");
                    LOG.errorf("fan-out of issue %s failed, dead-lettered: %s", prepared.issue().issueId(),
                            e.getMessage());
                })
                .invoke(result -> {
                    if (result.duplicate()) {
                        metrics.events("duplicate");
                        LOG.debugf("issue %s was already fanned out", prepared.issue().issueId());
                        return;
                    }
                    metrics.events("fanned-out");
                    LOG.infof("issue %s (alert %d): %d deliveries created", prepared.issue().issueId(), result.seq(),
                            result.deliveries());
                    dispatcher.wakeUp();
                    hub.wakeUp();
                })
                .replaceWithVoid();
    }

    /** The traceparent of the consumer span the connector started for this record, or null without one. */
    private static String traceparent(Optional<TracingMetadata> tracing) {
        try (Scope scope = tracing.map(TracingMetadata::getCurrentContext).orElse(Context.root()).makeCurrent()) {
            return TraceParents.current();
        }
    }
}
