package org.newsroom.article;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.newsroom.article.messaging.SubmissionDeadLetters;
import org.newsroom.article.support.Articles;
import org.newsroom.article.support.Db;
import org.newsroom.article.support.SeedData;
import org.newsroom.article.support.Staff;
import org.newsroom.article.support.TestKafka;
import org.newsroom.contracts.CloudEventAttributes;
import org.newsroom.contracts.EventTypes;
import org.newsroom.contracts.Ids;
import org.newsroom.contracts.Topics;
import org.newsroom.contracts.article.Distribution;
import org.newsroom.contracts.article.Submission;
import org.newsroom.stack.test.NewsroomTestResource;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The consumer of newsroom.submissions on the real broker and database: exact storage, idempotency, poison. */
@QuarkusTest
@QuarkusTestResource(value = NewsroomTestResource.class, initArgs = @ResourceArg(name = "database", value = "articles"))
class SubmissionConsumerTest {

    @Test
    void everySeedStoryIsStoredAndServedCharacterForCharacter() throws Exception {
        String reporter = Staff.newReporter();
        for (String file : SeedData.articleFiles()) {
            JsonNode submitted = SeedData.article(file);
            UUID id = Articles.submit(SeedData.submission(file), reporter);

            Response response = given().auth().oauth2(Staff.editor()).get("/api/v1/articles/{id}", id);
            response.then().statusCode(200);
            JsonNode article = org.newsroom.contracts.EventJson.mapper().readTree(response.asByteArray());
            for (Iterator<Map.Entry<String, JsonNode>> fields = submitted.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                assertThat(article.get(field.getKey())).as(file + " field " + field.getKey()).isEqualTo(field.getValue());
            }
            assertThat(article.get("id").asText()).isEqualTo(id.toString());
            assertThat(article.get("revision").asInt()).isEqualTo(1);
            assertThat(article.get("status").asText()).isEqualTo("submitted");
            assertThat(article.get("submittedBy").asText()).isEqualTo(reporter);
            assertThat(article.get("submittedAt").asText()).isNotEmpty();
            assertThat(article.get("updatedAt").asText()).isNotEmpty();
            assertThat(article.get("distribution").asText()).isEqualTo("public");
            assertThat(article.get("links").get("self").asText()).endsWith("/api/v1/articles/" + id);
            assertThat(article.has("publishedAt")).isFalse();
            assertThat(response.header("Cache-Control")).isEqualTo("private, no-store");

            // not published: readers get 404, the reporter sees it, another reporter may not
            given().get("/api/v1/articles/{id}", id).then().statusCode(404).contentType("application/problem+json");
            given().auth().oauth2(Staff.reporter(reporter)).get("/api/v1/articles/{id}", id).then().statusCode(200);
            given().auth().oauth2(Staff.reporter(Staff.newReporter())).get("/api/v1/articles/{id}", id)
                    .then().statusCode(403).contentType("application/problem+json");
        }
    }

    @Test
    void embargoKeepsItsOffsetAndTextKeepsItsWhitespace() {
        OffsetDateTime embargo = OffsetDateTime.parse("2031-05-01T08:30:00.123456+08:00");
        Submission story = new Submission("  两头空格  ", "副题\t制表", "引题", null, "zh-Hant-TW",
                List.of(new org.newsroom.contracts.article.BodyBlock(org.newsroom.contracts.article.BlockType.QUOTE,
                        " 全角，标点　与  空格 \n换行 ")),
                null, null, null, "要闻", List.of("人工智能", "AI"), null, Distribution.INTERNAL, embargo, "a-b-1");
        UUID id = Articles.submit(story, Staff.newReporter());
        given().auth().oauth2(Staff.editor()).get("/api/v1/articles/{id}", id).then().statusCode(200)
                .body("headline", org.hamcrest.Matchers.equalTo("  两头空格  "))
                .body("subheadline", org.hamcrest.Matchers.equalTo("副题\t制表"))
                .body("body[0].text", org.hamcrest.Matchers.equalTo(" 全角，标点　与  空格 \n换行 "))
                .body("embargoedUntil", org.hamcrest.Matchers.equalTo("2031-05-01T08:30:00.123456+08:00"))
                .body("language", org.hamcrest.Matchers.equalTo("zh-Hant-TW"))
                .body("distribution", org.hamcrest.Matchers.equalTo("internal"))
                .body("tags", org.hamcrest.Matchers.contains("人工智能", "AI"));
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        UUID id = Ids.newV7();
        String reporter = Staff.newReporter();
        Submission first = Articles.story("重复投递测试", "要闻", Distribution.PUBLIC);
        String eventId = TestKafka.submit(id, first, 1, reporter);
        TestKafka.send(eventId, id, first, 1, reporter);
        // a later revision on the same key (same partition) proves the duplicate before it was handled
        TestKafka.submit(id, Articles.story("重复投递测试（二）", "要闻", Distribution.PUBLIC), 2, reporter);
        Articles.awaitRevision(id, 2);

        assertThat(Db.count("select count(*) from article_revision where article_id = ?", id)).isEqualTo(2);
        assertThat(Db.count("select count(*) from article_revision where event_id = ?", eventId)).isEqualTo(1);
        given().auth().oauth2(Staff.editor()).get("/api/v1/articles/{id}", id).then().statusCode(200)
                .body("revision", org.hamcrest.Matchers.equalTo(2))
                .body("headline", org.hamcrest.Matchers.equalTo("重复投递测试（二）"));
    }

