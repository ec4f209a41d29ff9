package org.newsroom.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.newsroom.stack.LocalStack;
import org.newsroom.stack.PostgresServer;
import org.newsroom.stack.ServiceProcess;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** article-service is killed (SIGKILL) while it consumes a stream of submissions: after a restart nothing is lost or doubled. */
class ArticleServiceCrashIT {

    private static final int SUBMISSIONS = 300;

    @Test
    void killedMidStreamLosesNothingAndDuplicatesNothing() throws Exception {
        LocalStack stack = E2eStack.get();
        String reporter = "crash-" + System.nanoTime();
        String token = E2eStack.token("reporter", reporter);
        String ingest = stack.service(LocalStack.INGEST).url();
        ServiceProcess articleService = stack.service(LocalStack.ARTICLE);

        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger sent = new AtomicInteger();
        ExecutorService reporters = Executors.newFixedThreadPool(4);
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            workers.add(reporters.submit(() -> {
                int n;
                while ((n = sent.incrementAndGet()) <= SUBMISSIONS) {
                    Response response = given().baseUri(ingest).auth().oauth2(token).contentType(ContentType.JSON)
                            .body(story(n)).post("/api/v1/submissions");
                    if (response.statusCode() == 202) {
                        acknowledged.add(response.jsonPath().getString("id"));
                    }
                }
                return null;
            }));
        }
        try {
            await().atMost(Duration.ofSeconds(120)).until(() -> acknowledged.size() >= SUBMISSIONS / 5);
            articleService.kill();
            await().atMost(Duration.ofSeconds(120)).until(() -> acknowledged.size() >= SUBMISSIONS / 2);
            articleService.start();
            articleService.awaitReady(Duration.ofSeconds(120));
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            reporters.shutdownNow();
            if (!articleService.isAlive()) {
                articleService.start().awaitReady(Duration.ofSeconds(120));
            }
        }
        assertThat(acknowledged).hasSize(SUBMISSIONS);

        String url = stack.postgres().jdbcUrl(LocalStack.ARTICLE_DATABASE);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> count(url, "select count(*) from article where submitted_by = ?", reporter) == SUBMISSIONS);
        assertThat(count(url, "select count(*) from article where submitted_by = ?", reporter)).isEqualTo(SUBMISSIONS);
        assertThat(count(url, "select count(*) from article_revision r join article a on a.id = r.article_id"
                + " where a.submitted_by = ?", reporter)).as("one revision per submission").isEqualTo(SUBMISSIONS);
        for (String id : acknowledged) {
            assertThat(count(url, "select count(*) from article where id = ?::uuid and submitted_by = ?", id, reporter))
                    .as("acknowledged article " + id).isEqualTo(1);
        }
    }

    private static String story(int n) {
        return """
                {"headline": "徐汇区第%d条新闻", "section": "要闻",
                 "body": [{"type": "paragraph", "text": "记者在徐汇报道第%d条消息，AI 与 5G 同行。"}]}
                """.formatted(n, n);
    }

    private static long count(String url, String sql, String... parameters) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD);
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
