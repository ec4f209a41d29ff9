package org.newsroom.notify;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.newsroom.notify.support.Api;
import org.newsroom.notify.support.MailServerResource;
import org.newsroom.stack.test.NewsroomTestResource;
import org.newsroom.stack.test.WebhookReceiver;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Hostile and malformed input on every endpoint: problem+json 4xx, never a 500, and the service stays ready. */
@QuarkusTest
@QuarkusTestResource(value = NewsroomTestResource.class, initArgs = @ResourceArg(name = "database", value = "notify"))
@QuarkusTestResource(MailServerResource.class)
class BadInputTest {

    static Stream<Arguments> subscriptionBodies() {
        String longUrl = "https://example.org/" + "a".repeat(3000);
        String manySections = "[" + String.join(",", Collections.nCopies(51, "\"s\"").stream()
                .map(s -> "\"s" + Math.random() + "\"").toList()) + "]";
        return Stream.of(
                Arguments.of("{", 400),
                Arguments.of("", 422),
                Arguments.of("[]", 422),
                Arguments.of("null", 422),
                Arguments.of("{\"channel\":\"webhook\",\"channel\":\"email\",\"endpoint\":\"a@example.org\"}", 400),
                Arguments.of("{\"channel\":\"sms\",\"endpoint\":\"+8613800000000\"}", 422),
                Arguments.of("{\"channel\":1,\"endpoint\":\"a@example.org\"}", 422),
                Arguments.of("{\"channel\":\"email\"}", 422),
                Arguments.of("{\"endpoint\":\"a@example.org\"}", 422),
                Arguments.of("{\"channel\":\"email\",\"endpoint\":123}", 422),
                Arguments.of("{\"channel\":\"email\",\"endpoint\":\"a@example.org\",\"sections\":\"要闻\"}", 422),
                Arguments.of("{\"channel\":\"email\",\"endpoint\":\"a@example.org\",\"sections\":[\"\"]}", 422),
                Arguments.of("{\"channel\":\"email\",\"endpoint\":\"a@example.org\",\"sections\":[null]}", 422),
                Arguments.of("{\"channel\":\"email\",\"endpoint\":\"a@example.org\",\"sections\":" + manySections + "}", 422),
                Arguments.of("{\"channel\":\"webhook\",\"endpoint\":\"" + longUrl + "\"}", 422),
                Arguments.of("{\"channel\":\"webhook\",\"endpoint\":\"ftp://example.org/x\"}", 422),
                Arguments.of("{\"channel\":\"webhook\",\"endpoint\":\"javascript:alert(1)\"}", 422),
                Arguments.of("{\"channel\":\"webhook\",\"endpoint\":\"not a url\"}", 422),
                Arguments.of("{\"channel\":\"webhook\",\"endpoint\":\"http://127.0.0.1:99999/\"}", 422),
                Arguments.of("{\"channel\":\"webhook\",\"endpoint\":\"http://u:p@127.0.0.1:8080/\"}", 422),
                Arguments.of("{\"channel\":\"email\",\"endpoint\":\"not-an-email\"}", 422),
                Arguments.of("{\"channel\":\"email\",\"endpoint\":\"a@b\"}", 422),
                Arguments.of("{\"channel\":\"email\",\"endpoint\":\"a@@example.org\"}", 422),
                Arguments.of("{\"channel\":\"email\",\"endpoint\":\"a b@example.org\"}", 422),
                Arguments.of("{\"channel\":\"email\",\"endpoint\":\"x@example.org\\r\\nBcc: y@example.org\"}", 422),
                Arguments.of("{\"channel\":\"email\",\"endpoint\":\"名字@example.org\"}", 422),
                Arguments.of("{\"channel\":\"email\",\"endpoint\":\".a@example.org\"}", 422));
    }

    @ParameterizedTest
    @MethodSource("subscriptionBodies")
    void malformedSubscriptions(String body, int status) {
        given().contentType("application/json").body(body)
                .when().post("/api/v1/subscriptions")
                .then().statusCode(status).contentType(startsWith("application/problem+json"))
                .body("status", equalTo(status));
    }

    @Test
    void wrongMediaTypeAndOversizedBodies() {
        given().contentType("text/plain").body("channel=email")
                .when().post("/api/v1/subscriptions")
                .then().statusCode(415).contentType(startsWith("application/problem+json"));
        String huge = "{\"channel\":\"email\",\"endpoint\":\"" + "a".repeat(2 * 1024 * 1024) + "@example.org\"}";
        given().contentType("application/json").body(huge)
                .when().post("/api/v1/subscriptions")
                .then().statusCode(413).contentType(startsWith("application/problem+json"));
    }

    @Test
    void malformedIdsTokensAndQueries() {
        given().header("Authorization", "Bearer x").when().get("/api/v1/subscriptions/not-a-uuid")
                .then().statusCode(404).contentType(startsWith("application/problem+json"));
        given().header("Authorization", "Basic dXNlcjpwdw==")
                .when().get("/api/v1/subscriptions/0190a0a0-0000-7000-8000-000000000000")
                .then().statusCode(401).contentType(startsWith("application/problem+json"));
        given().header("Authorization", "Bearer " + "x".repeat(10_000))
                .when().get("/api/v1/subscriptions/0190a0a0-0000-7000-8000-000000000000")
                .then().statusCode(401).contentType(startsWith("application/problem+json"));
        given().header("Authorization", "Bearer x")
                .when().delete("/api/v1/subscriptions/0190a0a0-0000-7000-8000-000000000000")
                .then().statusCode(404).contentType(startsWith("application/problem+json"));
        given().contentType("application/x-www-form-urlencoded").body("nothing=here")
                .when().post("/unsubscribe/whatever").then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
        given().when().get("/api/v1/subscriptions/confirm/" + "z".repeat(500))
                .then().statusCode(404).contentType(startsWith("application/problem+json"));

        try (WebhookReceiver receiver = new WebhookReceiver()) {
            JsonPath created = Api.subscribeWebhook(receiver.url("/bad").toString(), List.of());
            String id = created.getString("id");
            String token = created.getString("manageToken");
            for (String query : List.of("limit=0", "limit=101", "limit=abc", "cursor=!!!", "cursor=YWJj")) {
                given().header("Authorization", "Bearer " + token)
                        .when().get("/api/v1/subscriptions/" + id + "/deliveries?" + query)
                        .then().statusCode(422).contentType(startsWith("application/problem+json"));
            }
            given().header("Authorization", "Bearer " + token)
                    .when().post("/api/v1/subscriptions/" + id + "/deliveries/not-a-uuid/retry")
                    .then().statusCode(404).contentType(startsWith("application/problem+json"));
            given().header("Authorization", "Bearer " + token)
                    .when().post("/api/v1/subscriptions/" + id + "/deliveries/0190a0a0-0000-7000-8000-000000000000/retry")
                    .then().statusCode(404).contentType(startsWith("application/problem+json"));
            Api.delete(id, token);
        }
        given().contentType("application/json").body(Map.of("channel", "email", "endpoint", "ok@example.org"))
                .when().put("/api/v1/subscriptions")
                .then().statusCode(405).contentType(startsWith("application/problem+json"));
    }

    @Test
    void theOpenApiDocumentIsServed() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/subscriptions"));
    }

    @AfterEach
    void theServiceIsStillReady() {
        given().when().get("/q/health/ready").then().statusCode(200);
    }
}
