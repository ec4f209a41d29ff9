package org.newsroom.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.newsroom.stack.LocalStack;
import org.newsroom.stack.Poll;

/** The HTTP calls a benchmark needs to set itself up (submit, approve, assemble and publish an issue), per API.md. */
public final class NewsroomApi {

    public static final String MASTHEAD = "徐汇报";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final String ingest;
    private final String articles;
    private final String notify;
    private final String reporterToken;
    private final String editorToken;
    private final AtomicInteger issueNumber = new AtomicInteger();

    public NewsroomApi(LocalStack stack) {
        this.ingest = stack.service(LocalStack.INGEST).url();
        this.articles = stack.service(LocalStack.ARTICLE).url();
        this.notify = stack.service(LocalStack.NOTIFY).url();
        this.reporterToken = stack.keys().token("reporter", "曹香玉", Duration.ofHours(6));
        this.editorToken = stack.keys().token("editor", "总编辑", Duration.ofHours(6));
        this.issueNumber.set((int) (System.currentTimeMillis() / 1000 % 100_000) * 10);
    }

    public String ingestUrl() {
        return ingest;
    }

    public String articlesUrl() {
        return articles;
    }

    public String notifyUrl() {
        return notify;
    }

    public String reporterToken() {
        return reporterToken;
    }

    public String editorToken() {
        return editorToken;
    }

    /** Submits a story (the JSON of a Submission) as a reporter; returns its id. */
    public String submit(byte[] submissionJson) {
        return call("POST", ingest + "/api/v1/submissions", reporterToken, submissionJson, 202).get("id").asText();
    }

    /** Waits until article-service has stored the article. */
    public void awaitStored(String id, Duration timeout) {
        if (!Poll.until(timeout, Duration.ofMillis(200),
                () -> send("GET", articles + "/api/v1/articles/" + id, editorToken, null).statusCode() == 200)) {
            throw new IllegalStateException("article " + id + " was not stored within " + timeout);
        }
    }

    public void approve(String id) {
        call("POST", articles + "/api/v1/articles/" + id + "/transitions", editorToken,
                json(JSON.createObjectNode().put("action", "approve").put("note", "benchmark")), 200);
    }

    /** Submits, stores and approves a story; returns its id. */
    public String approvedStory(byte[] submissionJson) {
        String id = submit(submissionJson);
        awaitStored(id, Duration.ofSeconds(120));
        approve(id);
        return id;
    }

    /** A draft issue of one page placing the given approved articles; returns its id. */
    public String createIssue(List<String> articleIds) {
        ObjectNode issue = JSON.createObjectNode();
        issue.put("masthead", MASTHEAD);
        issue.put("number", issueNumber.incrementAndGet());
        issue.put("date", LocalDate.now().toString());
        issue.put("distributionNote", "内部资料 免费交流");
        ArrayNode pages = issue.putArray("pages");
        ObjectNode page = pages.addObject().put("number", 1).put("name", "要闻");
        ArrayNode placements = page.putArray("placements");
        for (int i = 0; i < articleIds.size(); i++) {
            placements.addObject().put("articleId", articleIds.get(i)).put("order", i + 1);
        }
        issue.putArray("teasers");
        return call("POST", articles + "/api/v1/issues", editorToken, json(issue), 201).get("id").asText();
    }

    /** Publishes a draft issue now; returns the answer. */
    public HttpResponse<String> publish(String issueId) {
        return send("POST", articles + "/api/v1/issues/" + issueId + "/publish", editorToken,
                "{}".getBytes(StandardCharsets.UTF_8));
    }

    /** Publishes a draft issue now and fails unless the answer is 200. */
    public void publishOrFail(String issueId) {
        HttpResponse<String> response = publish(issueId);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("publishing issue " + issueId + " answered " + response.statusCode() + ": "
                    + response.body());
        }
    }

    public JsonNode call(String method, String url, String token, byte[] body, int expected) {
        HttpResponse<String> response = send(method, url, token, body);
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + " (expected "
                    + expected + "): " + abbreviate(response.body()));
        }
        try {
            return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + url + " answered no JSON: " + abbreviate(response.body()));
        }
    }

    public HttpResponse<String> send(String method, String url, String token, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + url + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Raw bytes and content type of a GET (what the read benchmark serves from nginx too). */
    public HttpResponse<byte[]> getBytes(String url, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + url + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static byte[] json(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String abbreviate(String text) {
        return text == null ? "" : text.length() > 500 ? text.substring(0, 500) + "…" : text;
    }
}
