package org.newsroom.notify.messaging;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.newsroom.contracts.CloudEventAttributes;
import org.newsroom.contracts.EventTypes;
import org.newsroom.contracts.InvalidEventException;
import org.newsroom.notify.service.AlertHub;
import org.newsroom.notify.service.DeliveryDispatcher;
import org.newsroom.notify.service.FanOutService;
import org.newsroom.notify.service.NotifyMetrics;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Consumes {@code news.issue.published} from newsroom.issues. The fan-out runs in one database transaction and the
 * offset is committed only after it (post-processing acknowledgement); a failure of the database is retried with
 * backoff, a malformed event is logged and skipped. Replays are harmless: the fan-out is idempotent.
 */
@ApplicationScoped
public class IssuePublishedConsumer {

    private static final Logger LOG = Logger.getLogger(IssuePublishedConsumer.class);

    private final FanOutService fanOut;
    private final DeliveryDispatcher dispatcher;
    private final AlertHub hub;
    private final NotifyMetrics metrics;

    public IssuePublishedConsumer(FanOutService fanOut, DeliveryDispatcher dispatcher, AlertHub hub,
            NotifyMetrics metrics) {
        this.fanOut = fanOut;
        this.dispatcher = dispatcher;
        this.hub = hub;
        this.metrics = metrics;
    }

    @Incoming("issues")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
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
            prepared = FanOutService.prepare(attributes, record.value());
        } catch (InvalidEventException e) {
            metrics.events("rejected");
            LOG.warnf("skipping an invalid record at %s-%d@%d: %s", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().item(() -> fanOut.fanOut(prepared))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .onFailure().invoke(e -> LOG.warnf("fan-out of issue %s failed (%s); retrying",
                        prepared.issue().issueId(), e.getMessage()))
                .onFailure().retry().withBackOff(Duration.ofMillis(500), Duration.ofSeconds(30)).indefinitely()
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
}
