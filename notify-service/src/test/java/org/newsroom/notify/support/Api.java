package org.newsroom.notify.support;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Calls of the public API used by several tests. */
public final class Api {

    private Api() {
    }

    /**
     * Subscribes a webhook, expects 202 with status pending, and waits until the background intent verification ended
     * (active, or pending with a reason); returns the answer (id, secret, manageToken) with the status after it.
     */
    public static JsonPath subscribeWebhook(String url, List<String> sections) {
        JsonPath created = given().contentType(ContentType.JSON)
                .body(Map.of("channel", "webhook", "endpoint", url, "sections", sections))
                .when().post("/api/v1/subscriptions")
                .then().statusCode(202).body("status", org.hamcrest.Matchers.equalTo("pending")).extract().jsonPath();
        JsonPath verified = awaitVerified(created.getString("id"), created.getString("manageToken"));
        Map<String, Object> merged = new java.util.LinkedHashMap<>(created.getMap(""));
        merged.put("status", verified.getString("status"));
        merged.put("statusReason", verified.getString("statusReason"));
        try {
            return JsonPath.from(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(merged));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the subscription is no longer pending without a reason (its verification ended); returns the view. */
    public static JsonPath awaitVerified(String id, String manageToken) {
        return org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> subscription(id, manageToken),
                        view -> !"pending".equals(view.getString("status")) || view.getString("statusReason") != null);
    }

    /** Waits until the subscription has the status. */
    public static JsonPath awaitStatus(String id, String manageToken, String status) {
        return org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> subscription(id, manageToken), view -> status.equals(view.getString("status")));
    }

    public static JsonPath subscription(String id, String manageToken) {
        return given().header("Authorization", "Bearer " + manageToken)
                .when().get("/api/v1/subscriptions/" + id)
                .then().statusCode(200).extract().jsonPath();
    }

    public static JsonPath deliveries(String id, String manageToken) {
        return given().header("Authorization", "Bearer " + manageToken)
                .when().get("/api/v1/subscriptions/" + id + "/deliveries")
                .then().statusCode(200).extract().jsonPath();
    }

    public static void delete(String id, String manageToken) {
        given().header("Authorization", "Bearer " + manageToken)
                .when().delete("/api/v1/subscriptions/" + id)
                .then().statusCode(204);
    }
}
