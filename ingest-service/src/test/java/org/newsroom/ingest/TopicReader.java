package org.newsroom.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.newsroom.contracts.Topics;
import org.newsroom.stack.test.TestInfrastructure;

/**
 * Reads what the service really produced, with a plain Kafka consumer on the test broker: take a {@link #mark()} before
 * a request, then {@link #since} returns every record written after it. One reader per topic serves every test class
 * of the JVM; its consumer is created on first use and closed when the JVM exits.
 */
public final class TopicReader {

    private static final Map<String, TopicReader> READERS = new java.util.concurrent.ConcurrentHashMap<>();

    private final String topic;
    private KafkaConsumer<String, byte[]> consumer;
    private List<TopicPartition> partitions;

    private TopicReader(String topic) {
        this.topic = topic;
    }

    /** The reader of {@code newsroom.submissions}. */
    public static TopicReader submissions() {
        return READERS.computeIfAbsent(Topics.SUBMISSIONS, TopicReader::new);
    }

    private synchronized KafkaConsumer<String, byte[]> consumer() {
        if (consumer == null) {
            consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafka().bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, "ingest-test-" + UUID.randomUUID(),
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()));
            partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).collect(Collectors.toList());
            consumer.assign(partitions);
            KafkaConsumer<String, byte[]> opened = consumer;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> opened.close(Duration.ofSeconds(2)), "topic-reader-close"));
        }
        return consumer;
    }

    /** The current end of every partition. */
    public synchronized Map<TopicPartition, Long> mark() {
        return consumer().endOffsets(partitions, Duration.ofSeconds(30));
    }

    /** Every record written after {@code mark} up to the current end (all acknowledged records are readable). */
    public synchronized List<ConsumerRecord<String, byte[]>> since(Map<TopicPartition, Long> mark) {
        Map<TopicPartition, Long> end = mark();
        mark.forEach(consumer::seek);
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!reached(end)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("could not read " + topic + " up to " + end);
            }
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                    records.add(record);
                }
            }
        }
        return records;
    }

    /** The records written after {@code mark} with this key. */
    public List<ConsumerRecord<String, byte[]>> since(Map<TopicPartition, Long> mark, String key) {
        return since(mark).stream().filter(r -> key.equals(r.key())).collect(Collectors.toList());
    }

    private boolean reached(Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey(), Duration.ofSeconds(10)) < e.getValue()) {
                return false;
            }
        }
        return true;
    }
}
