package org.newsroom.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.newsroom.stack.LocalStack;
import org.newsroom.stack.PostgresServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/**
 * Property-based fuzzing of every public endpoint with generated malformed and hostile requests (broken JSON,
 * invalid UTF-8, wrong types, oversized and deeply nested documents, unknown enum values, forged tokens, odd
 * paths, queries and headers). Properties: no answer is a 5xx, every 4xx is problem+json, nothing is stored, and
 * every service is still ready afterwards. Property-based with QuickTheories; tries per endpoint:
 * {@code newsroom.fuzz.tries} (300 in verify, 10,000 with {@code -Pfaults}); a failure reports its seed (rerun
 * with {@code -DQT_SEED=<seed>}).
 */
class HostileInputIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String FUZZ_REPORTER = "fuzz-reporter";
    private static final AtomicLong REQUESTS = new AtomicLong();
    private static final int TRIES = Integer.getInteger("newsroom.fuzz.tries", 300);
    private static String ingest;
    private static String article;
    private static String notify;
    private static String reporterToken;
    private static String editorToken;

    @BeforeAll
    static void startStack() {
        LocalStack stack = E2eStack.get();
        ingest = stack.service(LocalStack.INGEST).url();
        article = stack.service(LocalStack.ARTICLE).url();
        notify = stack.service(LocalStack.NOTIFY).url();
        reporterToken = E2eStack.token("reporter", FUZZ_REPORTER);
        editorToken = E2eStack.token("editor", "fuzz-editor");
    }

    @AfterAll
    static void everythingStillReadyAndNothingStored() throws Exception {
        for (String service : List.of(ingest, article, notify)) {
            HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(URI.create(service + "/q/health/ready")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ready.statusCode()).as(service + " ready after fuzzing").isEqualTo(200);
        }
        LocalStack stack = E2eStack.get();
        try (Connection connection = DriverManager.getConnection(stack.postgres().jdbcUrl(LocalStack.ARTICLE_DATABASE),
                PostgresServer.USER, PostgresServer.PASSWORD);
             PreparedStatement count = connection.prepareStatement("select count(*) from article where submitted_by = ?")) {
            count.setString(1, FUZZ_REPORTER);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                assertThat(rows.getLong(1)).as("articles stored from hostile submissions").isZero();
            }
        }
        System.out.println("hostile input: " + REQUESTS.get() + " requests, no 5xx");
    }

    // ---- ingest-service ------------------------------------------------------------------------------------

    @Test
    void submissionsRefuseHostileBodies() {
        qt().forAll(hostileSubmissionBodies(), submissionContentTypes()).checkAssert((body, contentType) -> unchecked(() -> {
            check("POST", ingest + "/api/v1/submissions", Map.of("Authorization", "Bearer " + reporterToken,
                    "Content-Type", contentType), body);
        }));
    }

    @Test
    void submissionsRefuseHostileTokensAndKeys() {
        qt().forAll(hostileTokens(), asciiJunk()).checkAssert((authorization, idempotencyKey) -> unchecked(() -> {
            check("POST", ingest + "/api/v1/submissions", Map.of("Authorization", authorization,
                    "Content-Type", "application/json", "Idempotency-Key", idempotencyKey), validSubmissionWithoutBody());
        }));
    }

    @Test
    void revisionsRefuseHostileInput() {
        qt().forAll(pathSegments(), hostileSubmissionBodies()).checkAssert((id, body) -> unchecked(() -> {
            check("PUT", ingest + "/api/v1/submissions/" + id, Map.of("Authorization", "Bearer " + reporterToken,
                    "Content-Type", "application/json"), body);
        }));
    }

    // ---- article-service -----------------------------------------------------------------------------------

    @Test
    void articleReadsRefuseHostilePathsAndHeaders() {
        qt().forAll(pathSegments(), acceptHeaders(), asciiJunk()).checkAssert((id, accept, ifNoneMatch) -> unchecked(() -> {
            check("GET", article + "/api/v1/articles/" + id, Map.of("Accept", accept, "If-None-Match", ifNoneMatch), null);
        }));
    }

    @Test
    void articleListsRefuseHostileQueries() {
        qt().forAll(queries(), hostileTokens()).checkAssert((query, authorization) -> unchecked(() -> {
            check("GET", article + "/api/v1/articles?" + query, Map.of("Authorization", authorization), null);
        }));
    }

    @Test
    void searchRefusesHostileQueries() {
        qt().forAll(queries(), unicodeJunk()).checkAssert((query, q) -> unchecked(() -> {
            check("GET", article + "/api/v1/search?q=" + encode(q) + "&" + query, Map.of(), null);
        }));
    }

    @Test
    void patchesRefuseHostileBodies() {
        qt().forAll(pathSegments(), hostileJson(), asciiJunk()).checkAssert((id, body, ifMatch) -> unchecked(() -> {
            check("PATCH", article + "/api/v1/articles/" + id, Map.of("Authorization", "Bearer " + editorToken,
                    "Content-Type", "application/merge-patch+json", "If-Match", ifMatch), body);
        }));
    }

    @Test
    void transitionsRefuseHostileBodies() {
        qt().forAll(pathSegments(), hostileJson()).checkAssert((id, body) -> unchecked(() -> {
            check("POST", article + "/api/v1/articles/" + id + "/transitions", Map.of("Authorization", "Bearer " + editorToken,
                    "Content-Type", "application/json"), body);
        }));
    }

    @Test
    void issuesRefuseHostileBodies() {
        qt().forAll(hostileJson(), hostileTokens()).checkAssert((body, authorization) -> unchecked(() -> {
            check("POST", article + "/api/v1/issues", Map.of("Authorization", authorization,
                    "Content-Type", "application/json"), body);
            check("POST", article + "/api/v1/issues", Map.of("Authorization", "Bearer " + editorToken,
                    "Content-Type", "application/json"), body);
        }));
    }

    @Test
    void issueReadsAndPublishRefuseHostileInput() {
        qt().forAll(pathSegments(), pathSegments(), hostileJson()).checkAssert((id, number, body) -> unchecked(() -> {
            check("GET", article + "/api/v1/issues/" + id, Map.of(), null);
            check("GET", article + "/api/v1/issues/by-number/" + id + "/" + number, Map.of(), null);
            check("POST", article + "/api/v1/issues/" + id + "/publish", Map.of("Authorization", "Bearer " + editorToken,
                    "Content-Type", "application/json"), body);
            check("PUT", article + "/api/v1/issues/" + id, Map.of("Authorization", "Bearer " + editorToken,
                    "Content-Type", "application/json"), body);
        }));
    }

    @Test
    void feedsRefuseHostileSections() {
        qt().forAll(pathSegments(), acceptHeaders()).checkAssert((section, accept) -> unchecked(() -> {
            check("GET", article + "/feeds/sections/" + section + ".atom", Map.of("Accept", accept), null);
        }));
    }

    // ---- notify-service ------------------------------------------------------------------------------------

    @Test
    void subscriptionsRefuseHostileBodies() {
        qt().forAll(hostileSubscriptions(), submissionContentTypes()).checkAssert((body, contentType) -> unchecked(() -> {
            check("POST", notify + "/api/v1/subscriptions", Map.of("Content-Type", contentType), body);
        }));
    }

    @Test
    void subscriptionManagementRefusesHostileTokens() {
        qt().forAll(pathSegments(), hostileTokens()).checkAssert((id, authorization) -> unchecked(() -> {
            check("GET", notify + "/api/v1/subscriptions/" + id, Map.of("Authorization", authorization), null);
            check("DELETE", notify + "/api/v1/subscriptions/" + id, Map.of("Authorization", authorization), null);
            check("GET", notify + "/api/v1/subscriptions/" + id + "/deliveries", Map.of("Authorization", authorization), null);
            check("GET", notify + "/api/v1/issues/" + id + "/deliveries", Map.of("Authorization", authorization), null);
        }));
    }

    @Test
    void unsubscribeRefusesHostileTokens() {
        qt().forAll(pathSegments(), hostileJson()).checkAssert((token, body) -> unchecked(() -> {
            check("GET", notify + "/unsubscribe/" + token, Map.of(), null);
            check("POST", notify + "/unsubscribe/" + token, Map.of("Content-Type", "application/x-www-form-urlencoded"), body);
        }));
    }

    private static QuickTheory qt() {
        return QuickTheory.qt().withExamples(TRIES).withShrinkCycles(50);
    }

    /** A check that may throw. */
    private interface Check {
        void run() throws Exception;
    }

    private static void unchecked(Check check) {
        try {
            check.run();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    // ---- the check ------------------------------------------------------------------------------------------

    private static void check(String method, String url, Map<String, String> headers, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        headers.forEach((name, value) -> {
            if (!value.isEmpty()) {
                request.header(name, value);
            }
        });
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        HttpResponse<String> response;
        try {
            response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(method + " " + url + " broke the connection: " + e, e);
        }
        REQUESTS.incrementAndGet();
        int status = response.statusCode();
        assertThat(status).as(method + " " + url + " -> " + response.body()).isLessThan(500);
        assertThat(status).as("hostile " + method + " " + url + " must not be accepted").isNotIn(201, 202);
        if (status >= 400) {
            assertThat(response.headers().firstValue("Content-Type").orElse(""))
                    .as(method + " " + url + " " + status).startsWith("application/problem+json");
            assertThat(response.body()).doesNotContain("Exception", "at org.", "at java.", "SQL");
        }
    }

    // ---- generators -----------------------------------------------------------------------------------------

    Gen<String> submissionContentTypes() {
        return pick("application/json", "application/json; charset=utf-8", "text/markdown",
                "application/ninjs+json", "text/plain", "application/xml", "multipart/form-data; boundary=x",
                "application/x-www-form-urlencoded", "application/json; charset=latin1", "*/*", "garbage");
    }

    Gen<String> acceptHeaders() {
        return pick("application/json", "application/ninjs+json", "text/html", "application/xml",
                "image/png", "*/*", "application/json;q=0", "", "text/event-stream", "garbage/;;;");
    }

    Gen<String> hostileTokens() {
        Gen<String> forged = SourceDSL.strings().betweenCodePoints('A', 'z').ofLengthBetween(1, 300)
                .map(s -> "Bearer " + s.replaceAll("[^A-Za-z0-9._-]", "."));
        Gen<String> tampered = SourceDSL.integers().between(0, 400).map(i -> {
            char[] chars = reporterToken.toCharArray();
            int position = i % chars.length;
            chars[position] = chars[position] == 'A' ? 'B' : 'A';
            return "Bearer " + new String(chars);
        });
        Gen<String> noneAlgorithm = Generate.constant("Bearer eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0."
                + "eyJpc3MiOiJuZXdzcm9vbSIsInVwbiI6ImV2ZSIsImdyb3VwcyI6WyJhZG1pbiJdfQ.");
        return Generate.oneOf(forged, tampered, noneAlgorithm,
                pick("", "Bearer", "Bearer ", "Basic YWRtaW46YWRtaW4=", "bearer x", "Bearer a.b.c"));
    }

    Gen<String> asciiJunk() {
        return SourceDSL.strings().betweenCodePoints(' ', '~').ofLengthBetween(0, 400);
    }

    Gen<String> unicodeJunk() {
        return Generate.oneOf(
                SourceDSL.strings().allPossible().ofLengthBetween(0, 300).map(s -> s.replace("\u0000", "")),
                SourceDSL.strings().betweenCodePoints(0x4e00, 0x9fff).ofLengthBetween(0, 1000),
                pick("", " ", "<script>alert(1)</script>", "' or 1=1 --", "\\", "%", "人工智能' OR '1'='1",
                        "&&||!!", ":*", "(((((", "\uD83D\uDE00", "a".repeat(5000)));
    }

    Gen<String> pathSegments() {
        return Generate.oneOf(
                Generate.constant(() -> UUID.randomUUID().toString()),
                SourceDSL.strings().allPossible().ofLengthBetween(1, 200).map(HostileInputIT::encode),
                pick("..%2F..%2Fetc%2Fpasswd", "%00", "%ff%fe", "00000000-0000-0000-0000-000000000000",
                        "not-a-uuid", "-1", "99999999999999999999", "%E8%A6%81%E9%97%BB", "a%20b", "%25", "null"));
    }

    /** Query strings; their URLs stay within the servers' 16 KiB request-line limit (longer lines get a bare 414). */
    Gen<String> queries() {
        Gen<String> key = pick("limit", "cursor", "status", "section", "byline", "issue", "from", "to",
                "q", "limit", "unknown");
        Gen<String> value = Generate.oneOf(
                SourceDSL.strings().allPossible().ofLengthBetween(0, 50).map(HostileInputIT::encode),
                pick("0", "-1", "101", "1e9", "abc", "2024-13-45", "2024-12-20T25:00:00Z", "published",
                        "PUBLISHED", "eyJ9", "%00", "NaN", "9223372036854775808", ""));
        return SourceDSL.lists().of(key.zip(value, (k, v) -> k + "=" + v)).ofSizeBetween(0, 6)
                .map(pairs -> String.join("&", pairs));
    }

    Gen<byte[]> hostileJson() {
        return Generate.oneOf(randomBytes(), brokenJson(), deeplyNested(), invalidUtf8(), wrongTypes());
    }

    Gen<byte[]> hostileSubmissionBodies() {
        return Generate.oneOf(randomBytes(), brokenJson(), deeplyNested(), invalidUtf8(), invalidSubmissions(),
                hostileMarkdown());
    }

    Gen<byte[]> hostileSubscriptions() {
        Gen<String> endpoint = Generate.oneOf(
                // Numeric addresses only: a fuzz test must never make the service resolve or reach another host.
                pick("http://10.0.0.1/x", "http://169.254.169.254/latest/meta-data", "http://[::]/",
                        "http://[::ffff:10.0.0.1]/", "file:///etc/passwd", "gopher://10.0.0.1/x", "ftp://10.0.0.1/",
                        "http://user:pass@10.0.0.1/", "javascript:alert(1)", "http://0.0.0.0/", "http://100.64.0.1/",
                        "not a url", "", "http://192.168.1.1:22/", "http://[fe80::1]/", "http://224.0.0.1/",
                        "http://172.16.0.1:99999/", "https://[fd00::1]/"),
                SourceDSL.strings().betweenCodePoints('!', '~').ofLengthBetween(0, 300).map(s -> s.replace(":", "")));
        Gen<String> channel = pick("webhook", "email", "sms", "", "WEBHOOK", "carrier-pigeon");
        Gen<byte[]> structured = channel.zip(endpoint, (c, e) -> c.equals("email")
                ? ("{\"channel\":\"email\",\"endpoint\":" + quote(e.contains("@") ? e + "@@" : e) + "}")
                : ("{\"channel\":" + quote(c) + ",\"endpoint\":" + quote(e) + "}"))
                .map(s -> s.getBytes(StandardCharsets.UTF_8));
        return Generate.oneOf(structured, randomBytes(), brokenJson(), deeplyNested(), invalidUtf8(), wrongTypes());
    }

    private static Gen<byte[]> randomBytes() {
        return Generate.byteArrays(SourceDSL.integers().between(0, 3000),
                Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0));
    }

    private static Gen<byte[]> brokenJson() {
        List<Character> chars = "{}[]\":,0123456789truefalsenul \\abc人".chars().mapToObj(c -> (char) c).toList();
        return SourceDSL.lists().of(pick(chars)).ofSizeBetween(1, 500)
                .map(list -> list.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining()))
                .assuming(s -> !s.isBlank()).map(s -> s.getBytes(StandardCharsets.UTF_8));
    }

    private static Gen<byte[]> deeplyNested() {
        return SourceDSL.integers().between(65, 20000).map(depth ->
                ("[".repeat(depth) + "]".repeat(depth)).getBytes(StandardCharsets.UTF_8));
    }

    private static Gen<byte[]> invalidUtf8() {
        return pick(new byte[] {(byte) 0xff, (byte) 0xfe}, new byte[] {(byte) 0xc3, (byte) 0x28},
                new byte[] {(byte) 0xe2, (byte) 0x28, (byte) 0xa1}, new byte[] {(byte) 0xf0, (byte) 0x28, (byte) 0x8c, (byte) 0xbc},
                new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80})
                .map(bad -> {
                    byte[] prefix = "{\"headline\":\"".getBytes(StandardCharsets.UTF_8);
                    byte[] suffix = "\",\"body\":[{\"type\":\"paragraph\",\"text\":\"x\"}]}".getBytes(StandardCharsets.UTF_8);
                    byte[] out = new byte[prefix.length + bad.length + suffix.length];
                    System.arraycopy(prefix, 0, out, 0, prefix.length);
                    System.arraycopy(bad, 0, out, prefix.length, bad.length);
                    System.arraycopy(suffix, 0, out, prefix.length + bad.length, suffix.length);
                    return out;
                });
    }

    private static Gen<byte[]> wrongTypes() {
        Gen<String> field = pick("headline", "body", "genre", "language", "bylines", "tags", "media",
                "distribution", "embargoedUntil", "slug", "number", "pages", "teasers", "action", "note", "date",
                "masthead", "channel", "endpoint", "sections", "publishAt");
        Gen<String> value = pick("123", "true", "null", "[]", "{}", "\"\"", "[1,2]", "{\"a\":{}}",
                "1e400", "-0", "\"2024-02-30\"", "[\"x\",{}]");
        return field.zip(value, (f, v) -> ("{\"" + f + "\":" + v + "}").getBytes(StandardCharsets.UTF_8));
    }

    /** Submissions each broken in at least one way, so that none may be stored. */
    private static Gen<byte[]> invalidSubmissions() {
        Gen<String> breakage = pick(
                "\"headline\":\"\"", "\"headline\":\"" + "长".repeat(201) + "\"", "\"headline\":123",
                "\"genre\":\"gossip\"", "\"distribution\":\"secret\"", "\"language\":\"not a tag!\"",
                "\"slug\":\"Not_A_Slug\"", "\"embargoedUntil\":\"tomorrow\"", "\"bylines\":[{\"name\":\"x\",\"role\":\"spy\"}]",
                "\"media\":[{\"type\":\"photo\",\"uri\":\"javascript:alert(1)\"}]", "\"tags\":[\"\"]",
                "\"source\":{\"label\":\"来源\"}", "\"body\":[]", "\"body\":[{\"type\":\"table\",\"text\":\"x\"}]",
                "\"body\":[{\"type\":\"paragraph\",\"text\":\"\"}]", "\"body\":[{\"type\":\"paragraph\"}]",
                "\"headlnie\":\"typo\"", "\"body\":\"not an array\"", "\"kicker\":\"" + "引".repeat(101) + "\"");
        return breakage.map(b -> {
            String base = b.startsWith("\"body\"") ? "{\"headline\":\"徐汇\"," + b + "}"
                    : "{" + b + (b.startsWith("\"headline\"") ? "" : ",\"headline\":\"徐汇\"")
                            + ",\"body\":[{\"type\":\"paragraph\",\"text\":\"正文\"}]}";
            return base.getBytes(StandardCharsets.UTF_8);
        });
    }

    private static Gen<byte[]> hostileMarkdown() {
        return pick(
                "---\nheadline: !!java.lang.Runtime {}\n---\n正文",
                "---\na: &a [\"x\",\"x\",\"x\",\"x\",\"x\"]\nb: &b [*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d]\nf: [*e,*e,*e,*e,*e]\n---\n正文",
                "---\nheadline: [unclosed\n---\n正文", "no front matter at all", "---\n---\n", "---\nheadline: x\n",
                "---\nheadline: \"\"\n---\n正文", "---\ngenre: gossip\nheadline: x\n---\n正文")
                .map(s -> s.getBytes(StandardCharsets.UTF_8));
    }

    @SafeVarargs
    private static <T> Gen<T> pick(T... values) {
        return Generate.pick(List.of(values));
    }

    private static <T> Gen<T> pick(List<T> values) {
        return Generate.pick(values);
    }

    private static byte[] validSubmissionWithoutBody() {
        return "{\"headline\":\"徐汇\"}".getBytes(StandardCharsets.UTF_8);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String quote(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
