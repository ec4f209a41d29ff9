package org.newsroom.article.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.newsroom.contracts.CloudEventAttributes;
import org.newsroom.contracts.EventJson;
import org.newsroom.contracts.EventTypes;
import org.newsroom.contracts.Topics;
import org.newsroom.contracts.media.PhotoUpdated;
import org.newsroom.stack.test.TestInfrastructure;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * The photo desk's side of {@code newsroom.photos} as media-service's {@code PhotoAnnouncer} writes it (key = photo
 * id, CloudEvents binary headers, {@code news.photo.updated}, {@link PhotoUpdated} data): the consumer contract test
 * produces with these.
 */
public final class Photos {

    /** The consumer group of article-service's photos channel. */
    public static final String GROUP = "article-service-photos";
    public static final String CREDIT = "刘坤 陈文卿";
    public static final String CAPTION = "12月17日，区领导走访番南小区，察看小区环境整治情况";

    private Photos() {
    }

    /** A photo's public state with the four standard renditions (320, 640, 1280, 2048 wide) of a 4000×3000 original. */
    public static PhotoUpdated state(UUID id, String caption, String credit, OffsetDateTime updatedAt) {
        List<PhotoUpdated.Rendition> renditions = List.of(320, 640, 1280, 2048).stream()
                .map(width -> new PhotoUpdated.Rendition(renditionUrl(), width, width * 3 / 4, "image/jpeg"))
                .toList();
        return new PhotoUpdated(id, 4000, 3000, caption, credit, "刘坤", List.of("刘坤", "陈文卿"), renditions,
                updatedAt);
    }

    /** Now, at the database's precision. */
    public static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    /** A content-addressed rendition URL as media-service makes them. */
    static String renditionUrl() {
        StringBuilder sha = new StringBuilder();
        for (int i = 0; i < 64; i++) {
            sha.append(Character.forDigit(ThreadLocalRandom.current().nextInt(16), 16));
        }
        return "http://127.0.0.1:8084/api/v1/media/renditions/" + sha + ".jpg";
    }

    /** Announces the state as media-service does. */
    public static RecordMetadata announce(PhotoUpdated state) {
        return TestKafka.sendRecord(record(state.id().toString(), EventJson.write(state), EventTypes.PHOTO_UPDATED));
    }

    /** A record of newsroom.photos with the CloudEvents headers media-service writes. */
    public static ProducerRecord<byte[], byte[]> record(String key, byte[] value, String type) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(Topics.PHOTOS, key.getBytes(UTF_8), value);
        new CloudEventAttributes(UUID.randomUUID().toString(), "/media-service", type,
                OffsetDateTime.now(ZoneOffset.UTC), key).writeTo(record.headers());
        return record;
    }

    /** Waits until article-service's photos consumer has committed past this record (it was stored or skipped). */
    public static void awaitConsumed(RecordMetadata sent) {
        TopicPartition partition = new TopicPartition(sent.topic(), sent.partition());
        try (Admin admin = Admin.create(Map.of("bootstrap.servers",
                TestInfrastructure.get().kafka().bootstrapServers()))) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                        .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
                OffsetAndMetadata offset = committed.get(partition);
                return offset != null && offset.offset() > sent.offset();
            });
        }
    }
}
