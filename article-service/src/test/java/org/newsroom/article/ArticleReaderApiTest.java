package org.newsroom.article;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.newsroom.article.support.Articles;
import org.newsroom.article.support.Db;
import org.newsroom.article.support.Staff;
import org.newsroom.contracts.article.BlockType;
import org.newsroom.contracts.article.BodyBlock;
import org.newsroom.contracts.article.Distribution;
import org.newsroom.contracts.article.Submission;
import org.newsroom.stack.test.NewsroomTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The reader API: visibility, pagination, conditional requests, caching and answers to bad parameters. */
@QuarkusTest
@QuarkusTestResource(value = NewsroomTestResource.class, initArgs = @ResourceArg(name = "database", value = "articles"))
class ArticleReaderApiTest {

    private static String section() {
        return "测试版-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void readersSeeOnlyPublishedPublicArticlesPastTheirEmbargo() {
        String section = section();
        String reporter = Staff.newReporter();
        UUID open = Articles.submit(Articles.story("公开", section, Distribution.PUBLIC), reporter);
        UUID internal = Articles.submit(Articles.story("内部", section, Distribution.INTERNAL), reporter);
        UUID embargoed = Articles.submit(withEmbargo(Articles.story("禁发", section, Distribution.PUBLIC),
                OffsetDateTime.now().plusDays(1).truncatedTo(java.time.temporal.ChronoUnit.MICROS)), reporter);
        UUID embargoOver = Articles.submit(withEmbargo(Articles.story("解禁", section, Distribution.PUBLIC),
                OffsetDateTime.now().minusMinutes(1).truncatedTo(java.time.temporal.ChronoUnit.MICROS)), reporter);
        UUID unpublished = Articles.submit(Articles.story("未发", section, Distribution.PUBLIC), reporter);
        for (UUID id : List.of(open, internal, embargoed, embargoOver)) {
            Articles.forcePublished(id);
        }

        given().get("/api/v1/articles/{id}", open).then().statusCode(200)
                .header("Cache-Control", "public, max-age=60").header("ETag", notNullValue())
                .body("status", equalTo("published")).body("publishedAt", notNullValue());
        given().get("/api/v1/articles/{id}", embargoOver).then().statusCode(200);
        for (UUID hidden : List.of(internal, embargoed, unpublished)) {
            given().get("/api/v1/articles/{id}", hidden).then().statusCode(404)
                    .contentType("application/problem+json").body("status", equalTo(404));
            given().auth().oauth2(Staff.editor()).get("/api/v1/articles/{id}", hidden).then().statusCode(200)
                    .header("Cache-Control", "private, no-store");
        }
        given().get("/api/v1/articles/{id}", UUID.randomUUID()).then().statusCode(404);

        List<String> listed = given().queryParam("section", section).get("/api/v1/articles")
                .then().statusCode(200).extract().jsonPath().getList("items.id");
        assertThat(listed).containsExactlyInAnyOrder(open.toString(), embargoOver.toString());

        // the reporter sees their own (all five) plus what readers see
        List<String> own = given().auth().oauth2(Staff.reporter(reporter)).queryParam("section", section)
                .get("/api/v1/articles").then().statusCode(200).extract().jsonPath().getList("items.id");
        assertThat(own).hasSize(5);
        List<String> other = given().auth().oauth2(Staff.reporter(Staff.newReporter())).queryParam("section", section)
                .get("/api/v1/articles").then().statusCode(200).extract().jsonPath().getList("items.id");
        assertThat(other).containsExactlyInAnyOrder(open.toString(), embargoOver.toString());
        given().auth().oauth2(Staff.editor()).queryParam("section", section).queryParam("status", "submitted")
                .get("/api/v1/articles").then().statusCode(200).body("items", hasSize(1))
                .body("items[0].id", equalTo(unpublished.toString()));
    }

    @Test
    void retractedArticlesAreGoneForReadersWithTheNote() {
        UUID id = Articles.submit(Articles.story("将被撤回", null, Distribution.PUBLIC), Staff.newReporter());
        Articles.forcePublished(id);
        Db.update("update article set status = 'retracted', retraction_note = ?, retracted_at = now() where id = ?",
                "本文因事实错误撤回。", id);
        given().get("/api/v1/articles/{id}", id).then().statusCode(410).contentType("application/problem+json")
                .body("detail", equalTo("本文因事实错误撤回。"));
        given().auth().oauth2(Staff.editor()).get("/api/v1/articles/{id}", id).then().statusCode(200)
                .body("status", equalTo("retracted")).body("retraction.note", equalTo("本文因事实错误撤回。"));
    }

