package org.newsroom.stack.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real webhook receiver on 127.0.0.1 for notify-service's and the end-to-end tests: echoes intent-verification
 * challenges, records every POST (path, headers, body) and answers with the queued responses (then 204). Sixteen
 * handler threads and a deep accept backlog let it take a fan-out to a thousand endpoints at once.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** A recorded delivery request. */
    public record Request(String path, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    /** A canned answer. */
    public record Answer(int status, Map<String, String> headers) {
    }

    private final HttpServer server;
    private final List<Request> posts = new CopyOnWriteArrayList<>();
    private final Deque<Answer> answers = new ConcurrentLinkedDeque<>();
    private volatile boolean echoChallenge = true;
    private final java.util.concurrent.atomic.AtomicInteger challenges = new java.util.concurrent.atomic.AtomicInteger();

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/", this::handle);
        server.start();
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public WebhookReceiver answer(int status, Map<String, String> headers) {
        answers.add(new Answer(status, headers));
        return this;
    }

    public WebhookReceiver refuseChallenges() {
        echoChallenge = false;
        return this;
    }

    public WebhookReceiver echoChallenges() {
        echoChallenge = true;
        return this;
    }

    public List<Request> posts() {
        return new ArrayList<>(posts);
    }

    /** Number of POSTs received so far. */
    public int postCount() {
        return posts.size();
    }

    /** POSTs received so far per request path. */
    public Map<String, Long> postsByPath() {
        return posts.stream().collect(Collectors.groupingBy(Request::path, Collectors.counting()));
    }

    /** Number of verification GETs received so far. */
    public int challenges() {
        return challenges.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (exchange.getRequestMethod().equals("GET")) {
                challenges.incrementAndGet();
                String query = exchange.getRequestURI().getRawQuery();
                String challenge = null;
                if (query != null) {
                    for (String part : query.split("&")) {
                        if (part.startsWith("challenge=")) {
                            challenge = part.substring("challenge=".length());
                        }
                    }
                }
                if (challenge == null || !echoChallenge) {
                    respond(exchange, 403, "no", Map.of());
                } else {
                    respond(exchange, 200, challenge, Map.of());
                }
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) ->
                    headers.put(name.toLowerCase(java.util.Locale.ROOT), values.get(0)));
            posts.add(new Request(exchange.getRequestURI().getPath(), headers, new String(body, StandardCharsets.UTF_8)));
            Answer answer = answers.poll();
            if (answer == null) {
                respond(exchange, 204, null, Map.of());
            } else {
                respond(exchange, answer.status(), "", answer.headers());
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, String body, Map<String, String> headers)
            throws IOException {
        headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        if (body == null || body.isEmpty()) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
