package org.newsroom.article;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.newsroom.article.support.Articles;
import org.newsroom.article.support.Db;
import org.newsroom.article.support.Issues;
import org.newsroom.article.support.RelayFaults;
import org.newsroom.article.support.SeedData;
import org.newsroom.article.support.Staff;
import org.newsroom.article.support.TestKafka;
import org.newsroom.contracts.CloudEventAttributes;
import org.newsroom.contracts.EventJson;
import org.newsroom.contracts.EventTypes;
import org.newsroom.contracts.article.Distribution;
import org.newsroom.contracts.issue.IssuePublished;
import org.newsroom.stack.test.NewsroomTestResource;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Issues end to end on the real broker and database: the seed front page (refused for its teasers, then published
 * with pages 6 and 7), exactly-once emission through the outbox, a relay crash between send and mark, scheduling.
 */
@QuarkusTest
@QuarkusTestResource(value = NewsroomTestResource.class, initArgs = @ResourceArg(name = "database", value = "articles"))
class IssuePublishingTest {

    @Inject
    RelayFaults faults;

    @Test
    void theSeedFrontPageIsRefusedForItsTeasersThenPublishedWithPagesSixAndSeven() throws Exception {
        JsonNode seed = SeedData.issue();
        String reporter = Staff.newReporter();
        // the four seed stories, submitted through the real topic
        Map<String, UUID> seedIds = new LinkedHashMap<>();
        for (JsonNode placement : seed.get("pages").get(0).get("placements")) {
            String file = placement.get("article").asText();
            seedIds.put(file, Articles.submit(SeedData.submission(file), reporter));
        }
        List<UUID> pageOne = new ArrayList<>(seedIds.values());
        List<Map<String, Object>> teasers = new ArrayList<>();
        for (JsonNode teaser : seed.get("teasers")) {
            teasers.add(Issues.teaser(teaser.has("kicker") ? teaser.get("kicker").asText() : null,
                    teaser.get("headline").asText(), teaser.get("page").asInt()));
        }
        String masthead = seed.get("masthead").asText();
        int number = Issues.newNumber();
        Map<String, Object> body = Issues.issue(masthead, number,
                List.of(Issues.page(1, seed.get("pages").get(0).get("name").asText(), pageOne.toArray(UUID[]::new))),
                teasers);
        body.put("distributionNote", seed.get("distributionNote").asText());

        Response created = given().auth().oauth2(Staff.editor()).contentType("application/json").body(body)
                .post("/api/v1/issues");
        created.then().statusCode(201).body("status", equalTo("draft")).body("masthead", equalTo("徐汇报"))
                .body("pages[0].placements", hasSize(4));
        UUID issueId = UUID.fromString(created.jsonPath().getString("id"));
        assertThat(created.header("Location")).endsWith("/api/v1/issues/" + issueId);

        // three of four approved: refused, listing the unapproved article AND both teasers
        for (int i = 0; i < 3; i++) {
            Articles.approve(pageOne.get(i));
        }
        given().auth().oauth2(Staff.editor()).post("/api/v1/issues/{id}/publish", issueId).then()
                .statusCode(409).contentType("application/problem+json")
                .body("errors", hasSize(3))
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder(
                        "pages[0].placements[3].articleId", "teasers[0].page", "teasers[1].page"));
        // all approved: still refused, for the teasers to pages 6 and 7 the issue lacks
        Articles.approve(pageOne.get(3));
        Response refused = given().auth().oauth2(Staff.editor()).post("/api/v1/issues/{id}/publish", issueId);
        refused.then().statusCode(409).body("errors", hasSize(2))
                .body("errors.field", org.hamcrest.Matchers.contains("teasers[0].page", "teasers[1].page"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("page 7"))
                .body("errors[1].message", org.hamcrest.Matchers.containsString("page 6"));
        assertThat(Db.count("select count(*) from outbox where aggregate_id = ?", issueId)).isZero();

        // pages 6 and 7, each with one extra approved story; page 7 also holds an internal story
        UUID culture = Articles.approved(Articles.story("“梅韵玖响”终成佳话", "文化", Distribution.PUBLIC), reporter);
        UUID eldercare = Articles.approved(Articles.story("徐汇区新增八所“优秀”养老机构", "社会", Distribution.PUBLIC), reporter);
        UUID internal = Articles.approved(Articles.story("内部通报（不公开）", "社会", Distribution.INTERNAL), reporter);
        List<Map<String, Object>> pages = List.of(
                Issues.page(1, "要闻", pageOne.toArray(UUID[]::new)),
                Issues.page(6, "文化", culture),
                Issues.page(7, "社会", eldercare, internal));
        body.put("pages", pages);
        given().auth().oauth2(Staff.editor()).contentType("application/json").body(body)
                .put("/api/v1/issues/{id}", issueId).then().statusCode(200).body("pages", hasSize(3));

        Response published = given().auth().oauth2(Staff.editor()).post("/api/v1/issues/{id}/publish", issueId);
        published.then().statusCode(200).body("status", equalTo("published"));
        String publishedAt = published.jsonPath().getString("publishedAt");

        // the articles are published with their placement; the internal one stays staff-only
        given().get("/api/v1/articles/{id}", pageOne.get(2)).then().statusCode(200)
                .body("status", equalTo("published")).body("issue.id", equalTo(issueId.toString()))
                .body("issue.number", equalTo(number)).body("issue.page", equalTo(1))
                .body("publishedAt", equalTo(publishedAt));
        given().get("/api/v1/articles/{id}", eldercare).then().statusCode(200).body("issue.page", equalTo(7));
        given().get("/api/v1/articles/{id}", internal).then().statusCode(404);
        given().get("/api/v1/issues/{id}", issueId).then().statusCode(200)
                .body("pages[2].placements", hasSize(1))
                .body("pages[2].placements[0].articleId", equalTo(eldercare.toString()));
        given().auth().oauth2(Staff.editor()).get("/api/v1/issues/{id}", issueId).then().statusCode(200)
                .body("pages[2].placements", hasSize(2));
        given().get("/api/v1/issues/by-number/{m}/{n}", masthead, number).then().statusCode(200)
                .body("id", equalTo(issueId.toString()));

        // exactly one news.issue.published with the EVENTS.md payload
        await().atMost(Duration.ofSeconds(30)).until(() -> Issues.events(issueId).size() >= 1);
        List<ConsumerRecord<byte[], byte[]>> events = Issues.events(issueId);
        assertThat(events).hasSize(1);
        ConsumerRecord<byte[], byte[]> event = events.get(0);
        CloudEventAttributes attributes = CloudEventAttributes.readFrom(event.headers());
        assertThat(attributes.type()).isEqualTo(EventTypes.ISSUE_PUBLISHED);
        assertThat(attributes.subject()).isEqualTo(issueId.toString());
        assertThat(TestKafka.header(event, "content-type")).isEqualTo("application/json");
        JsonNode data = EventJson.mapper().readTree(event.value());
        assertThat(fieldNames(data)).containsExactlyInAnyOrder("issueId", "masthead", "number", "date",
                "publishedAt", "distributionNote", "url", "pages", "articles", "teasers");
        IssuePublished payload = EventJson.read(event.value(), IssuePublished.class);
        assertThat(payload.issueId()).isEqualTo(issueId);
        assertThat(payload.masthead()).isEqualTo("徐汇报");
        assertThat(payload.number()).isEqualTo(number);
        assertThat(payload.date()).hasToString("2024-12-20");
        assertThat(payload.distributionNote()).isEqualTo("内部资料 免费交流");
        assertThat(payload.publishedAt().toInstant()).isEqualTo(OffsetDateTime.parse(publishedAt).toInstant());
        assertThat(payload.url()).endsWith("/api/v1/issues/" + issueId);
        assertThat(payload.pages()).extracting(IssuePublished.Page::number).containsExactly(1, 6, 7);
        assertThat(payload.articles()).extracting(IssuePublished.Article::id)
                .containsExactly(pageOne.get(0), pageOne.get(1), pageOne.get(2), pageOne.get(3), culture, eldercare)
                .doesNotContain(internal);
        IssuePublished.Article first = payload.articles().get(0);
        assertThat(first.headline()).isEqualTo(SeedData.submission(seedIds.keySet().iterator().next()).headline());
        assertThat(first.page()).isEqualTo(1);
        assertThat(first.section()).isEqualTo("要闻");
        assertThat(first.url()).endsWith("/api/v1/articles/" + first.id());
        assertThat(payload.teasers()).containsExactly(
                new IssuePublished.Teaser("使居民身心更健康", "徐汇区新增八所“优秀”养老机构", 7),
                new IssuePublished.Teaser(null, "“梅韵玖响”终成佳话", 6));

        // publishing again: 200, nothing new in the outbox, still one event on the topic
        given().auth().oauth2(Staff.editor()).post("/api/v1/issues/{id}/publish", issueId).then().statusCode(200)
                .body("status", equalTo("published")).body("publishedAt", equalTo(publishedAt));
        assertThat(Db.count("select count(*) from outbox where aggregate_id = ?", issueId)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.count(
                "select count(*) from outbox where aggregate_id = ? and sent_at is not null", issueId) == 1);
        assertThat(Issues.events(issueId)).hasSize(1);
        // a placed article cannot go into another issue
        given().auth().oauth2(Staff.editor()).post("/api/v1/issues/{id}/publish",
                Issues.create(Issues.issue("徐汇报", Issues.newNumber(), List.of(Issues.page(1, "要闻", culture)),
                        List.of()))).then().statusCode(409).body("errors[0].message",
                org.hamcrest.Matchers.containsString("published, not approved"));
    }

