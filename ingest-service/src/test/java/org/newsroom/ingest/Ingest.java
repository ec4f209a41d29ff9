package org.newsroom.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.newsroom.stack.test.TestInfrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Shortcuts of the ingest-service specs: tokens, unique names, shared test data and the common assertions. */
public final class Ingest {

    public static final String SUBMISSIONS = "/api/v1/submissions";
    public static final String PROBLEM_JSON = "application/problem+json";
    public static final ObjectMapper JSON = new ObjectMapper();

    private Ingest() {
    }

    /** A reporter name no other test uses, so that tests never see each other's keys or stories. */
    public static String uniqueReporter(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String token(String role, String name) {
        return TestInfrastructure.get().token(role, name);
    }

    /** Requests as a person with a role. The content type is sent exactly as given (no charset appended). */
    public static RequestSpecification as(String role, String name) {
        return anonymous().auth().oauth2(token(role, name));
    }

    /** Requests without a token; the content type is sent exactly as given. */
    public static RequestSpecification anonymous() {
        return given().config(RestAssured.config().encoderConfig(
                EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)));
    }

    /** The shared test data folder ({@code newsroom.shared.dir}); fails (never skips) when it is missing. */
    public static Path shared() {
        String dir = System.getProperty("newsroom.shared.dir");
        assertThat(dir).as("system property newsroom.shared.dir (set by the parent POM)").isNotBlank();
        Path path = Path.of(dir);
        assertThat(path.resolve("seed/articles")).as("shared test data at " + path).isDirectory();
        return path;
    }

    public static List<Path> seedArticles() {
        try (Stream<Path> files = Files.list(shared().resolve("seed/articles"))) {
            List<Path> seeds = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            assertThat(seeds).as("seed stories").hasSize(4);
            return seeds;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path ninjsExample(String prefix) {
        try (Stream<Path> files = Files.list(shared().resolve("ninjs/examples"))) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst()
                    .orElseThrow(() -> new AssertionError("ninjs example " + prefix + " missing"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode tree(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A minimal valid Submission as JSON. */
    public static String story(String headline) {
        return """
                {"headline": "%s", "body": [{"type": "paragraph", "text": "正文。"}]}""".formatted(headline);
    }

    /** The answer is an RFC 9457 problem of this status, without any trace of the implementation. */
    public static void assertProblem(Response response, int status) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith(PROBLEM_JSON);
        JsonNode problem = tree(response.asByteArray());
        assertThat(problem.path("type").asText()).isNotBlank();
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        String body = response.asString();
        assertThat(body).doesNotContain("Exception", "java.", "org.", "com.fasterxml", "io.quarkus", "\tat ");
    }

    /** The service still reports ready. */
    public static void assertReady() {
        given().get("/q/health/ready").then().statusCode(200);
    }
}
