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

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Property-based fuzzing of every public endpoint with generated malformed and hostile requests (broken JSON,
 * invalid UTF-8, wrong types, oversized and deeply nested documents, unknown enum values, forged tokens, odd
 * paths, queries and headers). Properties: no answer is a 5xx, every 4xx is problem+json, nothing is stored, and
 * every service is still ready afterwards. Tries per endpoint: {@code jqwik.tries.default} (short in verify,
 * 10,000 with {@code -Pfaults}).
 */
class HostileInputIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String FUZZ_REPORTER = "fuzz-reporter";
    private static final AtomicLong REQUESTS = new AtomicLong();
    private static String ingest;
    private static String article;
    private static String notify;
    private static String reporterToken;
    private static String editorToken;

    @BeforeContainer
    static void startStack() {
        LocalStack stack = E2eStack.get();
        ingest = stack.service(LocalStack.INGEST).url();
        article = stack.service(LocalStack.ARTICLE).url();
        notify = stack.service(LocalStack.NOTIFY).url();
        reporterToken = E2eStack.token("reporter", FUZZ_REPORTER);
        editorToken = E2eStack.token("editor", "fuzz-editor");
    }

    @AfterContainer
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

    @Property
    void submissionsRefuseHostileBodies(@ForAll("hostileSubmissionBodies") byte[] body,
            @ForAll("submissionContentTypes") String contentType) throws Exception {
        check("POST", ingest + "/api/v1/submissions", Map.of("Authorization", "Bearer " + reporterToken,
                "Content-Type", contentType), body);
    }

    @Property
    void submissionsRefuseHostileTokensAndKeys(@ForAll("hostileTokens") String authorization,
            @ForAll("asciiJunk") String idempotencyKey) throws Exception {
        check("POST", ingest + "/api/v1/submissions", Map.of("Authorization", authorization,
                "Content-Type", "application/json", "Idempotency-Key", idempotencyKey), validSubmissionWithoutBody());
    }

    @Property
    void revisionsRefuseHostileInput(@ForAll("pathSegments") String id, @ForAll("hostileSubmissionBodies") byte[] body)
            throws Exception {
        check("PUT", ingest + "/api/v1/submissions/" + id, Map.of("Authorization", "Bearer " + reporterToken,
                "Content-Type", "application/json"), body);
    }

    // ---- article-service -----------------------------------------------------------------------------------

    @Property
    void articleReadsRefuseHostilePathsAndHeaders(@ForAll("pathSegments") String id, @ForAll("acceptHeaders") String accept,
            @ForAll("asciiJunk") String ifNoneMatch) throws Exception {
        check("GET", article + "/api/v1/articles/" + id, Map.of("Accept", accept, "If-None-Match", ifNoneMatch), null);
    }

    @Property
    void articleListsRefuseHostileQueries(@ForAll("queries") String query, @ForAll("hostileTokens") String authorization)
            throws Exception {
        check("GET", article + "/api/v1/articles?" + query, Map.of("Authorization", authorization), null);
    }

    @Property
    void searchRefusesHostileQueries(@ForAll("queries") String query, @ForAll("unicodeJunk") String q) throws Exception {
        check("GET", article + "/api/v1/search?q=" + encode(q) + "&" + query, Map.of(), null);
    }

    @Property
    void patchesRefuseHostileBodies(@ForAll("pathSegments") String id, @ForAll("hostileJson") byte[] body,
            @ForAll("asciiJunk") String ifMatch) throws Exception {
        check("PATCH", article + "/api/v1/articles/" + id, Map.of("Authorization", "Bearer " + editorToken,
                "Content-Type", "application/merge-patch+json", "If-Match", ifMatch), body);
    }

    @Property
    void transitionsRefuseHostileBodies(@ForAll("pathSegments") String id, @ForAll("hostileJson") byte[] body)
            throws Exception {
        check("POST", article + "/api/v1/articles/" + id + "/transitions", Map.of("Authorization", "Bearer " + editorToken,
                "Content-Type", "application/json"), body);
    }

    @Property
    void issuesRefuseHostileBodies(@ForAll("hostileJson") byte[] body, @ForAll("hostileTokens") String authorization)
            throws Exception {
        check("POST", article + "/api/v1/issues", Map.of("Authorization", authorization,
                "Content-Type", "application/json"), body);
        check("POST", article + "/api/v1/issues", Map.of("Authorization", "Bearer " + editorToken,
                "Content-Type", "application/json"), body);
    }

    @Property
    void issueReadsAndPublishRefuseHostileInput(@ForAll("pathSegments") String id, @ForAll("pathSegments") String number,
            @ForAll("hostileJson") byte[] body) throws Exception {
        check("GET", article + "/api/v1/issues/" + id, Map.of(), null);
        check("GET", article + "/api/v1/issues/by-number/" + id + "/" + number, Map.of(), null);
        check("POST", article + "/api/v1/issues/" + id + "/publish", Map.of("Authorization", "Bearer " + editorToken,
                "Content-Type", "application/json"), body);
        check("PUT", article + "/api/v1/issues/" + id, Map.of("Authorization", "Bearer " + editorToken,
                "Content-Type", "application/json"), body);
    }

    @Property
    void feedsRefuseHostileSections(@ForAll("pathSegments") String section, @ForAll("acceptHeaders") String accept)
            throws Exception {
        check("GET", article + "/feeds/sections/" + section + ".atom", Map.of("Accept", accept), null);
    }

    // ---- notify-service ------------------------------------------------------------------------------------

    @Property
    void subscriptionsRefuseHostileBodies(@ForAll("hostileSubscriptions") byte[] body,
            @ForAll("submissionContentTypes") String contentType) throws Exception {
        check("POST", notify + "/api/v1/subscriptions", Map.of("Content-Type", contentType), body);
    }

    @Property
    void subscriptionManagementRefusesHostileTokens(@ForAll("pathSegments") String id,
            @ForAll("hostileTokens") String authorization) throws Exception {
        check("GET", notify + "/api/v1/subscriptions/" + id, Map.of("Authorization", authorization), null);
        check("DELETE", notify + "/api/v1/subscriptions/" + id, Map.of("Authorization", authorization), null);
        check("GET", notify + "/api/v1/subscriptions/" + id + "/deliveries", Map.of("Authorization", authorization), null);
        check("GET", notify + "/api/v1/issues/" + id + "/deliveries", Map.of("Authorization", authorization), null);
    }

    @Property
    void unsubscribeRefusesHostileTokens(@ForAll("pathSegments") String token, @ForAll("hostileJson") byte[] body)
            throws Exception {
        check("GET", notify + "/unsubscribe/" + token, Map.of(), null);
        check("POST", notify + "/unsubscribe/" + token, Map.of("Content-Type", "application/x-www-form-urlencoded"), body);
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

    @Provide
    Arbitrary<String> submissionContentTypes() {
        return Arbitraries.of("application/json", "application/json; charset=utf-8", "text/markdown",
                "application/ninjs+json", "text/plain", "application/xml", "multipart/form-data; boundary=x",
                "application/x-www-form-urlencoded", "application/json; charset=latin1", "*/*", "garbage");
    }

    @Provide
    Arbitrary<String> acceptHeaders() {
        return Arbitraries.of("application/json", "application/ninjs+json", "text/html", "application/xml",
                "image/png", "*/*", "application/json;q=0", "", "text/event-stream", "garbage/;;;");
    }

    @Provide
    Arbitrary<String> hostileTokens() {
        Arbitrary<String> forged = Arbitraries.strings().withCharRange('A', 'z').ofMinLength(1).ofMaxLength(300)
                .map(s -> "Bearer " + s.replaceAll("[^A-Za-z0-9._-]", "."));
        Arbitrary<String> tampered = Arbitraries.integers().between(0, 400).map(i -> {
            char[] chars = reporterToken.toCharArray();
            int position = i % chars.length;
            chars[position] = chars[position] == 'A' ? 'B' : 'A';
            return "Bearer " + new String(chars);
        });
        Arbitrary<String> noneAlgorithm = Arbitraries.just("Bearer eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0."
                + "eyJpc3MiOiJuZXdzcm9vbSIsInVwbiI6ImV2ZSIsImdyb3VwcyI6WyJhZG1pbiJdfQ.");
        return Arbitraries.oneOf(forged, tampered, noneAlgorithm,
                Arbitraries.of("", "Bearer", "Bearer ", "Basic YWRtaW46YWRtaW4=", "bearer x", "Bearer a.b.c"));
    }

    @Provide
    Arbitrary<String> asciiJunk() {
        return Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(400);
    }

    @Provide
    Arbitrary<String> unicodeJunk() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(300).map(s -> s.replace("\u0000", "")),
                Arbitraries.strings().withCharRange('\u4e00', '\u9fff').ofMaxLength(1000),
                Arbitraries.of("", " ", "<script>alert(1)</script>", "' or 1=1 --", "\\", "%", "人工智能' OR '1'='1",
                        "&&||!!", ":*", "(((((", "\uD83D\uDE00", "a".repeat(5000)));
    }

    @Provide
    Arbitrary<String> pathSegments() {
        return Arbitraries.oneOf(
                Arbitraries.create(() -> UUID.randomUUID().toString()),
                Arbitraries.strings().all().ofMinLength(1).ofMaxLength(200).map(HostileInputIT::encode),
                Arbitraries.of("..%2F..%2Fetc%2Fpasswd", "%00", "%ff%fe", "00000000-0000-0000-0000-000000000000",
                        "not-a-uuid", "-1", "99999999999999999999", "%E8%A6%81%E9%97%BB", "a%20b", "%25", "null"));
    }

    /** Query strings; their URLs stay within the servers' 16 KiB request-line limit (longer lines get a bare 414). */
    @Provide
    Arbitrary<String> queries() {
        Arbitrary<String> key = Arbitraries.of("limit", "cursor", "status", "section", "byline", "issue", "from", "to",
                "q", "limit", "unknown");
        Arbitrary<String> value = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(50).map(HostileInputIT::encode),
                Arbitraries.of("0", "-1", "101", "1e9", "abc", "2024-13-45", "2024-12-20T25:00:00Z", "published",
                        "PUBLISHED", "eyJ9", "%00", "NaN", "9223372036854775808", ""));
        return Combinators.combine(key, value).as((k, v) -> k + "=" + v).list().ofMaxSize(6)
                .map(pairs -> String.join("&", pairs));
    }

    @Provide
    Arbitrary<byte[]> hostileJson() {
        return Arbitraries.oneOf(randomBytes(), brokenJson(), deeplyNested(), invalidUtf8(), wrongTypes());
    }

    @Provide
    Arbitrary<byte[]> hostileSubmissionBodies() {
        return Arbitraries.oneOf(randomBytes(), brokenJson(), deeplyNested(), invalidUtf8(), invalidSubmissions(),
                hostileMarkdown());
    }

    @Provide
    Arbitrary<byte[]> hostileSubscriptions() {
        Arbitrary<String> endpoint = Arbitraries.oneOf(
                // Numeric addresses only: a fuzz test must never make the service resolve or reach another host.
                Arbitraries.of("http://10.0.0.1/x", "http://169.254.169.254/latest/meta-data", "http://[::]/",
                        "http://[::ffff:10.0.0.1]/", "file:///etc/passwd", "gopher://10.0.0.1/x", "ftp://10.0.0.1/",
                        "http://user:pass@10.0.0.1/", "javascript:alert(1)", "http://0.0.0.0/", "http://100.64.0.1/",
                        "not a url", "", "http://192.168.1.1:22/", "http://[fe80::1]/", "http://224.0.0.1/",
                        "http://172.16.0.1:99999/", "https://[fd00::1]/"),
                Arbitraries.strings().withCharRange('!', '~').ofMaxLength(300).map(s -> s.replace(":", "")));
        Arbitrary<String> channel = Arbitraries.of("webhook", "email", "sms", "", "WEBHOOK", "carrier-pigeon");
        Arbitrary<byte[]> structured = Combinators.combine(channel, endpoint).as((c, e) -> c.equals("email")
                ? ("{\"channel\":\"email\",\"endpoint\":" + quote(e.contains("@") ? e + "@@" : e) + "}")
                : ("{\"channel\":" + quote(c) + ",\"endpoint\":" + quote(e) + "}"))
                .map(s -> s.getBytes(StandardCharsets.UTF_8));
        return Arbitraries.oneOf(structured, randomBytes(), brokenJson(), deeplyNested(), invalidUtf8(), wrongTypes());
    }

    private static Arbitrary<byte[]> randomBytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(3000);
    }

    private static Arbitrary<byte[]> brokenJson() {
        return Arbitraries.strings().withChars("{}[]\":,0123456789truefalsenul \\abc人").ofMaxLength(500)
                .filter(s -> !s.isBlank()).map(s -> s.getBytes(StandardCharsets.UTF_8));
    }

    private static Arbitrary<byte[]> deeplyNested() {
        return Arbitraries.integers().between(65, 20000).map(depth ->
                ("[".repeat(depth) + "]".repeat(depth)).getBytes(StandardCharsets.UTF_8));
    }

    private static Arbitrary<byte[]> invalidUtf8() {
        return Arbitraries.of(new byte[] {(byte) 0xff, (byte) 0xfe}, new byte[] {(byte) 0xc3, (byte) 0x28},
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

    private static Arbitrary<byte[]> wrongTypes() {
        Arbitrary<String> field = Arbitraries.of("headline", "body", "genre", "language", "bylines", "tags", "media",
                "distribution", "embargoedUntil", "slug", "number", "pages", "teasers", "action", "note", "date",
                "masthead", "channel", "endpoint", "sections", "publishAt");
        Arbitrary<String> value = Arbitraries.of("123", "true", "null", "[]", "{}", "\"\"", "[1,2]", "{\"a\":{}}",
                "1e400", "-0", "\"2024-02-30\"", "[\"x\",{}]");
        return Combinators.combine(field, value).as((f, v) -> ("{\"" + f + "\":" + v + "}").getBytes(StandardCharsets.UTF_8));
    }

    /** Submissions each broken in at least one way, so that none may be stored. */
    private static Arbitrary<byte[]> invalidSubmissions() {
        Arbitrary<String> breakage = Arbitraries.of(
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

    private static Arbitrary<byte[]> hostileMarkdown() {
        return Arbitraries.of(
                "---\nheadline: !!java.lang.Runtime {}\n---\n正文",
                "---\na: &a [\"x\",\"x\",\"x\",\"x\",\"x\"]\nb: &b [*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d]\nf: [*e,*e,*e,*e,*e]\n---\n正文",
                "---\nheadline: [unclosed\n---\n正文", "no front matter at all", "---\n---\n", "---\nheadline: x\n",
                "---\nheadline: \"\"\n---\n正文", "---\ngenre: gossip\nheadline: x\n---\n正文")
                .map(s -> s.getBytes(StandardCharsets.UTF_8));
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