    @Test
    void aRelayCrashBetweenSendAndMarkResendsTheSameEventId() {
        UUID article = Articles.approved(Articles.story("中继崩溃", "要闻", Distribution.PUBLIC), Staff.newReporter());
        UUID issueId = Issues.create(Issues.issue("测试报", Issues.newNumber(),
                List.of(Issues.page(1, "要闻", article)), List.of()));
        faults.crashOnceAfterSend(issueId);
        given().auth().oauth2(Staff.editor()).post("/api/v1/issues/{id}/publish", issueId).then().statusCode(200);

        await().atMost(Duration.ofSeconds(30)).until(() -> Issues.events(issueId).size() >= 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.count(
                "select count(*) from outbox where aggregate_id = ? and sent_at is not null", issueId) == 1);
        List<ConsumerRecord<byte[], byte[]>> events = Issues.events(issueId);
        assertThat(events).hasSize(2);
        Set<String> ids = new HashSet<>();
        for (ConsumerRecord<byte[], byte[]> event : events) {
            ids.add(CloudEventAttributes.readFrom(event.headers()).id());
        }
        assertThat(ids).as("a consumer deduplicating by ce_id keeps one").hasSize(1);
        assertThat(ids.iterator().next()).isEqualTo(
                Db.text("select event_id::text from outbox where aggregate_id = ?", issueId));
        given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("newsroom_article_outbox_sent_total"))
                .body(org.hamcrest.Matchers.containsString("newsroom_article_outbox_pending"));
    }

    @Test
    void aScheduledIssueIsPublishedWhenItsTimeComes() {
        UUID article = Articles.approved(Articles.story("定时出版", "要闻", Distribution.PUBLIC), Staff.newReporter());
        UUID issueId = Issues.create(Issues.issue("测试报", Issues.newNumber(),
                List.of(Issues.page(1, "要闻", article)), List.of()));
        String at = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusSeconds(8).toString();
        given().auth().oauth2(Staff.editor()).contentType("application/json").body(Map.of("publishAt", at))
                .post("/api/v1/issues/{id}/publish", issueId).then().statusCode(202)
                .body("status", equalTo("scheduled")).body("publishAt", startsWith(
                        OffsetDateTime.parse(at).withOffsetSameInstant(ZoneOffset.UTC).toString().substring(0, 16)));
        given().get("/api/v1/issues/{id}", issueId).then().statusCode(404);
        // a scheduled issue is no draft: it cannot be replaced
        given().auth().oauth2(Staff.editor()).contentType("application/json")
                .body(Issues.issue("测试报", Issues.newNumber(), List.of(Issues.page(1, "要闻", article)), List.of()))
                .put("/api/v1/issues/{id}", issueId).then().statusCode(409);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/v1/issues/{id}", issueId).then().statusCode(200)
                        .body("status", equalTo("published")));
        given().get("/api/v1/articles/{id}", article).then().statusCode(200).body("issue.page", equalTo(1));
        await().atMost(Duration.ofSeconds(30)).until(() -> Issues.events(issueId).size() == 1);
    }

    @Test
    void aRefusalListsEveryReason() {
        String reporter = Staff.newReporter();
        UUID unapproved = Articles.submit(Articles.story("未审", null, Distribution.PUBLIC), reporter);
        UUID missing = UUID.randomUUID();
        UUID issueId = Issues.create(Issues.issue("测试报", Issues.newNumber(),
                List.of(Issues.page(1, "要闻", unapproved, missing), Issues.page(2, "空版")),
                List.of(Issues.teaser(null, "指向不存在的版面", 9))));
        given().auth().oauth2(Staff.editor()).post("/api/v1/issues/{id}/publish", issueId).then()
                .statusCode(409).contentType("application/problem+json").body("status", equalTo(409))
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder(
                        "pages[0].placements[0].articleId", "pages[0].placements[1].articleId",
                        "pages[1].placements", "teasers[0].page"));
        UUID empty = Issues.create(Issues.issue("测试报", Issues.newNumber(), List.of(), List.of()));
        given().auth().oauth2(Staff.editor()).post("/api/v1/issues/{id}/publish", empty).then()
                .statusCode(409).body("errors[0].field", equalTo("pages"));
        // the article stayed as it was
        given().auth().oauth2(Staff.editor()).get("/api/v1/articles/{id}", unapproved).then()
                .body("status", equalTo("submitted"));
    }

    @Test
    void issueNumbersAreUniquePerMastheadAndListsArePublishedNewestFirst() {
        int number = Issues.newNumber();
        Issues.create(Issues.issue("唯一报", number, List.of(), List.of()));
        given().auth().oauth2(Staff.editor()).contentType("application/json")
                .body(Issues.issue("唯一报", number, List.of(), List.of()))
                .post("/api/v1/issues").then().statusCode(409).contentType("application/problem+json");
        Issues.create(Issues.issue("另一报", number, List.of(), List.of()));

        String masthead = "列表报-" + UUID.randomUUID().toString().substring(0, 6);
        List<String> published = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            UUID article = Articles.approved(Articles.story("列表 " + i, null, Distribution.PUBLIC), Staff.newReporter());
            UUID issue = Issues.create(Issues.issue(masthead, 1000 + i, List.of(Issues.page(1, "要闻", article)),
                    List.of()));
            given().auth().oauth2(Staff.editor()).post("/api/v1/issues/{id}/publish", issue).then().statusCode(200);
            published.add(0, issue.toString());
        }
        UUID draft = Issues.create(Issues.issue(masthead, 2000, List.of(), List.of()));
        Response first = given().queryParam("masthead", masthead).queryParam("limit", 2).get("/api/v1/issues");
        first.then().statusCode(200).body("items", hasSize(2));
        assertThat(first.header("Link")).contains("rel=\"next\"");
        Response second = given().queryParam("masthead", masthead).queryParam("cursor",
                first.jsonPath().getString("next")).get("/api/v1/issues");
        second.then().statusCode(200).body("items", hasSize(1));
        List<String> all = new ArrayList<>(first.jsonPath().getList("items.id"));
        all.addAll(second.jsonPath().getList("items.id"));
        assertThat(all).containsExactlyElementsOf(published);
        given().auth().oauth2(Staff.editor()).queryParam("masthead", masthead).queryParam("status", "draft")
                .get("/api/v1/issues").then().statusCode(200).body("items.id", org.hamcrest.Matchers.contains(
                        draft.toString()));
        given().queryParam("masthead", masthead).queryParam("status", "draft").get("/api/v1/issues").then()
                .statusCode(200).body("items", hasSize(3));
        given().get("/api/v1/issues/{id}", draft).then().statusCode(404);
        given().auth().oauth2(Staff.reporter(Staff.newReporter())).get("/api/v1/issues/{id}", draft).then()
                .statusCode(404);
        given().auth().oauth2(Staff.editor()).get("/api/v1/issues/{id}", draft).then().statusCode(200)
                .body("status", equalTo("draft"));
        given().get("/api/v1/issues/by-number/{m}/{n}", masthead, 2000).then().statusCode(404);
        given().get("/api/v1/issues/by-number/{m}/{n}", masthead, "x").then().statusCode(400);
        // a published issue cannot be replaced
        given().auth().oauth2(Staff.editor()).contentType("application/json")
                .body(Issues.issue(masthead, 3000, List.of(), List.of()))
                .put("/api/v1/issues/{id}", UUID.fromString(published.get(0))).then().statusCode(409);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
