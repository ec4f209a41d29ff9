package org.newsroom.notify.messaging;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.newsroom.contracts.CloudEventAttributes;
import org.newsroom.contracts.EventJson;
import org.newsroom.contracts.Topics;

import io.smallrye.common.annotation.Identifier;

/**
 * Publishes delivery records to the internal, partitioned topic newsroom.deliveries (key: subscription id), and
 * waits for the broker's acknowledgement of a whole batch ({@code acks=all}, idempotent producer).
 */
@ApplicationScoped
public class DeliveryPublisher {

    /** CloudEvents type of the internal delivery records. */
    public static final String TYPE = "org.newsroom.notify.delivery.requested";

    private final KafkaProducer<String, byte[]> producer;

    @Inject
    public DeliveryPublisher(@Identifier("default-kafka-broker") Map<String, Object> kafka) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getOrDefault("bootstrap.servers", "localhost:9092"));
        kafka.forEach((key, value) -> {
            if (key.startsWith("security.") || key.startsWith("sasl.") || key.startsWith("ssl.")) {
                config.put(key, value);
            }
        });
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "notify-deliveries-" + UUID.randomUUID());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        producer = new KafkaProducer<>(config);
    }

    /** Sends every record and returns once the broker acknowledged all of them. */
    public void publish(List<DeliveryRecord> records, Duration timeout) throws Exception {
        List<Future<RecordMetadata>> acks = new ArrayList<>(records.size());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (DeliveryRecord record : records) {
            ProducerRecord<String, byte[]> message = new ProducerRecord<>(Topics.DELIVERIES,
                    record.subscriptionId().toString(), EventJson.write(record));
            new CloudEventAttributes(record.deliveryId().toString(), "/notify-service", TYPE, now,
                    record.deliveryId().toString()).writeTo(message.headers());
            acks.add(producer.send(message));
        }
        producer.flush();
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Future<RecordMetadata> ack : acks) {
            ack.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
