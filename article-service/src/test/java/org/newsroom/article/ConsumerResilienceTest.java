package org.newsroom.article;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.newsroom.article.messaging.SubmissionMetrics;
import org.newsroom.article.messaging.SubmissionMetrics.Event;
import org.newsroom.article.support.Articles;
import org.newsroom.article.support.Staff;
import org.newsroom.article.support.TestKafka;
import org.newsroom.contracts.Ids;
import org.newsroom.contracts.article.Distribution;
import org.newsroom.stack.test.NewsroomTestResource;
import org.newsroom.stack.test.TestInfrastructure;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The consumer survives PostgreSQL and Kafka restarts without restarting the service: records produced while the
 * database is down are not committed, not skipped, and stored once it is back.
 */
@QuarkusTest
@QuarkusTestResource(value = NewsroomTestResource.class, initArgs = @ResourceArg(name = "database", value = "articles"))
class ConsumerResilienceTest {

    @Inject
    SubmissionMetrics metrics;

    @Test
    void recordsProducedWhileThePostgresIsDownAreStoredOnceItIsBackAndOffsetsWaitForTheDatabase() throws Exception {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        String reporter = Staff.newReporter();
        List<UUID> ids = new ArrayList<>();
        List<RecordMetadata> produced = new ArrayList<>();
        double failuresBefore = metrics.total(Event.TRANSIENT_FAILURE);
        infrastructure.postgres().stop();
        try {
            for (int i = 0; i < 4; i++) {
                UUID id = Ids.newV7();
                ids.add(id);
                produced.add(TestKafka.send(UUID.randomUUID().toString(), id,
                        Articles.story("数据库停机期间 " + i, "要闻", Distribution.PUBLIC), 1, reporter));
            }
            // the consumer has tried (and failed) to store them ...
            await().atMost(Duration.ofSeconds(60)).until(() -> metrics.total(Event.TRANSIENT_FAILURE) > failuresBefore);
            // ... and has not committed any offset past them
            Map<TopicPartition, OffsetAndMetadata> committed = committedOffsets();
            for (RecordMetadata record : produced) {
                OffsetAndMetadata offset = committed.get(new TopicPartition(record.topic(), record.partition()));
                assertThat(offset == null ? 0 : offset.offset())
                        .as("committed offset of partition %d while the database is down", record.partition())
                        .isLessThanOrEqualTo(record.offset());
            }
            given().get("/q/health/ready").then().statusCode(503);
            // requests that need the database answer 503 with Retry-After, not 500
            given().auth().oauth2(Staff.editor()).get("/api/v1/articles/{id}", ids.get(0)).then().statusCode(503)
                    .header("Retry-After", "5").contentType("application/problem+json");
        } finally {
            infrastructure.postgres().start();
        }
        for (UUID id : ids) {
            Articles.awaitRevision(id, 1);
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Map<TopicPartition, OffsetAndMetadata> committed = committedOffsets();
            for (RecordMetadata record : produced) {
                OffsetAndMetadata offset = committed.get(new TopicPartition(record.topic(), record.partition()));
                assertThat(offset).isNotNull();
                assertThat(offset.offset()).isGreaterThan(record.offset());
            }
        });
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
    }

    @Test
    void theConsumerCarriesOnAfterABrokerRestart() {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        UUID before = Articles.submit(Articles.story("代理重启之前", null, Distribution.PUBLIC), Staff.newReporter());
        infrastructure.kafka().stop();
        infrastructure.kafka().start();
        UUID after = Articles.submit(Articles.story("代理重启之后", null, Distribution.PUBLIC), Staff.newReporter());
        given().auth().oauth2(Staff.editor()).get("/api/v1/articles/{id}", before).then().statusCode(200);
        given().auth().oauth2(Staff.editor()).get("/api/v1/articles/{id}", after).then().statusCode(200);
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
    }

    private static Map<TopicPartition, OffsetAndMetadata> committedOffsets() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers",
                TestInfrastructure.get().kafka().bootstrapServers()))) {
            return admin.listConsumerGroupOffsets("article-service").partitionsToOffsetAndMetadata()
                    .get(30, java.util.concurrent.TimeUnit.SECONDS);
        }
    }
}
