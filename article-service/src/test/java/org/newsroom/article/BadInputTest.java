package org.newsroom.article;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.newsroom.article.support.Articles;
import org.newsroom.article.support.Issues;
import org.newsroom.article.support.Staff;
import org.newsroom.contracts.article.Distribution;
import org.newsroom.stack.test.NewsroomTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** Malformed, wrongly typed, oversized and hostile input gets a problem+json 4xx everywhere, and the service stays ready. */
@QuarkusTest
@QuarkusTestResource(value = NewsroomTestResource.class, initArgs = @ResourceArg(name = "database", value = "articles"))
class BadInputTest {

    private static void expect(int status, String method, String path, String contentType, byte[] body,
            String ifMatch) {
        var request = given().auth().oauth2(Staff.editor());
        if (contentType != null) {
            request.contentType(contentType);
        }
        if (body != null) {
            request.body(body);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        var response = request.request(method, path);
        try {
            response.then().statusCode(status).contentType("application/problem+json").body("status", equalTo(status));
        } catch (AssertionError e) {
            String sent = body == null ? "" : new String(body, 0, Math.min(body.length, 80), StandardCharsets.UTF_8);
            throw new AssertionError(method + " " + path + " [" + contentType + "] " + sent + " (If-Match " + ifMatch
                    + "): " + e.getMessage() + " body " + response.asString(), e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void everyBodyEndpointRefusesBadInputWithProblems() {
        UUID article = Articles.submit(Articles.story("坏输入", null, Distribution.PUBLIC), Staff.newReporter());
        UUID draft = Issues.create(Issues.issue("坏输入报", Issues.newNumber(), List.of(), List.of()));
        String json = "application/json";
        String patch = "application/merge-patch+json";
        String transitions = "/api/v1/articles/" + article + "/transitions";
        String articlePath = "/api/v1/articles/" + article;
        String issues = "/api/v1/issues";
        String issuePath = "/api/v1/issues/" + draft;
        String publish = issuePath + "/publish";
        byte[] deep = utf8("[".repeat(5000) + "]".repeat(5000));
        byte[] huge = new byte[1_100_000];
        java.util.Arrays.fill(huge, (byte) 'a');
        byte[] invalidUtf8 = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};

        for (String[] endpoint : new String[][] {{"POST", transitions, json}, {"PATCH", articlePath, patch},
                {"POST", issues, json}, {"PUT", issuePath, json}, {"POST", publish, json}}) {
            String method = endpoint[0];
            String path = endpoint[1];
            String type = endpoint[2];
            expect(400, method, path, type, utf8("{"), null);
            expect(400, method, path, type, utf8("{\"a"), null);
            expect(400, method, path, type, utf8("{]"), null);
            // a merge patch is parsed as a tree: the nesting limit answers 400; typed bodies stop at the first '[' (422)
            expect(path.equals(articlePath) ? 400 : 422, method, path, type, deep, null);
            expect(400, method, path, type, invalidUtf8, null);
            expect(413, method, path, type, huge, null);
            expect(415, method, path, "application/xml", utf8("<a/>"), null);
        }
        // a document that ends inside a typed list is malformed syntax, not a wrong value
        expect(400, "POST", issues, json, utf8("{\"masthead\": \"徐汇报\", \"pages\": ["), null);
        expect(400, "PUT", issuePath, json, utf8("{\"masthead\": \"徐汇报\", \"pages\": [{\"number\": 1, "), null);
        // malformed ids in paths (with otherwise valid bodies)
        String validIssue = "{\"masthead\":\"m\",\"number\":1,\"date\":\"2024-12-20\",\"pages\":[]}";
        expect(400, "POST", "/api/v1/articles/not-a-uuid/transitions", json, utf8("{\"action\":\"approve\"}"), null);
        expect(400, "PATCH", "/api/v1/articles/not-a-uuid", patch, utf8("{}"), null);
        expect(400, "PUT", "/api/v1/issues/x", json, utf8(validIssue), null);
        expect(400, "POST", "/api/v1/issues/12345678-1234-1234-1234-12345678901Z/publish", json, null, null);
        expect(400, "GET", "/api/v1/articles/" + article.toString().substring(1) + "/revisions", null, null, null);
        // wrong types and unknown enum values
        expect(422, "POST", transitions, json, utf8("{\"action\":\"publish\"}"), null);
        expect(422, "POST", transitions, json, utf8("{\"action\":7}"), null);
        expect(422, "POST", transitions, json, utf8("{\"action\":\"approve\",\"note\":[\"x\"]}"), null);
        expect(422, "POST", transitions, json, utf8("{\"action\":\"approve\",\"extra\":1}"), null);
        expect(422, "POST", transitions, json, utf8("{\"action\":\"approve\",\"note\":\"" + "x".repeat(2001)
                + "\"}"), null);
        expect(422, "POST", issues, json, utf8("{\"masthead\":\"m\",\"number\":\"12\",\"date\":\"2024-12-20\","
                + "\"pages\":[]}"), null);
        expect(422, "POST", issues, json, utf8("{\"masthead\":\"m\",\"number\":1,\"date\":\"20.12.2024\","
                + "\"pages\":[]}"), null);
        expect(422, "POST", issues, json, utf8("{\"masthead\":\"m\",\"number\":1,\"date\":\"2024-12-20\","
                + "\"pages\":[{\"number\":1,\"placements\":[{\"articleId\":\"nope\",\"order\":1}]}]}"), null);
        expect(422, "POST", issues, json, utf8("{\"masthead\":\"\",\"number\":0,\"pages\":null}"), null);
        expect(422, "POST", issues, json, utf8("{\"masthead\":\"m\",\"number\":1,\"date\":\"2024-12-20\","
                + "\"pages\":[{\"number\":1,\"placements\":[]},{\"number\":1,\"placements\":[]}]}"), null);
        expect(422, "POST", publish, json, utf8("{\"publishAt\":\"tomorrow\"}"), null);
        expect(422, "POST", publish, json, utf8("[]"), null);
        expect(422, "PATCH", articlePath, patch, utf8("{\"genre\":\"gossip\"}"), null);
        expect(422, "PATCH", articlePath, patch, utf8("{\"embargoedUntil\":\"soon\"}"), null);
        expect(400, "PATCH", articlePath, patch, new byte[0], null);
        expect(400, "PATCH", articlePath, patch, utf8("{}"), "garbage");
        expect(412, "PATCH", articlePath, patch, utf8("{}"), "\"0000\"");
        expect(400, "POST", transitions, json, utf8("{\"action\":\"approve\"}"), "W/");
        expect(400, "PUT", issuePath, json, utf8(validIssue), "bad etag");
        expect(404, "PATCH", "/api/v1/articles/" + UUID.randomUUID(), patch, utf8("{}"), null);
        expect(404, "POST", "/api/v1/issues/" + UUID.randomUUID() + "/publish", json, null, null);
        expect(405, "DELETE", articlePath, null, null, null);
        given().queryParam("limit", "abc").get("/api/v1/issues").then().statusCode(400);
        given().queryParam("status", "bogus").get("/api/v1/issues").then().statusCode(422);
        given().queryParam("cursor", "%%%").get("/api/v1/issues").then().statusCode(400);
        given().auth().oauth2(Staff.editor()).queryParam("limit", "0").get("/api/v1/articles/{id}/revisions", article)
                .then().statusCode(422);
        given().auth().oauth2(Staff.editor()).queryParam("cursor", "zzz").get("/api/v1/articles/{id}/revisions",
                article).then().statusCode(400);
        given().get("/api/v1/issues/{id}", "123").then().statusCode(400);

        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }
}