    @Test
    void revisionsAreNumberedInConsumptionOrderEvenWhenTheEventsNumberCollides() {
        UUID id = Ids.newV7();
        String reporter = Staff.newReporter();
        TestKafka.submit(id, Articles.story("第一版", null, Distribution.PUBLIC), 1, reporter);
        TestKafka.submit(id, Articles.story("第二版", null, Distribution.PUBLIC), 2, reporter);
        TestKafka.submit(id, Articles.story("也说自己是第二版", null, Distribution.PUBLIC), 2, reporter);
        TestKafka.submit(id, Articles.story("自称第九版", null, Distribution.PUBLIC), 9, reporter);
        Articles.awaitRevision(id, 4);

        assertThat(Db.count("select count(*) from article_revision where article_id = ? and number in (1, 2, 3, 4)",
                id)).isEqualTo(4);
        assertThat(Db.text("select content ->> 'headline' from article_revision where article_id = ? and number = 3",
                id)).isEqualTo("也说自己是第二版");
        assertThat(Db.count("select submitted_revision from article_revision where article_id = ? and number = 4", id))
                .isEqualTo(9);
        given().auth().oauth2(Staff.editor()).get("/api/v1/articles/{id}", id).then()
                .body("revision", org.hamcrest.Matchers.equalTo(4))
                .body("headline", org.hamcrest.Matchers.equalTo("自称第九版"));
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicAndDoNotBlockThePartition() {
        UUID id = Ids.newV7();
        byte[] key = id.toString().getBytes(StandardCharsets.UTF_8);
        String reporter = Staff.newReporter();

        // 1. not JSON at all
        ProducerRecord<byte[], byte[]> notJson = new ProducerRecord<>(Topics.SUBMISSIONS, key,
                "{not json".getBytes(StandardCharsets.UTF_8));
        attributes(id).writeTo(notJson.headers());
        TestKafka.sendRecord(notJson);
        // 2. a valid payload without CloudEvents headers
        TestKafka.sendRecord(new ProducerRecord<>(Topics.SUBMISSIONS, key, org.newsroom.contracts.EventJson.write(
                event(id, Articles.story("没有头", null, Distribution.PUBLIC), reporter))));
        // 3. a payload that breaks the Submission constraints (empty headline, no body)
        ProducerRecord<byte[], byte[]> invalid = new ProducerRecord<>(Topics.SUBMISSIONS, key,
                ("{\"id\":\"" + id + "\",\"revision\":1,\"submittedBy\":\"x\",\"receivedAt\":\"2024-12-20T00:00:00Z\","
                        + "\"format\":\"json\",\"headline\":\"\",\"body\":[]}").getBytes(StandardCharsets.UTF_8));
        attributes(id).writeTo(invalid.headers());
        TestKafka.sendRecord(invalid);
        // 4. valid by the contract, but PostgreSQL cannot store a NUL character
        ProducerRecord<byte[], byte[]> nul = new ProducerRecord<>(Topics.SUBMISSIONS, key,
                org.newsroom.contracts.EventJson.write(event(id, Articles.story("空\u0000字符", null,
                        Distribution.PUBLIC), reporter)));
        attributes(id).writeTo(nul.headers());
        TestKafka.sendRecord(nul);
        // 5. a good record behind them on the same partition
        TestKafka.submit(id, Articles.story("毒丸之后", null, Distribution.PUBLIC), 1, reporter);

        Articles.awaitRevision(id, 1);
        given().auth().oauth2(Staff.editor()).get("/api/v1/articles/{id}", id).then()
                .body("headline", org.hamcrest.Matchers.equalTo("毒丸之后"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<ConsumerRecord<byte[], byte[]>> dead = TestKafka.readAll("newsroom.submissions.dlq").stream()
                    .filter(r -> java.util.Arrays.equals(r.key(), key)).toList();
            assertThat(dead).hasSize(4);
            assertThat(dead).allSatisfy(r -> {
                assertThat(TestKafka.header(r, SubmissionDeadLetters.DLQ_REASON)).isNotBlank();
                assertThat(TestKafka.header(r, SubmissionDeadLetters.DLQ_TOPIC)).isEqualTo(Topics.SUBMISSIONS);
            });
        });
        given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("newsroom_article_submissions_dead_lettered_total"))
                .body(org.hamcrest.Matchers.containsString("newsroom_article_submissions_lag"));
        given().get("/q/health/ready").then().statusCode(200);
    }

    private static CloudEventAttributes attributes(UUID id) {
        return new CloudEventAttributes(UUID.randomUUID().toString(), "/test", EventTypes.ARTICLE_SUBMITTED,
                OffsetDateTime.now(), id.toString());
    }

    private static org.newsroom.contracts.article.ArticleSubmitted event(UUID id, Submission submission,
            String reporter) {
        return new org.newsroom.contracts.article.ArticleSubmitted(submission, id, 1, reporter, OffsetDateTime.now(),
                org.newsroom.contracts.article.SubmissionFormat.JSON, null);
    }
}
