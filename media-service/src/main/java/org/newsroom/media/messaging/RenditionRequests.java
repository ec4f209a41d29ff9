package org.newsroom.media.messaging;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.newsroom.contracts.CloudEventAttributes;
import org.newsroom.contracts.EventJson;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/** Asks for renditions through Kafka (any replica may make them) and waits for the broker's acknowledgement. */
@ApplicationScoped
public class RenditionRequests {

    /** CloudEvents type of the internal rendition requests. */
    public static final String TYPE = "org.newsroom.media.renditions.requested";

    @Inject
    @Channel("rendition-requests-out")
    Emitter<byte[]> emitter;

    /** Sends the request; true once acknowledged, false when the broker did not acknowledge within the timeout. */
    public boolean request(UUID photoId) {
        RecordHeaders headers = new RecordHeaders();
        new CloudEventAttributes(UUID.randomUUID().toString(), "/media-service", TYPE,
                OffsetDateTime.now(ZoneOffset.UTC), photoId.toString()).writeTo(headers);
        CompletableFuture<Void> ack = new CompletableFuture<>();
        Message<byte[]> message = Message.of(EventJson.write(new RenditionRequest(photoId)))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(photoId.toString())
                        .withHeaders(headers).build())
                .withAck(() -> {
                    ack.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    ack.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        try {
            emitter.send(message);
            ack.get(15, TimeUnit.SECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }
}
