package org.newsroom.article.support;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.newsroom.contracts.CloudEventAttributes;
import org.newsroom.contracts.EventJson;
import org.newsroom.contracts.EventTypes;
import org.newsroom.contracts.Topics;
import org.newsroom.contracts.article.ArticleSubmitted;
import org.newsroom.contracts.article.Submission;
import org.newsroom.contracts.article.SubmissionFormat;
import org.newsroom.stack.test.TestInfrastructure;

import static java.nio.charset.StandardCharsets.UTF_8;

/** Plain kafka-clients access to the test broker: produce submissions as ingest-service would, read topics back. */
public final class TestKafka {

    private static KafkaProducer<byte[], byte[]> producer;

    private TestKafka() {
    }

    public static synchronized KafkaProducer<byte[], byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    "bootstrap.servers", TestInfrastructure.get().kafka().bootstrapServers(),
                    "acks", "all", "enable.idempotence", true,
                    "max.block.ms", 60000, "delivery.timeout.ms", 120000),
                    new ByteArraySerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    /** A submission record as ingest-service writes it; returns its CloudEvent id. */
    public static String submit(UUID articleId, Submission submission, int revision, String reporter) {
        String eventId = UUID.randomUUID().toString();
        send(eventId, articleId, submission, revision, reporter);
        return eventId;
    }

    /** Sends (again) the submission record with this CloudEvent id. */
    public static RecordMetadata send(String eventId, UUID articleId, Submission submission, int revision,
            String reporter) {
        return sendRecord(record(eventId, articleId, submission, revision, reporter));
    }

    /** The submission record as ingest-service writes it, not yet sent (add headers, then {@link #sendRecord}). */
    public static ProducerRecord<byte[], byte[]> record(String eventId, UUID articleId, Submission submission,
            int revision, String reporter) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        ArticleSubmitted event = new ArticleSubmitted(submission, articleId, revision, reporter, now,
                SubmissionFormat.JSON, null);
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(Topics.SUBMISSIONS,
                articleId.toString().getBytes(UTF_8), EventJson.write(event));
        new CloudEventAttributes(eventId, "/test/ingest", EventTypes.ARTICLE_SUBMITTED, now, articleId.toString())
                .writeTo(record.headers());
        return record;
    }

    public static RecordMetadata sendRecord(ProducerRecord<byte[], byte[]> record) {
        try {
            return producer().send(record).get(90, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot produce test record", e);
        }
    }

    /** Every record now on the topic (from the beginning up to the current end offsets). */
    public static List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", TestInfrastructure.get().kafka().bootstrapServers());
        config.put("group.id", "test-reader-" + UUID.randomUUID());
        config.put("enable.auto.commit", false);
        config.put("auto.offset.reset", "earliest");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    public static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        return CloudEventAttributes.get(record.headers(), name);
    }
}
