package org.newsroom.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A small real HTTP server on 127.0.0.1 that answers {@code GET /api/v1/articles/{id}} as article-service would, so that
 * {@code PUT /api/v1/submissions/{id}} is tested over real HTTP. Tests tell it, per article id, what to answer.
 */
public class ArticleServiceStub implements QuarkusTestResourceLifecycleManager {

    private record Answer(int status, String body, boolean abort) {
    }

    private static final Map<String, Answer> ANSWERS = new ConcurrentHashMap<>();
    private static final Map<String, String> AUTHORIZATION_SEEN = new ConcurrentHashMap<>();
    private static HttpServer server;
    private static ExecutorService executor;

    /** article-service knows this article, in this state. */
    public static void article(UUID id, int revision, String status, String submittedBy) {
        ANSWERS.put(id.toString(), new Answer(200, """
                {"id":"%s","revision":%d,"status":"%s","submittedBy":"%s","headline":"旧标题","body":[{"type":"paragraph","text":"旧"}]}"""
                .formatted(id, revision, status, submittedBy), false));
    }

    /** article-service answers this status with a problem body. */
    public static void failWith(UUID id, int status) {
        ANSWERS.put(id.toString(), new Answer(status,
                "{\"type\":\"about:blank\",\"title\":\"Error\",\"status\":" + status + "}", false));
    }

    /** article-service sends the headers of an answer, then a fragment of the body, and then nothing more. */
    public static void stallMidAnswer(UUID id) {
        ANSWERS.put(id.toString(), new Answer(0, null, true));
    }

    /** The Authorization header of the last request for this article. */
    public static String authorizationSeen(UUID id) {
        return AUTHORIZATION_SEEN.get(id.toString());
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        executor = Executors.newFixedThreadPool(2);
        server.setExecutor(executor);
        server.createContext("/api/v1/articles/", ArticleServiceStub::handle);
        server.start();
        return Map.of("newsroom.article-service.url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static void handle(HttpExchange exchange) throws IOException {
        String id = exchange.getRequestURI().getPath().substring("/api/v1/articles/".length());
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null) {
            AUTHORIZATION_SEEN.put(id, authorization);
        }
        Answer answer = ANSWERS.get(id);
        if (answer != null && answer.abort()) {
            // Promise a body and send only a fragment: the client waits for the rest, which never comes.
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 1000);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("{\"id\":".getBytes(StandardCharsets.UTF_8));
            } catch (IOException expected) {
                // insufficient bytes written
            }
            return;
        }
        if (answer == null) {
            answer = new Answer(404, "{\"type\":\"https://newsroom.example/problems/not-found\",\"title\":\"Not found\",\"status\":404}", false);
        }
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type",
                answer.status() == 200 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(answer.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
        }
    }
}
