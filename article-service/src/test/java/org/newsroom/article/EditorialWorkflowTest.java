package org.newsroom.article;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.newsroom.article.support.Articles;
import org.newsroom.article.support.Db;
import org.newsroom.article.support.Issues;
import org.newsroom.article.support.Staff;
import org.newsroom.article.support.TestKafka;
import org.newsroom.contracts.article.Distribution;
import org.newsroom.stack.test.NewsroomTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** The workflow table, corrections and retractions, merge-patch edits with If-Match, and the revision history. */
@QuarkusTest
@QuarkusTestResource(value = NewsroomTestResource.class, initArgs = @ResourceArg(name = "database", value = "articles"))
class EditorialWorkflowTest {

    /** RestAssured would encode an unknown +json type as ISO-8859-1 without an explicit charset. */
    private static final String MERGE_PATCH = "application/merge-patch+json; charset=UTF-8";

    private static RequestSpecification editor() {
        return given().auth().oauth2(Staff.editor());
    }

    private static Response act(UUID id, String action, String note) {
        Map<String, Object> body = note == null ? Map.of("action", action) : Map.of("action", action, "note", note);
        return editor().contentType("application/json").body(body).post("/api/v1/articles/{id}/transitions", id);
    }

    @Test
    void submittedArticlesAreApprovedOrRejectedAndNothingElse() {
        String reporter = Staff.newReporter();
        UUID id = Articles.submit(Articles.story("待审", null, Distribution.PUBLIC), reporter);
        act(id, "correct", "x").then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("allowed from submitted: approve, reject"));
        act(id, "retract", "x").then().statusCode(409);
        act(id, "approve", null).then().statusCode(200).body("status", equalTo("approved"))
                .header("Cache-Control", "private, no-store");
        act(id, "approve", null).then().statusCode(409);
        act(id, "reject", null).then().statusCode(409);

        UUID other = Articles.submit(Articles.story("被退回", null, Distribution.PUBLIC), reporter);
        given().auth().oauth2(Staff.admin()).contentType("application/json")
                .body(Map.of("action", "reject", "note", "请补充来源"))
                .post("/api/v1/articles/{id}/transitions", other).then().statusCode(200)
                .body("status", equalTo("rejected"));
        act(other, "approve", null).then().statusCode(409)
                .body("detail", containsString("Cannot approve an article that is rejected"));
        // the reporter sees why, and a new revision puts it back to review
        given().auth().oauth2(Staff.reporter(reporter)).get("/api/v1/articles/{id}/transitions", other).then()
                .statusCode(200).body("items[0].action", equalTo("reject"))
                .body("items[0].note", equalTo("请补充来源")).body("items[0].actor", equalTo("管理员"));
        TestKafka.submit(other, Articles.story("被退回（已补充来源）", null, Distribution.PUBLIC), 2, reporter);
        Articles.awaitRevision(other, 2);
        editor().get("/api/v1/articles/{id}", other).then().body("status", equalTo("submitted"));
        act(other, "approve", null).then().statusCode(200);

