package org.newsroom.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsroom.ingest.Ingest.SUBMISSIONS;
import static org.newsroom.ingest.Ingest.as;
import static org.newsroom.ingest.Ingest.utf8;

import java.util.Map;
import java.util.UUID;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.newsroom.stack.test.NewsroomTestResource;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * {@code PUT /api/v1/submissions/{id}}: a new revision of a story not yet published, checked against article-service
 * (a real HTTP server in this test answering as article-service would).
 */
@QuarkusTest
@QuarkusTestResource(NewsroomTestResource.class)
@QuarkusTestResource(ArticleServiceStub.class)
class RevisionTest {

    private static final TopicReader topic = TopicReader.submissions();

    @Test
    void theAuthorRevisesASubmittedStoryAndGetsTheNextRevision() {
        String reporter = Ingest.uniqueReporter("曹香玉");
        UUID id = UUID.randomUUID();
        ArticleServiceStub.article(id, 2, "submitted", reporter);
        String token = Ingest.token("reporter", reporter);
        Map<TopicPartition, Long> mark = topic.mark();

        Response response = Ingest.anonymous().auth().oauth2(token)
                .contentType("application/json").body(utf8(Ingest.story("修改后的标题")))
                .when().put(SUBMISSIONS + "/" + id);

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(202);
        assertThat(response.jsonPath().getString("id")).isEqualTo(id.toString());
        assertThat(response.jsonPath().getInt("revision")).isEqualTo(3);
        assertThat(response.jsonPath().getString("status")).isEqualTo("submitted");
        assertThat(response.header("Location")).endsWith("/api/v1/articles/" + id);
        assertThat(ArticleServiceStub.authorizationSeen(id)).isEqualTo("Bearer " + token);

        JsonNode event = Ingest.tree(topic.since(mark, id.toString()).get(0).value());
        assertThat(event.get("revision").asInt()).isEqualTo(3);
        assertThat(event.get("headline").asText()).isEqualTo("修改后的标题");
        assertThat(event.get("submittedBy").asText()).isEqualTo(reporter);
    }

    @Test
    void anEditorMayReviseSomeoneElsesStoryInMarkdown() {
        UUID id = UUID.randomUUID();
        ArticleServiceStub.article(id, 1, "approved", "曹香玉");

        as("editor", Ingest.uniqueReporter("王编辑"))
                .contentType("text/markdown").body(utf8("---\nheadline: 编辑改过的标题\n---\n正文\n"))
                .when().put(SUBMISSIONS + "/" + id)
                .then().statusCode(202)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/articles/" + id));
    }

    @Test
    void anUnknownStoryIs404() {
        assertRefused(UUID.randomUUID().toString(), "reporter", Ingest.uniqueReporter("曹香玉"), 404);
    }

    @Test
    void anIdThatIsNotAUuidIs404() {
        assertRefused("not-a-uuid", "reporter", Ingest.uniqueReporter("曹香玉"), 404);
    }

    @Test
    void anotherReportersStoryIs403() {
        UUID id = UUID.randomUUID();
        ArticleServiceStub.article(id, 1, "submitted", "施昱辰");
        assertRefused(id.toString(), "reporter", Ingest.uniqueReporter("曹香玉"), 403);
    }

    @Test
    void articleServiceRefusingTheCallerIs403() {
        UUID id = UUID.randomUUID();
        ArticleServiceStub.failWith(id, 403);
        assertRefused(id.toString(), "reporter", Ingest.uniqueReporter("曹香玉"), 403);
    }

    @Test
    void publishedCorrectedAndRetractedStoriesAre409() {
        String reporter = Ingest.uniqueReporter("曹香玉");
        for (String status : new String[] {"published", "corrected", "retracted"}) {
            UUID id = UUID.randomUUID();
            ArticleServiceStub.article(id, 4, status, reporter);
            assertRefused(id.toString(), "reporter", reporter, 409);
            assertRefused(id.toString(), "editor", Ingest.uniqueReporter("王编辑"), 409);
        }
    }

    @Test
    void articleServiceFailingIs503WithRetryAfter() {
        UUID id = UUID.randomUUID();
        ArticleServiceStub.failWith(id, 500);
        Response response = assertRefused(id.toString(), "editor", Ingest.uniqueReporter("王编辑"), 503);
        assertThat(Integer.parseInt(response.header("Retry-After"))).isPositive();
    }

    @Test
    void articleServiceStallingMidAnswerIs503WithRetryAfter() {
        UUID id = UUID.randomUUID();
        ArticleServiceStub.stallMidAnswer(id);
        Response response = assertRefused(id.toString(), "editor", Ingest.uniqueReporter("王编辑"), 503);
        assertThat(response.header("Retry-After")).isNotBlank();
    }

    @Test
    void aRevisionIsValidatedLikeASubmission() {
        UUID id = UUID.randomUUID();
        String reporter = Ingest.uniqueReporter("曹香玉");
        ArticleServiceStub.article(id, 1, "submitted", reporter);
        Map<TopicPartition, Long> mark = topic.mark();

        Response response = as("reporter", reporter).contentType("application/json")
                .body(utf8("{\"headline\": \"\", \"body\": []}"))
                .when().put(SUBMISSIONS + "/" + id);

        Ingest.assertProblem(response, 422);
        assertThat(response.jsonPath().getList("errors.field", String.class)).contains("headline", "body");
        assertThat(topic.since(mark)).isEmpty();
    }

    @Test
    void aRetriedRevisionWithItsIdempotencyKeyGetsTheFirstAnswer() {
        UUID id = UUID.randomUUID();
        String reporter = Ingest.uniqueReporter("曹香玉");
        ArticleServiceStub.article(id, 1, "submitted", reporter);
        String key = "revise-" + UUID.randomUUID();
        Map<TopicPartition, Long> mark = topic.mark();

        Response first = as("reporter", reporter).contentType("application/json").header("Idempotency-Key", key)
                .body(utf8(Ingest.story("第二版"))).when().put(SUBMISSIONS + "/" + id);
        ArticleServiceStub.article(id, 2, "submitted", reporter);
        Response again = as("reporter", reporter).contentType("application/json").header("Idempotency-Key", key)
                .body(utf8(Ingest.story("第二版"))).when().put(SUBMISSIONS + "/" + id);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(again.jsonPath().getInt("revision")).isEqualTo(2);
        assertThat(again.jsonPath().getString("receivedAt")).isEqualTo(first.jsonPath().getString("receivedAt"));
        assertThat(topic.since(mark, id.toString())).hasSize(1);
    }

    private static Response assertRefused(String id, String role, String name, int status) {
        Map<TopicPartition, Long> mark = topic.mark();

        Response response = as(role, name).contentType("application/json").body(utf8(Ingest.story("修改")))
                .when().put(SUBMISSIONS + "/" + id);

        Ingest.assertProblem(response, status);
        assertThat(topic.since(mark)).isEmpty();
        Ingest.assertReady();
        return response;
    }
}
