package org.newsroom.notify.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.newsroom.contracts.CloudEventAttributes;
import org.newsroom.contracts.EventJson;
import org.newsroom.contracts.EventTypes;
import org.newsroom.contracts.Ids;
import org.newsroom.contracts.Topics;
import org.newsroom.contracts.issue.IssuePublished;
import org.newsroom.stack.test.TestInfrastructure;

/** Publishes news.issue.published events the way article-service does (contracts module, binary CloudEvents). */
public final class Issues {

    private static KafkaProducer<String, byte[]> producer;

    private Issues() {
    }

    private static synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            Properties config = new Properties();
            config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafka().bootstrapServers());
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
            producer = new KafkaProducer<>(config);
        }
        return producer;
    }

    /** A new issue whose only article is in {@code section}. */
    public static IssuePublished issue(String section) {
        UUID issueId = Ids.newV7();
        int number = (int) (Math.abs(issueId.getLeastSignificantBits()) % 100000);
        return new IssuePublished(issueId, "徐汇报", number, LocalDate.of(2024, 12, 20),
                OffsetDateTime.now(ZoneOffset.ofHours(8)).withNano(0), "内部资料 免费交流",
                "http://127.0.0.1:8082/api/v1/issues/" + issueId,
                List.of(new IssuePublished.Page(1, section)),
                List.of(new IssuePublished.Article(Ids.newV7(), "全球人工智能领域专家学者聚在徐汇", 1, section,
                        "http://127.0.0.1:8082/api/v1/articles/1")),
                List.of(new IssuePublished.Teaser("使居民身心更健康", "徐汇区新增八所“优秀”养老机构", 7)));
    }

    /** Publishes the issue with a new CloudEvent id; returns that id. */
    public static String publish(IssuePublished issue) {
        return publish(issue, UUID.randomUUID().toString());
    }

    /** Publishes the issue with the given CloudEvent id and waits for the broker's acknowledgement. */
    public static String publish(IssuePublished issue, String eventId) {
        return publish(issue, eventId, null);
    }

    /** Publishes the issue with a new CloudEvent id and a W3C {@code traceparent} header (article-service's span). */
    public static String publishTraced(IssuePublished issue, String traceparent) {
        return publish(issue, UUID.randomUUID().toString(), traceparent);
    }

    private static String publish(IssuePublished issue, String eventId, String traceparent) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.ISSUES, issue.issueId().toString(),
                EventJson.write(issue));
        new CloudEventAttributes(eventId, "/article-service", EventTypes.ISSUE_PUBLISHED,
                OffsetDateTime.now(ZoneOffset.UTC), issue.issueId().toString()).writeTo(record.headers());
        if (traceparent != null) {
            record.headers().add(CloudEventAttributes.HEADER_TRACEPARENT, traceparent.getBytes(StandardCharsets.US_ASCII));
        }
        try {
            producer().send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return eventId;
    }

    /** Every record now on {@code newsroom.issues.dlq}, from the beginning. */
    public static List<ConsumerRecord<String, byte[]>> deadLetters() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafka().bootstrapServers());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ISSUES_DLQ, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
            return records;
        }
    }

    /** Publishes raw bytes with CloudEvents headers (for hostile-input tests). */
    public static void publishRaw(String key, byte[] value, String type) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.ISSUES, key, value);
        new CloudEventAttributes(UUID.randomUUID().toString(), "/test", type, OffsetDateTime.now(ZoneOffset.UTC), null)
                .writeTo(record.headers());
        try {
            producer().send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
