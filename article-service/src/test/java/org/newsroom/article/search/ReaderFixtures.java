package org.newsroom.article.search;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.newsroom.article.support.Articles;
import org.newsroom.article.support.Staff;
import org.newsroom.article.support.TestKafka;
import org.newsroom.contracts.CloudEventAttributes;
import org.newsroom.contracts.EventJson;
import org.newsroom.contracts.EventTypes;
import org.newsroom.contracts.Ids;
import org.newsroom.contracts.Topics;
import org.newsroom.contracts.article.ArticleSubmitted;
import org.newsroom.contracts.article.Submission;
import org.newsroom.contracts.article.SubmissionFormat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Arranging reader-side tests: stories in a section of their own, submitted through Kafka, published through the desk. */
public final class ReaderFixtures {

    private ReaderFixtures() {
    }

    /** A section name no other test uses, so that section-filtered reads see only this test's articles. */
    public static String newSection() {
        return "测试版-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The submission moved into {@code section}. */
    public static Submission inSection(Submission s, String section) {
        return new Submission(s.headline(), s.subheadline(), s.kicker(), s.genre(), s.language(), s.body(),
                s.bylines(), s.creditLine(), s.source(), section, s.tags(), s.media(), s.distribution(),
                s.embargoedUntil(), s.slug());
    }

    /** A masthead no other test uses, so that issue numbers never collide. */
    public static String newMasthead() {
        return "测试报-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * Publishes articles the way the newsroom does: each approved through its transitions endpoint, then all placed
     * on page 1 of a new issue that is published. Returns the issue's id.
     */
    public static UUID publish(List<UUID> ids) {
        return publishIssue(newMasthead(), 1, ids);
    }

    /** Approves the articles and publishes them in issue {@code number} of {@code masthead} (page 1 要闻). */
    public static UUID publishIssue(String masthead, int number, List<UUID> ids) {
        ids.forEach(Articles::approve);
        ObjectNode issue = EventJson.mapper().createObjectNode();
        issue.put("masthead", masthead).put("number", number).put("date", "2024-12-20")
                .put("distributionNote", "内部资料 免费交流");
        ObjectNode page = issue.putArray("pages").addObject().put("number", 1).put("name", "要闻");
        ArrayNode placements = page.putArray("placements");
        for (int i = 0; i < ids.size(); i++) {
            placements.addObject().put("articleId", ids.get(i).toString()).put("order", i + 1);
        }
        issue.putArray("teasers").addObject().put("kicker", "使居民身心更健康")
                .put("headline", "徐汇区新增八所“优秀”养老机构").put("page", 1);
        String issueId = given().auth().oauth2(Staff.editor()).contentType("application/json; charset=UTF-8")
                .body(issue.toString()).post("/api/v1/issues")
                .then().statusCode(201).extract().jsonPath().getString("id");
        given().auth().oauth2(Staff.editor()).post("/api/v1/issues/{id}/publish", issueId)
                .then().statusCode(200);
        return UUID.fromString(issueId);
    }

    /** An editor's JSON merge patch of an article (a new revision). */
    public static void patch(UUID id, String mergePatch) {
        given().auth().oauth2(Staff.editor()).contentType("application/merge-patch+json; charset=UTF-8").body(mergePatch)
                .patch("/api/v1/articles/{id}", id).then().statusCode(200);
    }

    /** Submits a document received in ninjs (format ninjs, with its original) and waits until it is stored. */
    public static UUID submitNinjs(Submission mapped, JsonNode original, String reporter) {
        UUID id = Ids.newV7();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        ArticleSubmitted event = new ArticleSubmitted(mapped, id, 1, reporter, now, SubmissionFormat.NINJS, original);
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(Topics.SUBMISSIONS,
                id.toString().getBytes(StandardCharsets.UTF_8), EventJson.write(event));
        new CloudEventAttributes(UUID.randomUUID().toString(), "/test/ingest", EventTypes.ARTICLE_SUBMITTED, now,
                id.toString()).writeTo(record.headers());
        TestKafka.sendRecord(record);
        Articles.awaitRevision(id, 1);
        return id;
    }
}
