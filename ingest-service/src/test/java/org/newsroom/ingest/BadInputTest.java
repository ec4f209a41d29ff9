package org.newsroom.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsroom.ingest.Ingest.SUBMISSIONS;
import static org.newsroom.ingest.Ingest.as;
import static org.newsroom.ingest.Ingest.utf8;

import java.io.ByteArrayOutputStream;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.newsroom.stack.test.NewsroomTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every malformed, oversized, wrongly typed or hostile submission gets the documented 4xx as problem+json, naming the
 * field where there is one; nothing reaches Kafka and the service stays ready.
 */
@QuarkusTest
@QuarkusTestResource(NewsroomTestResource.class)
@QuarkusTestResource(ArticleServiceStub.class)
class BadInputTest {

    private static final String JSON = "application/json";
    private static final String MARKDOWN = "text/markdown";
    private static final String NINJS = "application/ninjs+json";
    private static final String BODY = "\"body\": [{\"type\": \"paragraph\", \"text\": \"正文\"}]";

    private static final TopicReader topic = TopicReader.submissions();

    /** One bad request: what is sent and what must come back ({@code field} null when no field is to blame). */
    record Case(String name, String contentType, byte[] body, int status, String field) {
        @Override
        public String toString() {
            return name + " -> " + status + (field == null ? "" : " " + field);
        }
    }

