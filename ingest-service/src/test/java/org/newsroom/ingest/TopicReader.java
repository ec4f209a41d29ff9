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
 * a request, then {@link #since} returns every record written after it.
 */
public final class TopicReader implements AutoCloseable {

    private final String topic;
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<TopicPartition> partitions;

    public TopicReader(String topic) {
        this.topic = topic;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "ingest-test-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()));
        this.partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).collect(Collectors.toList());
        consumer.assign(partitions);
    }

    public static TopicReader submissions() {
        return new TopicReader(Topics.SUBMISSIONS);
    }

    /** The current end of every partition. */
    public Map<TopicPartition, Long> mark() {
        return consumer.endOffsets(partitions, Duration.ofSeconds(30));
    }

    /** Every record written after {@code mark} up to the current end (all acknowledged records are readable). */
    public List<ConsumerRecord<String, byte[]>> since(Map<TopicPartition, Long> mark) {
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

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
