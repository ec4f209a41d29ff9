package org.newsroom.article;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.newsroom.article.messaging.PhotoMetrics;
import org.newsroom.article.support.Db;
import org.newsroom.article.support.Photos;
import org.newsroom.contracts.Ids;
import org.newsroom.contracts.media.PhotoUpdated;
import org.newsroom.stack.test.NewsroomTestResource;
import org.newsroom.stack.test.TestInfrastructure;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** The photos consumer waits for a database that is down, without skipping the record or committing past it. */
@QuarkusTest
@QuarkusTestResource(value = NewsroomTestResource.class, initArgs = @ResourceArg(name = "database", value = "articles"))
class PhotoConsumerResilienceTest {

    @Inject
    PhotoMetrics metrics;

    private static OffsetAndMetadata committed(RecordMetadata record) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers",
                TestInfrastructure.get().kafka().bootstrapServers()))) {
            return admin.listConsumerGroupOffsets(Photos.GROUP).partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS).get(new TopicPartition(record.topic(), record.partition()));
        }
    }

    @Test
    void aPhotoAnnouncedWhileTheDatabaseIsDownIsStoredOnceItIsBackAndItsOffsetWaits() throws Exception {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        UUID photo = Ids.newV7();
        PhotoUpdated state = Photos.state(photo, Photos.CAPTION, Photos.CREDIT, Photos.now());
        double failuresBefore = metrics.transientFailureCount();
        RecordMetadata sent;
        infrastructure.postgres().stop();
        try {
            sent = Photos.announce(state);
            await().atMost(Duration.ofSeconds(60)).until(() -> metrics.transientFailureCount() > failuresBefore);
            OffsetAndMetadata offset = committed(sent);
            assertThat(offset == null ? 0 : offset.offset()).as("committed while the database is down")
                    .isLessThanOrEqualTo(sent.offset());
        } finally {
            infrastructure.postgres().start();
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> "刘坤 陈文卿".equals(Db.text("select credit from photo where id = ?", photo)));
        assertThat(Db.text("select renditions::text from photo where id = ?", photo))
                .contains(state.renditions().get(0).url());
        Photos.awaitConsumed(sent);
        assertThat(Db.count("select count(*) from photo where id = ?", photo)).isEqualTo(1L);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
    }
}
