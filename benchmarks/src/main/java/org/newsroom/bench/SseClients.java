package org.newsroom.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

import org.newsroom.stack.Poll;

/**
 * Many concurrent Server-Sent-Events clients on Vert.x (one connection each), each parsing the stream and noting when
 * the {@code issue.published} event of an expected issue arrives.
 */
public final class SseClients implements AutoCloseable {

    private final String url;
    private final int clients;
    private final HttpClient http;
    private final AtomicInteger connected = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicInteger received = new AtomicInteger();
    private final LongAdder events = new LongAdder();
    private final Recorder latencies = new Recorder(3);
    private volatile String expectedIssue;
    private volatile long publishedAt;
    private volatile String lastFailure = "";

    public SseClients(String url, int clients) {
        this.url = url;
        this.clients = clients;
        Vertx vertx = BenchVertx.get();
        this.http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setIdleTimeout(0)
                        .setConnectTimeout(30_000).setTcpNoDelay(true),
                new PoolOptions().setHttp1MaxSize(clients).setMaxWaitQueueSize(-1));
    }

    /** Opens every stream, at most {@code inFlight} connection attempts at a time; returns when all answered or failed. */
    public void connect(int inFlight, Duration timeout, java.util.function.Consumer<String> progress) {
        AtomicInteger next = new AtomicInteger();
        for (int i = 0; i < Math.min(inFlight, clients); i++) {
            openNext(next);
        }
        boolean done = Poll.until(timeout, Duration.ofMillis(100), () -> connected.get() + failed.get() >= clients);
        if (!done) {
            progress.accept("  only " + connected.get() + " of " + clients + " streams open after " + timeout);
        }
    }

    private void openNext(AtomicInteger next) {
        int index = next.getAndIncrement();
        if (index >= clients) {
            return;
        }
        pending.incrementAndGet();
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(url)
                .addHeader("Accept", "text/event-stream").addHeader("Cache-Control", "no-cache");
        http.request(options).compose(request -> request.send()).onComplete(ar -> {
            pending.decrementAndGet();
            if (ar.failed() || ar.result().statusCode() != 200) {
                failed.incrementAndGet();
                lastFailure = ar.failed() ? String.valueOf(ar.cause()) : "status " + ar.result().statusCode();
                if (ar.succeeded()) {
                    ar.result().request().reset();
                }
            } else {
                Stream stream = new Stream();
                ar.result().handler(buffer -> stream.feed(buffer.toString(StandardCharsets.UTF_8)));
                ar.result().exceptionHandler(t -> lastFailure = String.valueOf(t));
                connected.incrementAndGet();
            }
            openNext(next);
        });
    }

    /** One client's parser state (touched only by its connection's event loop). */
    private final class Stream {
        private final StringBuilder buffer = new StringBuilder();
        private boolean got;

        void feed(String chunk) {
            buffer.append(chunk.replace("\r\n", "\n"));
            int end;
            while ((end = buffer.indexOf("\n\n")) >= 0) {
                String event = buffer.substring(0, end);
                buffer.delete(0, end + 2);
                handle(event);
            }
        }

        private void handle(String block) {
            String type = "message";
            StringBuilder data = new StringBuilder();
            for (String line : block.split("\n")) {
                if (line.startsWith("event:")) {
                    type = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).trim()).append('\n');
                }
            }
            if (data.length() == 0) {
                return;
            }
            events.increment();
            String issue = expectedIssue;
            if (!got && issue != null && "issue.published".equals(type) && data.indexOf(issue) >= 0) {
                got = true;
                latencies.recordValue(Math.max(1, (System.nanoTime() - publishedAt) / 1000));
                received.incrementAndGet();
            }
        }
    }

    /** Starts the clock: from now on, the event naming this issue counts. */
    public void expect(String issueId, long publishedAtNanos) {
        this.publishedAt = publishedAtNanos;
        this.expectedIssue = issueId;
    }

    public int connected() {
        return connected.get();
    }

    public int failed() {
        return failed.get();
    }

    public int received() {
        return received.get();
    }

    public long events() {
        return events.sum();
    }

    public String lastFailure() {
        return lastFailure;
    }

    /** Per-client delay from publish to the event, in microseconds. */
    public Histogram latencies() {
        return latencies.getIntervalHistogram();
    }

    @Override
    public void close() {
        http.close().toCompletionStage().toCompletableFuture().orTimeout(30, TimeUnit.SECONDS).exceptionally(t -> null).join();
    }
}
