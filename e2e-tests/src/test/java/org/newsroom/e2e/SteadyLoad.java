package org.newsroom.e2e;

import static io.restassured.RestAssured.given;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * A steady stream of submissions at a fixed rate, remembering every id that ingest-service acknowledged with 202
 * (the audit compares them with what article-service stored). Refusals (503 while Kafka is down) are counted, not
 * retried: they were never acknowledged.
 */
final class SteadyLoad implements AutoCloseable {

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(4);
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final AtomicInteger sequence = new AtomicInteger();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong serverErrors = new AtomicLong();
    private final String ingestUrl;
    private final String token;

    SteadyLoad(String ingestUrl, String token, int perSecond) {
        this.ingestUrl = ingestUrl;
        this.token = token;
        long periodMicros = 1_000_000L / perSecond;
        scheduler.scheduleAtFixedRate(this::submitOne, 0, periodMicros, TimeUnit.MICROSECONDS);
    }

    private void submitOne() {
        int n = sequence.incrementAndGet();
        try {
            Response response = given().baseUri(ingestUrl).auth().oauth2(token).contentType(ContentType.JSON)
                    .body("""
                            {"headline": "故障演练第%d条", "section": "要闻",
                             "body": [{"type": "paragraph", "text": "第%d条：徐汇区 AI 与 5G 报道，记者实时跟进。"}]}
                            """.formatted(n, n))
                    .post("/api/v1/submissions");
            if (response.statusCode() == 202) {
                acknowledged.add(response.jsonPath().getString("id"));
            } else if (response.statusCode() >= 500 && response.statusCode() != 503) {
                serverErrors.incrementAndGet();
            } else {
                refused.incrementAndGet();
            }
        } catch (RuntimeException e) {
            refused.incrementAndGet();
        }
    }

    Set<String> acknowledged() {
        return acknowledged;
    }

    int acknowledgedCount() {
        return acknowledged.size();
    }

    long refused() {
        return refused.get();
    }

    long serverErrors() {
        return serverErrors.get();
    }

    @Override
    public void close() throws InterruptedException {
        scheduler.shutdown();
        scheduler.awaitTermination(60, TimeUnit.SECONDS);
    }
}
