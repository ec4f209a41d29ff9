package org.newsroom.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsroom.ingest.Ingest.SUBMISSIONS;
import static org.newsroom.ingest.Ingest.as;
import static org.newsroom.ingest.Ingest.utf8;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import static org.awaitility.Awaitility.await;

import org.junit.jupiter.api.Test;
import org.newsroom.contracts.Ids;
import org.newsroom.contracts.Topics;
import org.newsroom.ingest.domain.IdempotencyEntry;
import org.newsroom.ingest.messaging.IdempotencyLog;
import org.newsroom.stack.test.NewsroomTestResource;
import org.newsroom.stack.test.TestInfrastructure;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** A reporter who retries with the same Idempotency-Key gets the first answer, and the story is published once. */
@QuarkusTest
@QuarkusTestResource(NewsroomTestResource.class)
@QuarkusTestResource(ArticleServiceStub.class)
class IdempotencyTest {

    private static final String JSON = "application/json";

    private static final TopicReader topic = TopicReader.submissions();

    @Test
    void theSameKeyAgainGetsTheFirstAnswerAndOnlyOneEvent() {
        String reporter = Ingest.uniqueReporter("曹香玉");
        String key = "retry-" + UUID.randomUUID();
        Map<TopicPartition, Long> mark = topic.mark();

        Response first = submit(reporter, key, Ingest.story("重试的稿件"));
        Response again = submit(reporter, key, Ingest.story("重试的稿件"));

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(again.statusCode()).isEqualTo(202);
        String id = first.jsonPath().getString("id");
        assertThat(again.jsonPath().getString("id")).isEqualTo(id);
        assertThat(again.jsonPath().getInt("revision")).isEqualTo(first.jsonPath().getInt("revision"));
        assertThat(again.jsonPath().getString("receivedAt")).isEqualTo(first.jsonPath().getString("receivedAt"));
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(id).isNotEqualTo(Ids.nameBased("submission", reporter, key).toString());

        List<ConsumerRecord<String, byte[]>> records = topic.since(mark, id);
        Set<String> eventIds = records.stream().map(r -> SeedStoriesTest.header(r, "ce_id")).collect(Collectors.toSet());
        assertThat(eventIds).as("one event id: the consumer applies a resend once").hasSize(1);
        assertThat(eventIds.iterator().next()).isNotEqualTo(id);
    }

    @Test
    void theSameKeyWithAnotherBodyIs422() {
        String reporter = Ingest.uniqueReporter("施昱辰");
        String key = "key-" + UUID.randomUUID();
        submit(reporter, key, Ingest.story("第一版")).then().statusCode(202);
        Map<TopicPartition, Long> mark = topic.mark();

        Response other = submit(reporter, key, Ingest.story("另一篇完全不同的稿件"));

        Ingest.assertProblem(other, 422);
        assertThat(other.jsonPath().getString("errors[0].field")).isEqualTo("Idempotency-Key");
        assertThat(topic.since(mark)).isEmpty();
    }

    @Test
    void aKeyReusedAfterItWasForgottenNamesANewArticleAndNeverTheFirstStory() throws Exception {
        String reporter = Ingest.uniqueReporter("孙晓静");
        String key = "reused-" + UUID.randomUUID();
        Response first = accepted(reporter, key, Ingest.story("第一篇：区图书馆延长开放时间"));
        String firstId = first.jsonPath().getString("id");
        // what the key's retention does in a day, a tombstone on the compacted topic does at once
        forget(reporter, key);
        Map<TopicPartition, Long> mark = topic.mark();

        Response[] second = new Response[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            second[0] = submit(reporter, key, Ingest.story("第二篇：社区食堂开业"));
            return second[0].statusCode() == 202;
        });

