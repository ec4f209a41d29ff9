package org.newsroom.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;

import org.newsroom.stack.Ports;

/**
 * The fan-out benchmark's subscriber: a Vert.x HTTP server on 127.0.0.1 (one instance per event loop) that answers
 * intent-verification challenges and counts the distinct webhook deliveries of one issue, answering 200 at once.
 */
public final class WebhookReceiver implements AutoCloseable {

    private final int port;
    private final int hosts;
    private final List<HttpServer> servers = new ArrayList<>();
    private final Set<String> deliveryIds = ConcurrentHashMap.newKeySet();
    private final LongAdder posts = new LongAdder();
    private final LongAdder challenges = new LongAdder();
    private final AtomicLong firstDelivery = new AtomicLong();
    private final AtomicLong lastDelivery = new AtomicLong();
    private volatile String expectedIssue;

    private WebhookReceiver(int port, int hosts) {
        this.port = port;
        this.hosts = hosts;
    }

    /**
     * Listens on the same port of {@code hosts} loopback addresses 127.0.0.1, 127.0.0.2, … so that subscriptions can
     * spread over several endpoint hosts, as real subscribers do (notify-service limits concurrency per host).
     */
    public static WebhookReceiver start(int hosts) {
        Vertx vertx = BenchVertx.get();
        WebhookReceiver receiver = new WebhookReceiver(Ports.free(), hosts);
        for (int i = 0; i < hosts; i++) {
            HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost(host(i)).setPort(receiver.port)
                    .setTcpNoDelay(true).setIdleTimeout(0).setAcceptBacklog(4096));
            server.requestHandler(request -> {
                if (request.method() == HttpMethod.GET) {
                    String challenge = request.getParam("challenge");
                    receiver.challenges.increment();
                    request.response().putHeader("Content-Type", "text/plain; charset=utf-8")
                            .end(challenge == null ? "" : challenge);
                    return;
                }
                request.body().onComplete(ar -> {
                    receiver.posts.increment();
                    if (ar.succeeded()) {
                        String issue = receiver.expectedIssue;
                        String id = request.getHeader("webhook-id");
                        boolean ours = issue != null && ar.result().toString(StandardCharsets.UTF_8).contains(issue);
                        if (ours && id != null && receiver.deliveryIds.add(id)) {
                            long now = System.nanoTime();
                            receiver.firstDelivery.compareAndSet(0, now);
                            receiver.lastDelivery.set(now);
                        }
                    }
                    request.response().setStatusCode(200).end();
                });
            });
            receiver.servers.add(server);
            server.listen().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
        }
        return receiver;
    }

    /** The loopback address of host number {@code i} (0-based): 127.0.0.(i+1). */
    public static String host(int i) {
        return "127.0.0." + (1 + i);
    }

    /** Base URL on host {@code i % hosts}; subscriptions add a path of their own. */
    public String baseUrl(int i) {
        return "http://" + host(i % hosts) + ":" + port;
    }

    public int port() {
        return port;
    }

    public int hosts() {
        return hosts;
    }

    /** From now on, count deliveries whose body names this issue. */
    public void expect(String issueId) {
        deliveryIds.clear();
        firstDelivery.set(0);
        lastDelivery.set(0);
        expectedIssue = issueId;
    }

    public int delivered() {
        return deliveryIds.size();
    }

    public long posts() {
        return posts.sum();
    }

    public long challenges() {
        return challenges.sum();
    }

    /** {@link System#nanoTime()} of the last new delivery (0 before the first). */
    public long lastDeliveryNanos() {
        return lastDelivery.get();
    }

    public long firstDeliveryNanos() {
        return firstDelivery.get();
    }

    @Override
    public void close() {
        for (HttpServer server : servers) {
            server.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS)
                    .exceptionally(t -> null).join();
        }
    }
}
