package org.newsroom.article;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import org.junit.jupiter.api.Test;
import org.newsroom.stack.test.NewsroomTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** Readiness covers Kafka, the database and the consumer; business metrics and the OpenAPI document are published. */
@QuarkusTest
@QuarkusTestResource(value = NewsroomTestResource.class, initArgs = @ResourceArg(name = "database", value = "articles"))
class OperationsTest {

    @Test
    void readinessIncludesKafkaDatabaseAndConsumer() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItems("Kafka connection health check", "Database connections health check",
                        "Submissions consumer"));
        given().get("/q/health/live").then().statusCode(200).body("checks.name", hasItems("Submissions consumer"));
    }

    @Test
    void businessMetricsAndOpenApiArePublished() {
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("newsroom_article_submissions_consumed_total"))
                .body(containsString("newsroom_article_submissions_stored_total"))
                .body(containsString("newsroom_article_submissions_duplicates_total"))
                .body(containsString("newsroom_article_submissions_dead_lettered_total"))
                .body(containsString("newsroom_article_submissions_lag"))
                .body(containsString("newsroom_article_outbox_pending"))
                .body(containsString("newsroom_article_outbox_sent_total"))
                .body(containsString("newsroom_article_issues_published_total"));
        given().get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/v1/articles/{id}/transitions"))
                .body(containsString("/api/v1/issues/{id}/publish"))
                .body(containsString("/api/v1/issues/by-number/{masthead}/{number}"));
    }
}
