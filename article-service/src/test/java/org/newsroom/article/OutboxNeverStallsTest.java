package org.newsroom.article;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.newsroom.article.support.Articles;
import org.newsroom.article.support.Db;
import org.newsroom.article.support.Issues;
import org.newsroom.article.support.Staff;
import org.newsroom.contracts.Ids;
import org.newsroom.contracts.Topics;
import org.newsroom.contracts.article.Distribution;
import org.newsroom.stack.test.NewsroomTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * No issue announcement can stop the ones after it: an issue whose event newsroom.issues could not carry is refused
 * when it is published, and an outbox row the broker refuses anyway is set aside, visibly, while the next issue goes out.
 */
@QuarkusTest
@QuarkusTestResource(value = NewsroomTestResource.class, initArgs = @ResourceArg(name = "database", value = "articles"))
class OutboxNeverStallsTest {

    @Test
    void anIssueWhoseAnnouncementWouldNotFitTheTopicIsRefusedWithTheReason() {
        // 1,600 approved articles with 200-character headlines: about 1.3 MB of announcement
        String section = "outbox-" + UUID.randomUUID();
        Db.update("""
                insert into article (id, revision, status, headline, genre, language, body, bylines, tags, media,
                                     distribution, submitted_by, submitted_at, updated_at)
                select gen_random_uuid(), 1, 'approved', repeat('长', 200), 'news', 'zh-CN',
                       '[{"type":"paragraph","text":"正文"}]', '[]', '[]', '[]', 'public', 'outbox-test', now(), now()
                from generate_series(1, 1600)""");
        Db.update("update article set section = ? where submitted_by = 'outbox-test' and section is null", section);
        List<UUID> ids = Arrays.stream(Db.text("select string_agg(id::text, ',') from article where section = ?", section)
                .split(",")).map(UUID::fromString).toList();
        assertThat(ids).hasSize(1600);
        List<Map<String, Object>> pages = new ArrayList<>();
        for (int p = 0; p < 8; p++) {
            pages.add(Issues.page(p + 1, "版" + (p + 1), ids.subList(p * 200, (p + 1) * 200).toArray(UUID[]::new)));
        }
        UUID issue = Issues.create(Issues.issue("测试报", Issues.newNumber(), pages, List.of()));

        Response publish = given().auth().oauth2(Staff.editor()).post("/api/v1/issues/{id}/publish", issue);

        assertThat(publish.statusCode()).isEqualTo(409);
        assertThat(publish.contentType()).startsWith("application/problem+json");
        assertThat(publish.jsonPath().getString("errors[0].field")).isEqualTo("pages");
        assertThat(publish.jsonPath().getString("errors[0].message"))
                .contains("announcement would be", Topics.ISSUES_MAX_MESSAGE_BYTES + " bytes");
        assertThat(Db.text("select status from issue where id = ?", issue)).isEqualTo("draft");
        assertThat(Db.count("select count(*) from article where section = ? and status = 'approved'", section))
                .isEqualTo(1600);
    }

    @Test
    void anOutboxRowTheBrokerRefusesIsSetAsideVisiblyAndTheNextIssueIsAnnouncedWithinSeconds() {
        UUID first = Issues.publishedWith(approvedStory("先出版的一期"));
        await().atMost(Duration.ofSeconds(30)).until(() -> !Issues.events(first).isEmpty());
        // a row larger than the topic takes, as a row written before the size check, or by hand, would be
        UUID poisonEvent = Ids.newV7();
        Db.update("""
                insert into outbox (event_id, aggregate_id, type, source, subject, occurred_at, payload, created_at)
                values (?, ?, 'news.issue.published', '/test', ?, now(), ?, now())""",
                poisonEvent, first, first.toString(), "{\"pad\":\"" + "报".repeat(500_000) + "\"}");

        UUID next = Issues.publishedWith(approvedStory("下一期照常发出"));

        await().atMost(Duration.ofSeconds(30)).until(() -> !Issues.events(next).isEmpty());
        assertThat(Db.text("select failure from outbox where event_id = ?", poisonEvent)).contains("RecordTooLarge");
        assertThat(Db.count("select count(*) from outbox where event_id = ? and sent_at is null and failed_at is not null",
                poisonEvent)).isEqualTo(1);
        given().auth().oauth2(Staff.editor()).get("/api/v1/issues/{id}", first).then().statusCode(200)
                .body("publishError", org.hamcrest.Matchers.containsString("set aside"));
        given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("newsroom_article_outbox_set_aside_total"));
    }

    private static UUID approvedStory(String headline) {
        return Articles.approved(Articles.story(headline, "要闻", Distribution.PUBLIC), Staff.newReporter());
    }
}
