package org.newsroom.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.newsroom.stack.LocalStack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** A reporter submits the four seed stories to ingest-service; article-service stores them through the real broker. */
class SubmissionPipelineIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void seedStoriesComeBackFieldForFieldCharacterForCharacter() throws Exception {
        LocalStack stack = E2eStack.get();
        String reporter = "曹香玉-" + System.nanoTime();
        String token = E2eStack.token("reporter", reporter);
        for (Path seed : E2eStack.seedArticles()) {
            byte[] body = Files.readAllBytes(seed);
            Response accepted = given().baseUri(stack.service(LocalStack.INGEST).url())
                    .auth().oauth2(token).contentType(ContentType.JSON).body(body)
                    .post("/api/v1/submissions");
            assertThat(accepted.statusCode()).as(accepted.asString()).isEqualTo(202);
            String id = accepted.jsonPath().getString("id");
            assertThat(accepted.header("Location")).endsWith("/api/v1/articles/" + id);
            assertThat(accepted.jsonPath().getString("status")).isEqualTo("submitted");

            String articleUrl = stack.service(LocalStack.ARTICLE).url() + "/api/v1/articles/" + id;
            Response stored = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> given().auth().oauth2(token).accept(ContentType.JSON).get(articleUrl),
                            response -> response.statusCode() == 200);

            JsonNode submitted = JSON.readTree(body);
            JsonNode article = JSON.readTree(stored.asByteArray());
            for (Iterator<Map.Entry<String, JsonNode>> fields = submitted.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                assertThat(article.get(field.getKey())).as(seed.getFileName() + " field " + field.getKey())
                        .isEqualTo(field.getValue());
            }
            assertThat(article.get("id").asText()).isEqualTo(id);
            assertThat(article.get("status").asText()).isEqualTo("submitted");
            assertThat(article.get("submittedBy").asText()).isEqualTo(reporter);

            // Readers see nothing unpublished.
            given().get(articleUrl).then().statusCode(404).contentType("application/problem+json");
        }
    }
}
