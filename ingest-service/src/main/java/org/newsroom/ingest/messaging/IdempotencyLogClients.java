package org.newsroom.ingest.messaging;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The settings of {@link IdempotencyLog}'s two Kafka clients, the only ones ingest-service builds itself: the shared
 * {@code kafka.*} settings (the connector's {@code default-kafka-broker} map, so bootstrap servers and SASL/TLS reach
 * them as they reach every channel) through one filter, plus what a group-less reader and an {@code acks=all} writer
 * of the compacted topic need.
 */
public final class IdempotencyLogClients {

    /** Keys of the shared map that belong to one kind of client or one consumer group, never to these two. */
    private static final Set<String> CLIENT_SPECIFIC = Set.of("group.id", "client.id", "key.serializer",
            "value.serializer", "key.deserializer", "value.deserializer", "auto.offset.reset", "enable.auto.commit");

    private IdempotencyLogClients() {
    }

    /** The one filter: every shared key except those that configure one kind of client. */
    static Map<String, Object> shared(Map<String, ?> defaultKafkaBroker) {
        Map<String, Object> shared = new HashMap<>();
        defaultKafkaBroker.forEach((key, value) -> {
            if (!CLIENT_SPECIFIC.contains(key)) {
                shared.put(key, value);
            }
        });
        return shared;
    }

    /** A consumer without a group: it is assigned every partition, reads from the beginning and commits nothing. */
    public static Map<String, Object> reader(Map<String, ?> defaultKafkaBroker, String clientId) {
        Map<String, Object> c = shared(defaultKafkaBroker);
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

    /** An idempotent {@code acks=all} producer whose send blocks at most 3 s and fails after 7 s. */
    public static Map<String, Object> writer(Map<String, ?> defaultKafkaBroker, String clientId) {
        Map<String, Object> p = shared(defaultKafkaBroker);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 7000);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000);
        p.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
        p.put(ProducerConfig.RETRY_BACKOFF_MAX_MS_CONFIG, 1000);
        return p;
    }
}
