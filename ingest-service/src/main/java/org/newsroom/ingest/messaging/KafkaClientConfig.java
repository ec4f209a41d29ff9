package org.newsroom.ingest.messaging;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.newsroom.contracts.Topics;
import org.newsroom.ingest.config.IngestConfig;

import io.smallrye.common.annotation.Identifier;

/**
 * Builds the Kafka client configurations of ingest-service from the shared {@code kafka.*} settings (bootstrap
 * servers, and security settings when a deployment adds them) plus what ingest needs: an idempotent {@code acks=all}
 * producer with short, bounded timeouts, and a group-less consumer that reads a topic from the start.
 */
@ApplicationScoped
public class KafkaClientConfig {

    /** Keys of the shared map that only make sense for one kind of client and must not leak into the others. */
    private static final Set<String> NOT_SHARED = Set.of("group.id", "key.serializer", "value.serializer",
            "key.deserializer", "value.deserializer", "auto.offset.reset", "enable.auto.commit");

    private final Map<String, Object> shared;
    private final IngestConfig.Broker broker;

    @Inject
    public KafkaClientConfig(@Identifier("default-kafka-broker") Map<String, Object> kafka, IngestConfig config) {
        this(kafka, config.broker());
    }

    public KafkaClientConfig(Map<String, Object> kafka, IngestConfig.Broker broker) {
        Map<String, Object> copy = new HashMap<>();
        kafka.forEach((k, v) -> {
            if (!NOT_SHARED.contains(k)) {
                copy.put(k, v);
            }
        });
        this.shared = Map.copyOf(copy);
        this.broker = broker;
    }

    /** A producer that answers within {@code max-block + delivery-timeout}: acks=all, idempotent, no retry after it. */
    public Map<String, Object> producer(String clientId) {
        Map<String, Object> p = new HashMap<>(shared);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        p.put(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        // Chosen, not defaulted: lz4 (pure Java, cheap) and the submissions topic's max.message.bytes, so that a
        // record the producer accepts is one the broker accepts; SubmissionService refuses larger events with 413.
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.SUBMISSIONS_MAX_MESSAGE_BYTES);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) broker.requestTimeout().toMillis());
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                (int) Math.max(broker.deliveryTimeout().toMillis(), broker.requestTimeout().toMillis() + 1));
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, broker.maxBlock().toMillis());
        p.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
        p.put(ProducerConfig.RETRY_BACKOFF_MAX_MS_CONFIG, 1000);
        return p;
    }

    /** A consumer without a group: it is assigned partitions, reads them from the beginning and commits nothing. */
    public Map<String, Object> readerConsumer(String clientId) {
        Map<String, Object> c = new HashMap<>(shared);
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10000);
        c.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        c.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
        return c;
    }

    /** An admin client for the readiness check, with timeouts no longer than the check's own. */
    public Map<String, Object> admin(String clientId) {
        Map<String, Object> a = new HashMap<>(shared);
        a.keySet().removeIf(k -> k.startsWith("producer.") || k.startsWith("consumer."));
        a.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
        int timeout = (int) Math.max(1000, broker.healthTimeout().toMillis());
        a.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout);
        a.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeout);
        a.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
        return a;
    }
}
