package org.newsroom.bench;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

/**
 * The load generator used when wrk is not installed, and for what wrk cannot do without Lua (bodies, several URLs):
 * a fixed number of connections in a closed loop on Vert.x, latencies in an HdrHistogram.
 */
public final class JavaLoadGenerator implements LoadGenerator {

    @Override
    public String name() {
        return "java closed loop (Vert.x " + Vertx.class.getPackage().getImplementationVersion() + ")";
    }

    @Override
    public boolean supports(LoadSpec spec) {
        return true;
    }

    @Override
    public LoadResult run(LoadSpec spec) {
        Vertx vertx = BenchVertx.get();
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true)
                        .setConnectTimeout(10_000).setPipelining(false),
                new PoolOptions().setHttp1MaxSize(spec.connections()).setMaxWaitQueueSize(-1));
        HttpMethod method = HttpMethod.valueOf(spec.method());
        Recorder recorder = new Recorder(3);
        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        LongAdder errors = new LongAdder();
        LongAdder completed = new LongAdder();
        AtomicLong sequence = new AtomicLong();
        long start = System.nanoTime();
        long measureFrom = start + spec.warmup().toNanos();
        long end = measureFrom + spec.duration().toNanos();
        CountDownLatch done = new CountDownLatch(spec.connections());

        // each anonymous client sends, waits for the answer, then sends the next
        for (int i = 0; i < spec.connections(); i++) {
            new Object() {
                void next() {
                    long now = System.nanoTime();
                    if (now >= end) {
                        done.countDown();
                        return;
                    }
                    String url = spec.urls().get((int) (sequence.getAndIncrement() % spec.urls().size()));
                    RequestOptions options = new RequestOptions().setMethod(method).setAbsoluteURI(url)
                            .setIdleTimeout(60_000);
                    spec.headers().forEach(options::addHeader);
                    long sent = System.nanoTime();
                    client.request(options)
                            .compose(request -> spec.body() == null ? request.send()
                                    : request.send(Buffer.buffer(spec.body())))
                            .compose(response -> response.body().map(ignored -> response.statusCode()))
                            .onComplete(ar -> {
                                long received = System.nanoTime();
                                boolean counted = received >= measureFrom && received < end;
                                if (ar.succeeded()) {
                                    if (counted) {
                                        recorder.recordValue(Math.max(1, (received - sent) / 1000));
                                        statuses.computeIfAbsent(ar.result(), s -> new LongAdder()).increment();
                                        completed.increment();
                                    }
                                    next();
                                } else {
                                    if (counted) {
                                        errors.increment();
                                    }
                                    vertx.setTimer(20, id -> next());
                                }
                            });
                }
            }.next();
        }
        try {
            if (!done.await(spec.warmup().plus(spec.duration()).toSeconds() + 120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("load clients did not finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            Future<Void> closed = client.close();
            closed.toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).exceptionally(t -> null).join();
        }
        Histogram histogram = recorder.getIntervalHistogram();
        Map<Integer, Long> counts = new java.util.TreeMap<>();
        statuses.forEach((k, v) -> counts.put(k, v.sum()));
        return new LoadResult(name(), completed.sum(), spec.duration().toNanos() / 1e9,
                LatencySummary.ofMicros(histogram), counts, errors.sum());
    }
}