    static Stream<Case> badSubmissions() {
        return Stream.of(
                // --- syntax: 400
                new Case("malformed JSON", JSON, utf8("{\"headline\": "), 400, null),
                new Case("invalid UTF-8", JSON, invalidUtf8(), 400, null),
                new Case("duplicate key", JSON, utf8("{\"headline\": \"甲\", \"headline\": \"乙\", " + BODY + "}"), 400, null),
                new Case("trailing content", JSON, utf8("{\"headline\": \"甲\", " + BODY + "} {}"), 400, null),
                new Case("empty body", JSON, new byte[0], 400, null),
                new Case("nesting 1000 deep", NINJS, utf8("{\"x\":" + "[".repeat(1000) + "]".repeat(1000) + "}"), 400, null),
                new Case("array where text is expected", JSON, utf8("{\"headline\": [[\"甲\"]], " + BODY + "}"), 422, "headline"),
                // --- well-formed but invalid: 422 naming the field
                new Case("top-level array", JSON, utf8("[]"), 422, "$"),
                new Case("JSON null", JSON, utf8("null"), 422, "$"),
                new Case("typo in a field name", JSON, utf8("{\"headlnie\": \"甲\", " + BODY + "}"), 422, "headlnie"),
                new Case("unknown nested field", JSON,
                        utf8("{\"headline\": \"甲\", \"body\": [{\"type\": \"paragraph\", \"text\": \"乙\", \"colour\": 1}]}"),
                        422, "body[0].colour"),
                new Case("number for text", JSON, utf8("{\"headline\": 123, " + BODY + "}"), 422, "headline"),
                new Case("missing headline", JSON, utf8("{" + BODY + "}"), 422, "headline"),
                new Case("missing body", JSON, utf8("{\"headline\": \"甲\"}"), 422, "body"),
                new Case("headline of 201 characters", JSON,
                        utf8("{\"headline\": \"" + "长".repeat(201) + "\", " + BODY + "}"), 422, "headline"),
                new Case("empty third block", JSON, utf8("{\"headline\": \"甲\", \"body\": ["
                        + "{\"type\": \"paragraph\", \"text\": \"一\"}, {\"type\": \"heading\", \"text\": \"二\"}, "
                        + "{\"type\": \"paragraph\", \"text\": \"\"}]}"), 422, "body[2].text"),
                new Case("block of 20001 characters", JSON, utf8("{\"headline\": \"甲\", \"body\": ["
                        + "{\"type\": \"paragraph\", \"text\": \"" + "字".repeat(20001) + "\"}]}"), 422, "body[0].text"),
                new Case("501 blocks", JSON, utf8("{\"headline\": \"甲\", \"body\": ["
                        + String.join(",", java.util.Collections.nCopies(501, "{\"type\": \"paragraph\", \"text\": \"段\"}"))
                        + "]}"), 422, "body"),
                new Case("unknown genre", JSON, utf8("{\"headline\": \"甲\", \"genre\": \"gossip\", " + BODY + "}"), 422, "genre"),
                new Case("unknown block type", JSON,
                        utf8("{\"headline\": \"甲\", \"body\": [{\"type\": \"table\", \"text\": \"乙\"}]}"), 422, "body[0].type"),
                new Case("numeric enum", JSON, utf8("{\"headline\": \"甲\", \"genre\": 1, " + BODY + "}"), 422, "genre"),
                new Case("unknown byline role", JSON, utf8("{\"headline\": \"甲\", \"bylines\": [{\"name\": \"曹香玉\", "
                        + "\"role\": \"chef\"}], " + BODY + "}"), 422, "bylines[0].role"),
                new Case("blank tag", JSON, utf8("{\"headline\": \"甲\", \"tags\": [\"好\", \" \"], " + BODY + "}"), 422, "tags[1]"),
                new Case("bad slug", JSON, utf8("{\"headline\": \"甲\", \"slug\": \"Not A Slug\", " + BODY + "}"), 422, "slug"),
                new Case("not a date-time", JSON, utf8("{\"headline\": \"甲\", \"embargoedUntil\": \"tomorrow\", " + BODY + "}"),
                        422, "embargoedUntil"),
                new Case("media without http URL", JSON, utf8("{\"headline\": \"甲\", \"media\": [{\"type\": \"photo\", "
                        + "\"uri\": \"javascript:alert(1)\"}], " + BODY + "}"), 422, "media[0].uri"),
                new Case("media with neither uri nor photo id", JSON, utf8("{\"headline\": \"甲\", \"media\": [{\"type\": "
                        + "\"photo\", \"caption\": \"乙\"}], " + BODY + "}"), 422, "media[0].uriOrId"),
                new Case("media with both uri and photo id", JSON, utf8("{\"headline\": \"甲\", \"media\": [{\"type\": "
                        + "\"photo\", \"uri\": \"https://img.example.org/a.jpg\", \"id\": \"" + java.util.UUID.randomUUID()
                        + "\"}], " + BODY + "}"), 422, "media[0].uriOrId"),
                new Case("photo id not a UUID", JSON, utf8("{\"headline\": \"甲\", \"media\": [{\"type\": "
                        + "\"photo\", \"id\": \"../etc/passwd\"}], " + BODY + "}"), 422, "media[0].id"),
                // --- Markdown
                new Case("Markdown without front matter", MARKDOWN, utf8("# 标题\n\n正文\n"), 422, "frontMatter"),
                new Case("front matter never closed", MARKDOWN, utf8("---\nheadline: 甲\n正文\n"), 422, "frontMatter"),
                new Case("YAML syntax error", MARKDOWN, utf8("---\nheadline: [甲\n---\n正文\n"), 400, null),
                new Case("YAML duplicate key", MARKDOWN, utf8("---\nheadline: 甲\nheadline: 乙\n---\n正文\n"), 400, null),
                new Case("YAML billion laughs", MARKDOWN, utf8(billionLaughs()), 422, "a"),
                new Case("YAML arbitrary type", MARKDOWN,
                        utf8("---\nheadline: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL "
                                + "[\"http://127.0.0.1:1/\"]]]]\n---\n正文\n"), 422, "headline"),
                new Case("YAML nesting too deep", MARKDOWN, utf8("---\nheadline: " + "[".repeat(50) + "]".repeat(50)
                        + "\n---\n正文\n"), 422, "headline" + "[0]".repeat(7)),
                new Case("body in front matter", MARKDOWN, utf8("---\nheadline: 甲\nbody: 乙\n---\n正文\n"), 422, "body"),
                new Case("typo in front matter", MARKDOWN, utf8("---\nheadlnie: 甲\n---\n正文\n"), 422, "headlnie"),
                new Case("front matter not a mapping", MARKDOWN, utf8("---\n- 甲\n---\n正文\n"), 422, "frontMatter"),
                new Case("Markdown without body", MARKDOWN, utf8("---\nheadline: 甲\n---\n\n\n"), 422, "body"),
                new Case("Markdown invalid UTF-8", MARKDOWN, invalidUtf8(), 400, null),
                // --- ninjs
                new Case("ninjs not JSON", NINJS, utf8("<ninjs/>"), 400, null),
                new Case("ninjs headlines not an array", NINJS, utf8("{\"headlines\": \"甲\", \"bodies\": []}"), 422, "headlines"),
                new Case("ninjs picture", NINJS, utf8("{\"type\": \"picture\", \"headlines\": [{\"value\": \"甲\"}]}"), 422, "type"),
                // --- content types: 415
                new Case("text/plain", "text/plain", utf8("标题\n\n正文"), 415, null),
                new Case("XML", "application/xml", utf8("<story/>"), 415, null),
                new Case("JSON declared Latin-1", "application/json; charset=ISO-8859-1", utf8(Ingest.story("甲")), 415, null),
                new Case("no content type", null, utf8(Ingest.story("甲")), 415, null),
                new Case("any content type", "*/*", utf8(Ingest.story("甲")), 415, null),
                new Case("garbage content type", "garbage", utf8(Ingest.story("甲")), 415, null),
                new Case("form", "application/x-www-form-urlencoded", utf8("headline=甲"), 415, null),
                new Case("multipart", "multipart/form-data; boundary=x", utf8("--x\r\n\r\n甲\r\n--x--\r\n"), 415, null),
                // --- size: 413
                new Case("2 MiB body", JSON, twoMiB(), 413, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSubmissions")
    void isRefusedWithProblemJsonAndNothingIsPublished(Case bad) {
        Map<TopicPartition, Long> mark = topic.mark();
        // REST Assured encodes form bodies itself and takes them as text only.
        boolean form = bad.contentType() != null && bad.contentType().startsWith("application/x-www-form-urlencoded");
        RequestSpecification request = as("reporter", Ingest.uniqueReporter("曹香玉"));
        if (form) {
            request.body(new String(bad.body(), java.nio.charset.StandardCharsets.UTF_8));
        } else {
            request.body(bad.body());
        }
        if (bad.contentType() != null) {
            request.contentType(bad.contentType());
        } else {
            request.noContentType();
        }

        Response response = request.when().post(SUBMISSIONS);

        Ingest.assertProblem(response, bad.status());
        if (bad.field() != null) {
            assertThat(response.jsonPath().getList("errors.field", String.class)).as(response.asString())
                    .contains(bad.field());
        }
        assertThat(topic.since(mark)).as("records produced").isEmpty();
        Ingest.assertReady();
    }

    @ParameterizedTest(name = "Idempotency-Key {0}")
    @MethodSource("badKeys")
    void malformedIdempotencyKeysAreRefused(String description, String key) {
        Map<TopicPartition, Long> mark = topic.mark();

        Response response = as("reporter", Ingest.uniqueReporter("曹香玉"))
                .contentType(JSON).header("Idempotency-Key", key).body(utf8(Ingest.story("甲")))
                .when().post(SUBMISSIONS);

        Ingest.assertProblem(response, 400);
        assertThat(topic.since(mark)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void aBodyOfUnannouncedLengthOver1MiBIs413() throws Exception {
        Map<TopicPartition, Long> mark = topic.mark();
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + SUBMISSIONS))
                .header("Authorization", "Bearer " + Ingest.token("reporter", Ingest.uniqueReporter("曹香玉")))
                .header("Content-Type", JSON)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(twoMiB())))
                .build();

        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build()
                .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(Ingest.PROBLEM_JSON));
        assertThat(topic.since(mark)).isEmpty();
        Ingest.assertReady();
    }

