package org.newsroom.media.support;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.newsroom.contracts.CloudEventAttributes;
import org.newsroom.contracts.EventTypes;
import org.newsroom.contracts.Topics;
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
