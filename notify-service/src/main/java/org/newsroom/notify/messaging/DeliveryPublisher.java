package org.newsroom.notify.messaging;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.newsroom.common.tracing.TraceParents;
import org.newsroom.contracts.CloudEventAttributes;
import org.newsroom.contracts.EventJson;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Publishes delivery records to the internal, partitioned topic newsroom.deliveries (key: subscription id) through
 * the {@code delivery-requests} channel ({@code acks=all}, idempotent producer, see application.properties), and
 * waits for the broker's acknowledgement of a whole batch. Each record continues the trace of the issue it delivers
 * (the connector writes its {@code traceparent} header).
 */
@ApplicationScoped
public class DeliveryPublisher {

    /** CloudEvents type of the internal delivery records. */
    public static final String TYPE = "org.newsroom.notify.delivery.requested";

    /** The outgoing channel of newsroom.deliveries. */
    public static final String CHANNEL = "delivery-requests";

    /** One record to publish and the {@code traceparent} of the trace it continues (null: a new trace). */
    public record Request(DeliveryRecord record, String traceparent) {
    }

    private final MutinyEmitter<byte[]> emitter;

    // The relay sends one batch (newsroom.deliveries.dispatch-batch, 500) at a time and waits for it. While the broker
    // is away, records of failed batches wait in the connector; the bounded buffer makes further batches fail at once
    // (the relay retries them on a later tick) instead of piling up.
    public DeliveryPublisher(@Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 2048)
            MutinyEmitter<byte[]> emitter) {
        this.emitter = emitter;
    }

    /**
     * Sends every record and returns once the broker acknowledged all of them.
     *
     * @throws RuntimeException when a record was refused or not acknowledged within {@code timeout}
     */
    public void publish(List<Request> requests, Duration timeout) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<Uni<Void>> acks = new ArrayList<>(requests.size());
        for (Request request : requests) {
            DeliveryRecord record = request.record();
            RecordHeaders headers = new RecordHeaders();
            new CloudEventAttributes(record.deliveryId().toString(), "/notify-service", TYPE, now,
                    record.deliveryId().toString()).writeTo(headers);
            Message<byte[]> message = Message.of(EventJson.write(record))
                    .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                            .withKey(record.subscriptionId().toString())
                            .withHeaders(headers)
                            .build())
                    .addMetadata(TracingMetadata.withCurrent(TraceParents.context(request.traceparent())));
            acks.add(emitter.sendMessage(message));
        }
        if (acks.isEmpty()) {
            return;
        }
        Uni.join().all(acks).andFailFast().await().atMost(timeout);
    }
}
