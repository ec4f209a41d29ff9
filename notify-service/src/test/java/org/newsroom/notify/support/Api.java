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

    /** Subscribes a webhook and expects 202; returns the answer (id, status, secret, manageToken). */
    public static JsonPath subscribeWebhook(String url, List<String> sections) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("channel", "webhook", "endpoint", url, "sections", sections))
                .when().post("/api/v1/subscriptions")
                .then().statusCode(202).extract().jsonPath();
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