    @ParameterizedTest(name = "PUT /api/v1/submissions/{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"not-a-uuid", "..%2F..%2Fetc%2Fpasswd", "%00", "%ff%fe",
            "-1", "99999999999999999999", "%E8%A6%81%E9%97%BB", "a%20b", "%25", "null", "a%2Fb"})
    void oddRevisionPathsAreProblems(String id) {
        Map<TopicPartition, Long> mark = topic.mark();

        Response response = as("reporter", Ingest.uniqueReporter("曹香玉")).urlEncodingEnabled(false)
                .contentType(JSON).body(utf8(Ingest.story("甲")))
                .when().put(SUBMISSIONS + "/" + id);

        assertThat(response.statusCode()).as(response.asString()).isBetween(400, 499);
        Ingest.assertProblem(response, response.statusCode());
        assertThat(topic.since(mark)).isEmpty();
    }

    static Stream<Arguments> badKeys() {
        return Stream.of(
                Arguments.of("empty", ""),
                Arguments.of("256 characters", "k".repeat(256)),
                Arguments.of("with a tab", "a\tb"));
    }

    private static byte[] invalidUtf8() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(utf8("{\"headline\": \""));
        out.write(0xC3);
        out.write(0x28);
        out.writeBytes(utf8("\", " + BODY + "}"));
        return out.toByteArray();
    }

    private static String billionLaughs() {
        StringBuilder yaml = new StringBuilder("---\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        char previous = 'a';
        for (char c = 'b'; c <= 'i'; c++) {
            yaml.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                yaml.append(i == 0 ? "" : ",").append('*').append(previous);
            }
            yaml.append("]\n");
            previous = c;
        }
        return yaml.append("---\n正文\n").toString();
    }

    private static byte[] twoMiB() {
        String text = "字".repeat(10_000);
        StringBuilder json = new StringBuilder("{\"headline\": \"甲\", \"body\": [");
        while (json.length() * 3 < 2 * 1024 * 1024) {
            json.append("{\"type\": \"paragraph\", \"text\": \"").append(text).append("\"},");
        }
        json.setLength(json.length() - 1);
        return utf8(json.append("]}").toString());
    }
}
