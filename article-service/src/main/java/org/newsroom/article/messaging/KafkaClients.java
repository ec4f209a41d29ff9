package org.newsroom.article.messaging;

import java.util.HashMap;
import java.util.Map;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.newsroom.contracts.Topics;

import io.smallrye.common.annotation.Identifier;

/**
 * Creates the service's Kafka clients from the {@code kafka.*} configuration (bootstrap servers, and any security
 * settings a deployment adds), with the delivery guarantees of CONTRIBUTING.md: producers {@code acks=all} and
 * idempotent, consumers committing by hand.
 */
@ApplicationScoped
public class KafkaClients {

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    private KafkaProducer<byte[], byte[]> producer;

    /** A consumer of raw records with auto-commit off; the caller commits after its database transaction. */
    public KafkaConsumer<byte[], byte[]> consumer(String groupId, String clientId, int maxPollRecords) {
        Map<String, Object> config = base();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** The one shared producer (thread-safe): {@code acks=all}, idempotence on. */
    public synchronized KafkaProducer<byte[], byte[]> producer() {
        if (producer == null) {
            Map<String, Object> config = base();
            config.put(ProducerConfig.CLIENT_ID_CONFIG, "article-service");
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
            config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
            config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
            config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10000);
            config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
            // the largest record either topic it writes to takes (issues; submissions' dead letters)
            config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                    Math.max(Topics.ISSUES_MAX_MESSAGE_BYTES, Topics.SUBMISSIONS_MAX_MESSAGE_BYTES));
            producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    private Map<String, Object> base() {
        Map<String, Object> config = new HashMap<>();
        kafkaConfig.forEach((key, value) -> {
            // only client settings; Quarkus-specific keys of the kafka.* namespace are not for the client
            if (!key.startsWith("health") && !key.startsWith("devservices") && !key.startsWith("snappy")) {
                config.put(key, value);
            }
        });
        return config;
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
            producer = null;
        }
    }
}
