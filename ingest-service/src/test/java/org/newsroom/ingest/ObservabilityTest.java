package org.newsroom.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.newsroom.ingest.Ingest.SUBMISSIONS;
import static org.newsroom.ingest.Ingest.as;
import static org.newsroom.ingest.Ingest.utf8;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.newsroom.stack.test.NewsroomTestResource;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Operators see submissions counted by format and outcome, the broker's acknowledgement time, readiness and the API. */
@QuarkusTest
@QuarkusTestResource(NewsroomTestResource.class)
@QuarkusTestResource(ArticleServiceStub.class)
class ObservabilityTest {

    @Test
    void submissionsAreCountedByFormatAndOutcome() {
        double acceptedBefore = metric("newsroom_ingest_submissions_total", "format=\"markdown\",outcome=\"accepted\"");
        double rejectedBefore = metric("newsroom_ingest_submissions_total", "format=\"json\",outcome=\"rejected\"");
        double unknownBefore = metric("newsroom_ingest_submissions_total", "format=\"unknown\",outcome=\"rejected\"");

        as("reporter", Ingest.uniqueReporter("曹香玉")).contentType("text/markdown")
                .body(utf8("---\nheadline: 计数\n---\n正文\n")).when().post(SUBMISSIONS).then().statusCode(202);
        as("reporter", Ingest.uniqueReporter("曹香玉")).contentType("application/json")
                .body(utf8("{\"headlnie\": \"错\"}")).when().post(SUBMISSIONS).then().statusCode(422);
        as("reporter", Ingest.uniqueReporter("曹香玉")).contentType("text/csv")
                .body(utf8("a,b")).when().post(SUBMISSIONS).then().statusCode(415);

        assertThat(metric("newsroom_ingest_submissions_total", "format=\"markdown\",outcome=\"accepted\""))
                .isEqualTo(acceptedBefore + 1);
        assertThat(metric("newsroom_ingest_submissions_total", "format=\"json\",outcome=\"rejected\""))
                .isEqualTo(rejectedBefore + 1);
        assertThat(metric("newsroom_ingest_submissions_total", "format=\"unknown\",outcome=\"rejected\""))
                .isEqualTo(unknownBefore + 1);
        assertThat(metric("newsroom_ingest_broker_ack_seconds_count", "outcome=\"acked\"")).isPositive();
        assertThat(given().get("/q/metrics").asString())
                .contains("newsroom_ingest_submissions_total{format=\"ninjs\",outcome=\"unavailable\"");
    }

    @Test
    void readinessIncludesTheBrokerAndTheIdempotencyKeys() {
        JsonNode health = Ingest.tree(given().get("/q/health/ready").then().statusCode(200).extract().asByteArray());
        assertThat(health.toString()).contains("Idempotency keys", "\"idempotencyKeysLoaded\":true");
        // the broker: the submissions channel's readiness (topic verification against the broker)
        assertThat(check(health, "SmallRye Reactive Messaging - readiness check").path("data").path("submissions").asText())
                .startsWith("[OK]");
    }

    private static JsonNode check(JsonNode health, String name) {
        for (JsonNode check : health.path("checks")) {
            if (check.path("name").asText().equals(name)) {
                return check;
            }
        }
        throw new AssertionError("no readiness check " + name + " in " + health);
    }

    @Test
    void theOpenApiDocumentDescribesBothEndpointsWithTheThreeContentTypes() {
        JsonNode api = Ingest.tree(given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().asByteArray());
        assertThat(api.path("components").path("schemas").has("Submission")).isTrue();
        for (String path : new String[] {"/api/v1/submissions", "/api/v1/submissions/{id}"}) {
            JsonNode operation = api.path("paths").path(path).path(path.endsWith("}") ? "put" : "post");
            JsonNode content = operation.path("requestBody").path("content");
            assertThat(content.has("application/json")).as(path).isTrue();
            assertThat(content.has("text/markdown")).as(path).isTrue();
            assertThat(content.has("application/ninjs+json")).as(path).isTrue();
            assertThat(content.has("*/*")).as(path).isFalse();
            assertThat(operation.path("responses").has("202")).as(path).isTrue();
            assertThat(operation.path("parameters").toString()).as(path).contains("Idempotency-Key");
        }
    }

    private static double metric(String name, String labels) {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        // a sample may end with an exemplar ("# {span_id=...,trace_id=...} 1.0 <time>"): OpenTelemetry links it to a trace
        Matcher m = Pattern.compile("^" + Pattern.quote(name) + "\\{([^}]*)\\} (\\S+)(?: # \\{.*)?$", Pattern.MULTILINE)
                .matcher(text);
        while (m.find()) {
            if (m.group(1).contains(labels)) {
                return Double.parseDouble(m.group(2));
            }
        }
        return 0;
    }
}