    @Test
    void listsPageNewestFirstWithCursorAndLinkHeader() {
        String section = section();
        String reporter = Staff.newReporter();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            UUID id = Articles.submit(Articles.story("分页 " + i, section, Distribution.PUBLIC), reporter);
            Articles.forcePublished(id);
            ids.add(0, id.toString());
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().queryParam("section", section).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/api/v1/articles");
            page.then().statusCode(200);
            seen.addAll(page.jsonPath().getList("items.id"));
            cursor = page.jsonPath().getString("next");
            if (cursor != null) {
                assertThat(page.header("Link")).contains("rel=\"next\"").contains("cursor=").contains("limit=2");
            } else {
                assertThat(page.header("Link")).isNull();
            }
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(ids);
    }

    @Test
    void conditionalGetAnswers304() {
        UUID id = Articles.submit(Articles.story("缓存", null, Distribution.PUBLIC), Staff.newReporter());
        Articles.forcePublished(id);
        String etag = given().get("/api/v1/articles/{id}", id).then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", etag).get("/api/v1/articles/{id}", id).then().statusCode(304)
                .header("ETag", etag);
        given().header("If-None-Match", "\"something-else\"").get("/api/v1/articles/{id}", id).then().statusCode(200);
        String listTag = given().queryParam("limit", 1).get("/api/v1/articles").then().statusCode(200)
                .extract().header("ETag");
        given().queryParam("limit", 1).header("If-None-Match", listTag).get("/api/v1/articles").then()
                .statusCode(304);
    }

    @Test
    void badParametersAreProblems() {
        for (String[] c : new String[][] {
                {"limit", "0", "422"}, {"limit", "1000", "422"}, {"limit", "-1", "422"}, {"limit", "abc", "400"},
                {"limit", "1.5", "400"}, {"cursor", "not-a-cursor!", "400"}, {"cursor", "MXx4fHk", "400"},
                {"from", "yesterday", "400"}, {"to", "2024-13-45", "400"}, {"issue", "not-a-uuid", "400"},
                {"status", "bogus", "422"}, {"section", "x".repeat(51), "422"}}) {
            given().queryParam(c[0], c[1]).get("/api/v1/articles").then()
                    .statusCode(Integer.parseInt(c[2])).contentType("application/problem+json")
                    .body("status", equalTo(Integer.parseInt(c[2])));
        }
        given().queryParam("from", "2024-12-20").queryParam("to", "2024-12-19").get("/api/v1/articles")
                .then().statusCode(422);
        given().queryParam("from", "2024-12-20T00:00:00+08:00").queryParam("to", "2024-12-20")
                .get("/api/v1/articles").then().statusCode(200);
        given().get("/api/v1/articles/{id}", "not-a-uuid").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("UUID"));
        given().auth().oauth2("not.a.token").get("/api/v1/articles").then().statusCode(401)
                .contentType("application/problem+json");
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void bylineAndIssueFiltersMatch() {
        String section = section();
        Submission withByline = new Submission("署名筛选", null, null, null, null,
                List.of(new BodyBlock(BlockType.PARAGRAPH, "正文")),
                List.of(new org.newsroom.contracts.article.Byline("曹香玉",
                        org.newsroom.contracts.article.BylineRole.REPORTER)),
                "记者 曹香玉", null, section, null, null, Distribution.PUBLIC, null, null);
        UUID a = Articles.submit(withByline, Staff.newReporter());
        UUID b = Articles.submit(Articles.story("无署名", section, Distribution.PUBLIC), Staff.newReporter());
        Articles.forcePublished(a);
        Articles.forcePublished(b);
        given().queryParam("section", section).queryParam("byline", "曹香玉").get("/api/v1/articles").then()
                .statusCode(200).body("items", hasSize(1)).body("items[0].id", equalTo(a.toString()))
                .body("next", nullValue());
        UUID issue = UUID.randomUUID();
        Db.update("update article set issue_id = ?, issue_number = 9, issue_page = 2 where id = ?", issue, b);
        given().queryParam("issue", issue.toString()).get("/api/v1/articles").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].issue.page", equalTo(2));
    }

    private static Submission withEmbargo(Submission s, OffsetDateTime embargo) {
        return new Submission(s.headline(), s.subheadline(), s.kicker(), s.genre(), s.language(), s.body(),
                s.bylines(), s.creditLine(), s.source(), s.section(), s.tags(), s.media(), s.distribution(), embargo,
                s.slug());
    }
}
