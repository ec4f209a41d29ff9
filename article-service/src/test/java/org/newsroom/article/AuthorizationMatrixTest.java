package org.newsroom.article;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.newsroom.article.support.Articles;
import org.newsroom.article.support.Issues;
import org.newsroom.article.support.Staff;
import org.newsroom.contracts.article.Distribution;
import org.newsroom.stack.test.NewsroomTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** Every endpoint × {anonymous, reporter (own), reporter (someone else's), editor, admin} → the documented status. */
@QuarkusTest
@QuarkusTestResource(value = NewsroomTestResource.class, initArgs = @ResourceArg(name = "database", value = "articles"))
class AuthorizationMatrixTest {

    private static final String[] WHO = {"anonymous", "reporter-own", "reporter-other", "editor", "admin"};

    /** endpoint → expected status for anonymous, own reporter, other reporter, editor, admin. */
    private static final Object[][] MATRIX = {
            {"GET article (submitted)", new int[] {404, 200, 403, 200, 200}},
            {"GET article (published)", new int[] {200, 200, 200, 200, 200}},
            {"GET articles", new int[] {200, 200, 200, 200, 200}},
            {"GET revisions", new int[] {401, 200, 403, 200, 200}},
            {"GET transitions", new int[] {401, 200, 403, 200, 200}},
            {"PATCH article", new int[] {401, 403, 403, 200, 200}},
            {"POST transition (not allowed from submitted)", new int[] {401, 403, 403, 409, 409}},
            {"POST issue", new int[] {401, 403, 403, 201, 201}},
            {"PUT issue (draft)", new int[] {401, 403, 403, 200, 200}},
            {"POST publish (published again)", new int[] {401, 403, 403, 200, 200}},
            {"GET issues", new int[] {200, 200, 200, 200, 200}},
            {"GET issue (draft)", new int[] {404, 404, 404, 200, 200}},
            {"GET issue (published)", new int[] {200, 200, 200, 200, 200}},
            {"GET issue by number (draft)", new int[] {404, 404, 404, 200, 200}},
            {"GET issue by number (published)", new int[] {200, 200, 200, 200, 200}},
    };

    private static Fixture fixture;

    /** Data shared by the rows, created once (through the real topic and API) on first use. */
    private record Fixture(String owner, UUID submitted, UUID published, UUID draft, int draftNumber,
            UUID publishedIssue, int publishedNumber) {
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Object[] row : MATRIX) {
            int[] expected = (int[]) row[1];
            for (int i = 0; i < WHO.length; i++) {
                cases.add(Arguments.of(row[0], WHO[i], expected[i]));
            }
        }
        return cases.stream();
    }

    private static synchronized Fixture fixture() {
        if (fixture == null) {
            String owner = Staff.newReporter();
            UUID submitted = Articles.submit(Articles.story("权限-待审", null, Distribution.PUBLIC), owner);
            UUID published = Articles.submit(Articles.story("权限-已发", null, Distribution.PUBLIC), owner);
            Articles.approve(published);
            UUID publishedIssue = Issues.publishedWith(published);
            int publishedNumber = given().get("/api/v1/issues/{id}", publishedIssue).jsonPath().getInt("number");
            int draftNumber = Issues.newNumber();
            UUID draft = Issues.create(Issues.issue("权限报", draftNumber, List.of(), List.of()));
            fixture = new Fixture(owner, submitted, published, draft, draftNumber, publishedIssue, publishedNumber);
        }
        return fixture;
    }

    @ParameterizedTest(name = "{0} as {1} → {2}")
    @MethodSource("cases")
    void endpointAnswersTheDocumentedStatus(String endpoint, String who, int expected) {
        Fixture f = fixture();
        RequestSpecification request = given();
        switch (who) {
            case "reporter-own" -> request.auth().oauth2(Staff.reporter(f.owner()));
            case "reporter-other" -> request.auth().oauth2(Staff.reporter(Staff.newReporter()));
            case "editor" -> request.auth().oauth2(Staff.editor());
            case "admin" -> request.auth().oauth2(Staff.admin());
            default -> {
            }
        }
        var response = switch (endpoint) {
            case "GET article (submitted)" -> request.get("/api/v1/articles/{id}", f.submitted());
            case "GET article (published)" -> request.get("/api/v1/articles/{id}", f.published());
            case "GET articles" -> request.get("/api/v1/articles");
            case "GET revisions" -> request.get("/api/v1/articles/{id}/revisions", f.submitted());
            case "GET transitions" -> request.get("/api/v1/articles/{id}/transitions", f.submitted());
            case "PATCH article" -> request.contentType("application/merge-patch+json").body("{}")
                    .patch("/api/v1/articles/{id}", f.submitted());
            case "POST transition (not allowed from submitted)" -> request.contentType("application/json")
                    .body(Map.of("action", "correct", "note", "n")).post("/api/v1/articles/{id}/transitions",
                            f.submitted());
            case "POST issue" -> request.contentType("application/json")
                    .body(Issues.issue("权限报", Issues.newNumber(), List.of(), List.of())).post("/api/v1/issues");
            case "PUT issue (draft)" -> request.contentType("application/json")
                    .body(Issues.issue("权限报", f.draftNumber(), List.of(), List.of()))
                    .put("/api/v1/issues/{id}", f.draft());
            case "POST publish (published again)" -> request.post("/api/v1/issues/{id}/publish", f.publishedIssue());
            case "GET issues" -> request.get("/api/v1/issues");
            case "GET issue (draft)" -> request.get("/api/v1/issues/{id}", f.draft());
            case "GET issue (published)" -> request.get("/api/v1/issues/{id}", f.publishedIssue());
            case "GET issue by number (draft)" -> request.get("/api/v1/issues/by-number/{m}/{n}", "权限报",
                    f.draftNumber());
            case "GET issue by number (published)" -> request.get("/api/v1/issues/by-number/{m}/{n}", "测试报",
                    f.publishedNumber());
            default -> throw new IllegalArgumentException(endpoint);
        };
        response.then().statusCode(expected);
        if (expected >= 400) {
            response.then().contentType("application/problem+json");
        }
    }
}
