package org.newsroom.notify;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.newsroom.contracts.EventJson;
import org.newsroom.contracts.issue.IssuePublished;
import org.newsroom.notify.support.Issues;
import org.newsroom.notify.support.MailServerResource;
import org.newsroom.stack.test.NewsroomTestResource;
import org.newsroom.stack.test.TestInfrastructure;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** The live stream over a real HTTP connection: an alert arrives, and a reconnect with Last-Event-ID replays the rest. */
@QuarkusTest
@QuarkusTestResource(value = NewsroomTestResource.class, initArgs = @ResourceArg(name = "database", value = "notify"))
@QuarkusTestResource(MailServerResource.class)
class AlertStreamTest {

    @TestHTTPResource("/api/v1/alerts/stream")
    URI stream;

    /** One parsed SSE event. */
    record Event(String id, String name, String data) {
    }

    /** A stream client reading lines on its own thread. */
    static final class Client implements AutoCloseable {
        final HttpResponse<InputStream> response;
        final List<String> lines = new CopyOnWriteArrayList<>();
        final Thread reader;

        Client(URI uri, String lastEventId) throws Exception {
            this(uri, lastEventId, null);
        }

        /** @param forwardedFor the client address sent in X-Forwarded-For (read only where that header is trusted) */
        Client(URI uri, String lastEventId, String forwardedFor) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            if (forwardedFor != null) {
                request.header("X-Forwarded-For", forwardedFor);
            }
            response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        lines.add(line);
                    }
                } catch (Exception ignored) {
                    // closed by the test
                }
            }, "sse-test-reader");
            reader.setDaemon(true);
            reader.start();
        }

        List<Event> events() {
            List<Event> events = new ArrayList<>();
            String id = null;
            String name = null;
            StringBuilder data = null;
            for (String line : new ArrayList<>(lines)) {
                if (line.isEmpty()) {
                    if (data != null) {
                        events.add(new Event(id, name, data.toString()));
                    }
                    id = null;
                    name = null;
                    data = null;
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data = (data == null ? new StringBuilder() : data.append('\n')).append(line.substring(5).trim());
                }
            }
            return events;
        }

        Event eventOf(IssuePublished issue) {
            return events().stream().filter(e -> e.data().contains(issue.issueId().toString())).findFirst().orElse(null);
        }

        @Override
        public void close() throws Exception {
            response.body().close();
        }
    }

    @Test
    void clientsGetAlertsLiveAndReplayWhatTheyMissed() throws Exception {
        String section = "直播-" + UUID.randomUUID();
        IssuePublished first = Issues.issue(section);
        IssuePublished second = Issues.issue(section);
        IssuePublished third = Issues.issue(section);
        String firstId;
        try (Client client = new Client(stream, null)) {
            assertThat(client.response.statusCode()).isEqualTo(200);
            assertThat(client.response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
            await().atMost(Duration.ofSeconds(10)).until(() -> client.lines.contains(": connected"));
            Issues.publish(first);
            await().atMost(Duration.ofSeconds(30)).until(() -> client.eventOf(first) != null);
            Event event = client.eventOf(first);
            assertThat(event.name()).isEqualTo("issue.published");
            assertThat(Long.parseLong(event.id())).isPositive();
            var payload = EventJson.mapper().readTree(event.data());
            assertThat(payload.get("type").asText()).isEqualTo("issue.published");
            assertThat(payload.get("data").get("masthead").asText()).isEqualTo("徐汇报");
            firstId = event.id();
            await().atMost(Duration.ofSeconds(10)).until(() -> client.lines.contains(": keepalive"));
            assertThat(client.lines).noneMatch(line -> line.startsWith("content-type"));
        }

        Issues.publish(second);
        Issues.publish(third);
        String editor = TestInfrastructure.get().token("editor", "王编辑");
        for (IssuePublished issue : List.of(second, third)) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(editor)
                    .when().get("/api/v1/issues/" + issue.issueId() + "/deliveries").then().statusCode(200));
        }

        try (Client again = new Client(stream, firstId)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> again.eventOf(second) != null && again.eventOf(third) != null);
            assertThat(again.eventOf(first)).isNull();
            long secondSeq = Long.parseLong(again.eventOf(second).id());
            long thirdSeq = Long.parseLong(again.eventOf(third).id());
            assertThat(secondSeq).isGreaterThan(Long.parseLong(firstId));
            assertThat(thirdSeq).isGreaterThan(secondSeq);
            List<Long> ids = again.events().stream().map(e -> Long.parseLong(e.id())).toList();
            assertThat(ids).isSorted().doesNotHaveDuplicates();
        }
    }

    @Test
    void aMalformedLastEventIdIsAProblem() {
        given().header("Last-Event-ID", "abc").when().get("/api/v1/alerts/stream")
                .then().statusCode(400).body("status", equalTo(400));
    }
}