        String secondId = second[0].jsonPath().getString("id");
        assertThat(secondId).isNotEqualTo(firstId);
        assertThat(second[0].header("Location")).endsWith("/api/v1/articles/" + secondId);
        assertThat(topic.since(mark, firstId)).as("nothing more is sent for the first story").isEmpty();
        assertThat(topic.since(mark, secondId)).hasSize(1);
    }

    @Test
    void theSameContentInAnotherFormatIsAnotherRequest() {
        String reporter = Ingest.uniqueReporter("刘坤");
        String key = "format-" + UUID.randomUUID();
        submit(reporter, key, "{\"headline\": \"甲\", \"body\": [{\"type\": \"paragraph\", \"text\": \"乙\"}]}")
                .then().statusCode(202);

        Response markdown = as("reporter", reporter).contentType("text/markdown").header("Idempotency-Key", key)
                .body(utf8("---\nheadline: 甲\n---\n乙\n")).when().post(SUBMISSIONS);

        Ingest.assertProblem(markdown, 422);
    }

    @Test
    void keysBelongToTheirReporter() {
        String key = "shared-" + UUID.randomUUID();
        String a = submit(Ingest.uniqueReporter("甲"), key, Ingest.story("同一个键")).then().statusCode(202)
                .extract().path("id");
        String b = submit(Ingest.uniqueReporter("乙"), key, Ingest.story("同一个键")).then().statusCode(202)
                .extract().path("id");
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void concurrentRetriesOfOneKeyPublishOneEvent() throws Exception {
        String reporter = Ingest.uniqueReporter("陈文卿");
        String key = "burst-" + UUID.randomUUID();
        Map<TopicPartition, Long> mark = topic.mark();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Response>> answers = pool.invokeAll(java.util.Collections.nCopies(6,
                    () -> submit(reporter, key, Ingest.story("并发重试"))));
            Set<String> ids = new java.util.HashSet<>();
            for (Future<Response> answer : answers) {
                assertThat(answer.get().statusCode()).isEqualTo(202);
                ids.add(answer.get().jsonPath().getString("id"));
            }
            assertThat(ids).hasSize(1);
            assertThat(topic.since(mark, ids.iterator().next())).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theKeyIsRememberedOnTheCompactedTopicSoARestartedServiceStillKnowsIt() throws Exception {
        String reporter = Ingest.uniqueReporter("王编辑");
        String key = "restart-" + UUID.randomUUID();
        Response first = accepted(reporter, key, Ingest.story("重启之后"));

        // A fresh reader, as a restarted or second replica would start: it loads the topic from the beginning.
        try (IdempotencyLog restarted = IdempotencyLogTest.newLog(Duration.ofHours(24), Clock.systemUTC())) {
            assertThat(restarted.awaitLoaded(Duration.ofSeconds(60))).isTrue();
            IdempotencyEntry entry = restarted.find(reporter, key).orElseThrow();
            assertThat(entry.id().toString()).isEqualTo(first.jsonPath().getString("id"));
            assertThat(entry.revision()).isEqualTo(1);
            assertThat(entry.receivedAt().toString()).isNotBlank();
            assertThat(entry.receivedAt().isEqual(java.time.OffsetDateTime.parse(first.jsonPath().getString("receivedAt"))))
                    .isTrue();
        }
        assertThat(Topics.INGEST_IDEMPOTENCY).isEqualTo("newsroom.ingest-idempotency");
    }

    /** Writes a tombstone for the key to the compacted topic, as an operator (or the key's age) would forget it. */
    private static void forget(String reporter, String key) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                "bootstrap.servers", TestInfrastructure.get().kafka().bootstrapServers(), "acks", "all"),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.INGEST_IDEMPOTENCY, IdempotencyLog.recordKey(reporter, key), null))
                    .get(30, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    /** Submits with the key and asserts the 202. */
    private static Response accepted(String reporter, String key, String json) {
        Response response = submit(reporter, key, json);
        response.then().statusCode(202);
        return response;
    }

    private static Response submit(String reporter, String key, String json) {
        return as("reporter", reporter).contentType(JSON).header("Idempotency-Key", key).body(utf8(json))
                .when().post(SUBMISSIONS);
    }
}
