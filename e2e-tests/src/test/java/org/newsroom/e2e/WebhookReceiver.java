package org.newsroom.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP webhook receiver on 127.0.0.1: echoes intent-verification challenges and counts the alerts each
 * endpoint path receives (by {@code webhook-id}), the ground truth of what subscribers got.
 */
final class WebhookReceiver implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(16);
    private final Map<String, AtomicInteger> postsByPath = new ConcurrentHashMap<>();
    private final Map<String, String> webhookIdByPath = new ConcurrentHashMap<>();
    private final AtomicInteger posts = new AtomicInteger();

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            byte[] answer = new byte[0];
            String path = exchange.getRequestURI().getPath();
            if ("GET".equals(exchange.getRequestMethod())) {
                String query = exchange.getRequestURI().getRawQuery();
                answer = (query == null ? "" : Stream.of(query.split("&")).filter(p -> p.startsWith("challenge="))
                        .map(p -> URLDecoder.decode(p.substring(10), StandardCharsets.UTF_8)).findFirst().orElse(""))
                        .getBytes(StandardCharsets.UTF_8);
            } else {
                exchange.getRequestBody().readAllBytes();
                postsByPath.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
                webhookIdByPath.put(path, String.valueOf(exchange.getRequestHeaders().getFirst("webhook-id")));
                posts.incrementAndGet();
            }
            exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                exchange.getResponseBody().write(answer);
            }
            exchange.close();
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    int posts() {
        return posts.get();
    }

    Map<String, AtomicInteger> postsByPath() {
        return postsByPath;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
