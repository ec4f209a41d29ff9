package org.newsroom.notify.messaging;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.newsroom.contracts.EventJson;
import org.newsroom.contracts.InvalidEventException;
import org.newsroom.notify.service.DeliveryWorker;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * The delivery workers' side of newsroom.deliveries: each replica in the consumer group gets a share of the
 * partitions and makes the first attempt of those deliveries. Records are processed concurrently (up to the
 * {@code delivery-workers} pool size); a record whose delivery was already claimed or made is skipped.
 */
@ApplicationScoped
public class DeliveryConsumer {

    private static final Logger LOG = Logger.getLogger(DeliveryConsumer.class);

    private final DeliveryWorker worker;

    public DeliveryConsumer(DeliveryWorker worker) {
        this.worker = worker;
    }

    @Incoming("deliveries")
    @Blocking(value = "delivery-workers", ordered = false)
    public void consume(ConsumerRecord<String, byte[]> record, Optional<TracingMetadata> tracing) {
        UUID deliveryId;
        try {
            deliveryId = EventJson.read(record.value(), DeliveryRecord.class).deliveryId();
        } catch (InvalidEventException e) {
            LOG.warnf("skipping an invalid delivery record at %d@%d", record.partition(), record.offset());
            return;
        }
        if (deliveryId == null) {
            return;
        }
        // the attempt's span is a child of this record's consumer span, which continues the trace
        try (Scope scope = tracing.map(TracingMetadata::getCurrentContext).orElse(Context.current()).makeCurrent()) {
            worker.deliverFirst(deliveryId);
        } catch (RuntimeException e) {
            // The delivery row stays pending; the poller takes it over after newsroom.deliveries.first-attempt-timeout.
            LOG.warnf("delivery %s: first attempt failed (%s); the poller will take over", deliveryId, e.getMessage());
        }
    }
}