        act(id, "publish", null).then().statusCode(422).body("errors[0].field", equalTo("action"));
        editor().contentType("application/json").body("{}").post("/api/v1/articles/{id}/transitions", id)
                .then().statusCode(422);
        act(UUID.randomUUID(), "approve", null).then().statusCode(404);
    }

    @Test
    void publishedArticlesAreCorrectedWithAVisibleNoteOrRetracted() {
        UUID id = Articles.submit(Articles.story("见报稿", null, Distribution.PUBLIC), Staff.newReporter());
        Articles.approve(id);
        Issues.publishedWith(id);
        act(id, "approve", null).then().statusCode(409);
        act(id, "correct", null).then().statusCode(422).body("errors[0].field", equalTo("note"));
        act(id, "correct", "  ").then().statusCode(422);
        act(id, "correct", "更正：第二段人名有误。").then().statusCode(200).body("status", equalTo("corrected"))
                .body("correction.note", equalTo("更正：第二段人名有误。")).body("correction.at", notNullValue());
        given().get("/api/v1/articles/{id}", id).then().statusCode(200).body("status", equalTo("corrected"))
                .body("correction.note", equalTo("更正：第二段人名有误。"));
        act(id, "correct", "再次更正：日期有误。").then().statusCode(200)
                .body("correction.note", equalTo("再次更正：日期有误。"));
        act(id, "retract", "本文已撤回。").then().statusCode(200).body("status", equalTo("retracted"));
        given().get("/api/v1/articles/{id}", id).then().statusCode(410).contentType("application/problem+json")
                .body("detail", equalTo("本文已撤回。"));
        act(id, "retract", "again").then().statusCode(409);
        act(id, "correct", "again").then().statusCode(409);
        editor().contentType(MERGE_PATCH).body("{\"headline\":\"改\"}")
                .patch("/api/v1/articles/{id}", id).then().statusCode(409);
        editor().get("/api/v1/articles/{id}/transitions", id).then().statusCode(200)
                .body("items.action", contains("approve", "publish", "correct", "correct", "retract"));
    }

    @Test
    void mergePatchMakesANewRevisionAndHonoursIfMatch() {
        String reporter = Staff.newReporter();
        UUID id = Articles.submit(new org.newsroom.contracts.article.Submission("原标题", "原副题", null, null, null,
                List.of(new org.newsroom.contracts.article.BodyBlock(org.newsroom.contracts.article.BlockType.PARAGRAPH,
                        "原正文")), null, null, null, "要闻", List.of("标签"), null, null, null, null), reporter);
        Response before = editor().get("/api/v1/articles/{id}", id);
        String etag = before.header("ETag");

        Response patched = editor().contentType(MERGE_PATCH).header("If-Match", etag)
                .body("{\"headline\":\"新标题\",\"subheadline\":null,\"tags\":[\"甲\",\"乙\"]}")
                .patch("/api/v1/articles/{id}", id);
        patched.then().statusCode(200).body("headline", equalTo("新标题")).body("subheadline", nullValue())
                .body("tags", contains("甲", "乙")).body("body[0].text", equalTo("原正文"))
                .body("revision", equalTo(2)).body("section", equalTo("要闻"));
        assertThat(patched.header("ETag")).isNotEqualTo(etag);

        // the old ETag is stale now
        editor().contentType(MERGE_PATCH).header("If-Match", etag).body("{\"kicker\":\"引\"}")
                .patch("/api/v1/articles/{id}", id).then().statusCode(412).contentType("application/problem+json");
        editor().contentType(MERGE_PATCH).header("If-Match", "W/" + patched.header("ETag"))
                .body("{\"kicker\":\"引\"}").patch("/api/v1/articles/{id}", id).then().statusCode(412);
        editor().contentType(MERGE_PATCH).header("If-Match", "not-an-etag")
                .body("{\"kicker\":\"引\"}").patch("/api/v1/articles/{id}", id).then().statusCode(400);
        editor().contentType(MERGE_PATCH).header("If-Match", patched.header("ETag"))
                .body("{\"kicker\":\"引\"}").patch("/api/v1/articles/{id}", id).then().statusCode(200)
                .body("kicker", equalTo("引")).body("revision", equalTo(3));
        // a patch that changes nothing makes no revision
        editor().contentType(MERGE_PATCH).body("{\"kicker\":\"引\"}")
                .patch("/api/v1/articles/{id}", id).then().statusCode(200).body("revision", equalTo(3));

        // invalid results and bad patches
        editor().contentType(MERGE_PATCH).body("{\"headline\":\"\"}")
                .patch("/api/v1/articles/{id}", id).then().statusCode(422).body("errors.field", org.hamcrest.Matchers.everyItem(equalTo("headline")));
        editor().contentType(MERGE_PATCH).body("{\"body\":[{\"type\":\"poem\",\"text\":\"x\"}]}")
                .patch("/api/v1/articles/{id}", id).then().statusCode(422)
                .body("errors[0].field", equalTo("body[0].type"));
        editor().contentType(MERGE_PATCH).body("{\"headline\":42}")
                .patch("/api/v1/articles/{id}", id).then().statusCode(422);
        editor().contentType(MERGE_PATCH).body("{\"status\":\"published\"}")
                .patch("/api/v1/articles/{id}", id).then().statusCode(422);
        editor().contentType(MERGE_PATCH).body("{\"slug\":\"Not A Slug\"}")
                .patch("/api/v1/articles/{id}", id).then().statusCode(422).body("errors[0].field", equalTo("slug"));
        editor().contentType(MERGE_PATCH).body("[1,2]")
                .patch("/api/v1/articles/{id}", id).then().statusCode(422);
        editor().contentType(MERGE_PATCH).body("{\"headline\":")
                .patch("/api/v1/articles/{id}", id).then().statusCode(400).contentType("application/problem+json");
        editor().contentType(MERGE_PATCH).body("{\"body\":null}")
                .patch("/api/v1/articles/{id}", id).then().statusCode(422).body("errors[0].field", equalTo("body"));
        editor().contentType("text/plain").body("headline=x").patch("/api/v1/articles/{id}", id).then()
                .statusCode(415).contentType("application/problem+json");

        // every revision with who and when
        Response revisions = given().auth().oauth2(Staff.reporter(reporter)).get("/api/v1/articles/{id}/revisions", id);
        revisions.then().statusCode(200).body("items", hasSize(3))
                .body("items.number", contains(1, 2, 3))
                .body("items.kind", contains("submission", "edit", "edit"))
                .body("items.author", contains(reporter, "王编辑", "王编辑"))
                .body("items[0].content.headline", equalTo("原标题"))
                .body("items[1].content.headline", equalTo("新标题"))
                .body("items[2].createdAt", notNullValue());
        Response page = editor().queryParam("limit", 2).get("/api/v1/articles/{id}/revisions", id);
        page.then().statusCode(200).body("items", hasSize(2));
        editor().queryParam("cursor", page.jsonPath().getString("next")).get("/api/v1/articles/{id}/revisions", id)
                .then().statusCode(200).body("items.number", contains(3)).body("next", nullValue());
        given().auth().oauth2(Staff.reporter(Staff.newReporter())).get("/api/v1/articles/{id}/revisions", id)
                .then().statusCode(403);
        given().get("/api/v1/articles/{id}/revisions", id).then().statusCode(401);
    }

    @Test
    void aSubmissionForAnAlreadyPublishedArticleIsKeptAsARevisionOnly() {
        String reporter = Staff.newReporter();
        UUID id = Articles.submit(Articles.story("已见报", null, Distribution.PUBLIC), reporter);
        Articles.approve(id);
        Issues.publishedWith(id);
        TestKafka.submit(id, Articles.story("见报后才到的修改", null, Distribution.PUBLIC), 2, reporter);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() ->
                Db.count("select count(*) from article_revision where article_id = ?", id) == 2);
        given().get("/api/v1/articles/{id}", id).then().statusCode(200).body("status", equalTo("published"))
                .body("headline", equalTo("已见报")).body("revision", equalTo(1));
        editor().get("/api/v1/articles/{id}/revisions", id).then().statusCode(200)
                .body("items[1].content.headline", equalTo("见报后才到的修改"));
    }

    @Test
    void patchingARejectedArticleReturnsItToReview() {
        UUID id = Articles.submit(Articles.story("退回后编辑", null, Distribution.PUBLIC), Staff.newReporter());
        act(id, "reject", "太长").then().statusCode(200);
        editor().contentType("application/json").body("{\"headline\":\"编辑改写\"}")
                .patch("/api/v1/articles/{id}", id).then().statusCode(200).body("status", equalTo("submitted"));
        act(id, "approve", null).then().statusCode(200);
    }
}
