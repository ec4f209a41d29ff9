package org.newsroom.article;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.newsroom.article.support.Articles;
import org.newsroom.article.support.Issues;
import org.newsroom.article.support.Staff;
import org.newsroom.article.support.TestKafka;
import org.newsroom.contracts.Ids;
import org.newsroom.contracts.article.Distribution;
import org.newsroom.stack.test.NewsroomTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Whatever was acknowledged is kept, and nobody's story is replaced behind their back: a new story that meets an
 * existing id becomes an article of its own; a revision that arrives after publication waits, visible, for an editor.
 */
@QuarkusTest
@QuarkusTestResource(value = NewsroomTestResource.class, initArgs = @ResourceArg(name = "database", value = "articles"))
class NoStoryOverwrittenTest {

    private static final String TRANSITIONS = "/api/v1/articles/{id}/transitions";

    @Test
    void aNewStoryThatMeetsAnExistingArticleIdIsStoredAsAnArticleOfItsOwn() {
        String reporter = Staff.newReporter();
        UUID id = Articles.approved(Articles.story("区图书馆延长开放时间", "要闻", Distribution.PUBLIC), reporter);

        // what a key reused after its retention produced before ingest named stories by their content
        String second = TestKafka.submit(id, Articles.story("社区食堂开业", "民生", Distribution.PUBLIC), 1, reporter);
        UUID rehomed = Ids.nameBased("rehomed-submission", second);
        Articles.awaitRevision(rehomed, 1);

        given().auth().oauth2(Staff.editor()).get("/api/v1/articles/{id}", id).then().statusCode(200)
                .body("headline", equalTo("区图书馆延长开放时间")).body("status", equalTo("approved"))
                .body("revision", equalTo(1));
        given().auth().oauth2(Staff.reporter(reporter)).get("/api/v1/articles/{id}", rehomed).then().statusCode(200)
                .body("headline", equalTo("社区食堂开业")).body("status", equalTo("submitted"))
                .body("submittedBy", equalTo(reporter));
    }

    @Test
    void aRevisionAfterPublicationIsPendingForEditorsAndTheAuthorUntilACorrectionAdoptsIt() {
        String reporter = Staff.newReporter();
        UUID id = Articles.approved(Articles.story("徐汇滨江步道全线贯通", "要闻", Distribution.PUBLIC), reporter);
        Issues.publishedWith(id);

        // the reporter's PUT passed ingest while the article was approved, and reached storage after publication
        TestKafka.submit(id, Articles.story("徐汇滨江步道全线贯通（更正版）", "要闻", Distribution.PUBLIC), 2, reporter);
        await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(Staff.editor())
                .get("/api/v1/articles/{id}", id).jsonPath().get("pendingRevision") != null);

        given().auth().oauth2(Staff.editor()).get("/api/v1/articles/{id}", id).then().statusCode(200)
                .body("pendingRevision", equalTo(2)).body("revision", equalTo(1))
                .body("status", equalTo("published")).body("headline", equalTo("徐汇滨江步道全线贯通"));
        given().auth().oauth2(Staff.reporter(reporter)).get("/api/v1/articles/{id}", id).then()
                .body("pendingRevision", equalTo(2));
        given().get("/api/v1/articles/{id}", id).then().statusCode(200)
                .body("pendingRevision", nullValue()).body("headline", equalTo("徐汇滨江步道全线贯通"));

        Response corrected = given().auth().oauth2(Staff.editor()).contentType("application/json")
                .body("{\"action\":\"correct\",\"note\":\"标题按记者更新\",\"revision\":2}").post(TRANSITIONS, id);

        corrected.then().statusCode(200).body("status", equalTo("corrected"))
                .body("headline", equalTo("徐汇滨江步道全线贯通（更正版）")).body("revision", equalTo(3))
                .body("pendingRevision", nullValue()).body("correction.note", equalTo("标题按记者更新"));
        given().auth().oauth2(Staff.editor()).get("/api/v1/articles/{id}/revisions", id).then().statusCode(200)
                .body("items.number", contains(1, 2, 3)).body("items.kind", contains("submission", "submission", "edit"))
                .body("items[2].note", equalTo("adopts revision 2: 标题按记者更新"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/v1/articles/{id}", id).then()
                .body("headline", equalTo("徐汇滨江步道全线贯通（更正版）")));
    }

    @Test
    void onlyTheArticlesPendingRevisionCanBeAdoptedAndOnlyByACorrection() {
        UUID id = Ids.newV7();
        TestKafka.submit(id, Articles.story("只有待定修订可被采用", "要闻", Distribution.PUBLIC), 1, Staff.newReporter());
        Articles.awaitRevision(id, 1);

        Response approveWithRevision = given().auth().oauth2(Staff.editor()).contentType("application/json")
                .body("{\"action\":\"approve\",\"revision\":1}").post(TRANSITIONS, id);
        assertThat(approveWithRevision.statusCode()).isEqualTo(422);
        assertThat(approveWithRevision.jsonPath().getString("errors[0].field")).isEqualTo("revision");

        Articles.approve(id);
        Issues.publishedWith(id);
        Response notPending = given().auth().oauth2(Staff.editor()).contentType("application/json")
                .body("{\"action\":\"correct\",\"note\":\"无\",\"revision\":1}").post(TRANSITIONS, id);
        assertThat(notPending.statusCode()).isEqualTo(409);
        assertThat(notPending.contentType()).startsWith("application/problem+json");
        assertThat(notPending.jsonPath().getString("detail")).contains("pending: none");
    }
}
