package org.newsroom.media.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
import org.newsroom.contracts.Topics;
import org.newsroom.contracts.media.PhotoUpdated;
import org.newsroom.stack.test.TestInfrastructure;

/** Sends the shared events media-service learns from (as ingest and article-service send them) to the real broker. */
public final class SharedTopics {

    private SharedTopics() {
    }

    /** {@code news.article.submitted} of an article that carries the photo (only the fields media-service reads). */
    public static void articleSubmitted(UUID articleId, int revision, UUID photoId) {
        String data = "{\"id\":\"" + articleId + "\",\"revision\":" + revision + ",\"headline\":\"图片新闻\","
                + "\"media\":[{\"type\":\"photo\",\"id\":\"" + photoId + "\",\"credit\":\"刘坤 陈文卿\"}]}";
        send(Topics.SUBMISSIONS, articleId.toString(), EventTypes.ARTICLE_SUBMITTED, data);
    }

    /** {@code news.issue.published} listing the article as public. */
    public static void issuePublished(UUID issueId, UUID articleId) {
        String data = "{\"issueId\":\"" + issueId + "\",\"masthead\":\"徐汇报\",\"number\":1,\"date\":\"2024-12-20\","
                + "\"publishedAt\":\"2024-12-20T06:00:00Z\",\"articles\":[{\"id\":\"" + articleId
                + "\",\"headline\":\"图片新闻\",\"page\":1,\"section\":\"要闻\",\"url\":\"http://127.0.0.1/a\"}]}";
        send(Topics.ISSUES, issueId.toString(), EventTypes.ISSUE_PUBLISHED, data);
    }

    /** Every {@code news.photo.updated} of this photo now on newsroom.photos, oldest first. */
    public static List<PhotoUpdated> photoStates(UUID photoId) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-photos-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.PHOTOS, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(Topics.PHOTOS, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            List<PhotoUpdated> states = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + Topics.PHOTOS + " to its end");
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (photoId.toString().equals(record.key())) {
                        assertThat(CloudEventAttributes.readFrom(record.headers()).type())
                                .isEqualTo(EventTypes.PHOTO_UPDATED);
                        states.add(EventJson.read(record.value(), PhotoUpdated.class));
                    }
                }
            }
            return states;
        }
    }

    private static void send(String topic, String key, String type, String data) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key,
                    data.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            new CloudEventAttributes(UUID.randomUUID().toString(), "/tests/media", type,
                    OffsetDateTime.now(ZoneOffset.UTC), key).writeTo(record.headers());
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker did not acknowledge a test event", e);
        }
    }
}
