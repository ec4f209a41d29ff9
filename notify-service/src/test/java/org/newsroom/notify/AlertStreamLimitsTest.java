package org.newsroom.notify;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.newsroom.contracts.issue.IssuePublished;
import org.newsroom.notify.AlertStreamTest.Client;
import org.newsroom.notify.support.Issues;
import org.newsroom.notify.support.MailServerResource;
import org.newsroom.stack.test.NewsroomTestResource;
import org.newsroom.stack.test.TestInfrastructure;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The live stream's caps over real HTTP connections: per client address (429) and per instance (503), both with
 * Retry-After, and a replay from {@code Last-Event-ID: 0} that returns at most {@code replay-limit} alerts (the client
 * resumes from the last one by reconnecting).
 */
@QuarkusTest
@TestProfile(AlertStreamLimitsTest.SmallCaps.class)
@QuarkusTestResource(value = NewsroomTestResource.class, initArgs = @ResourceArg(name = "database", value = "notify"))
@QuarkusTestResource(MailServerResource.class)
class AlertStreamLimitsTest {

    static final int PER_ADDRESS = 2;
    static final int PER_INSTANCE = 4;
    static final int REPLAY_LIMIT = 3;

    /** Small caps, and the client address from a trusted X-Forwarded-For so that the test can be several clients. */
    public static class SmallCaps implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("newsroom.alerts.max-clients", Integer.toString(PER_INSTANCE),
                    "newsroom.alerts.max-clients-per-address", Integer.toString(PER_ADDRESS),
                    "newsroom.alerts.replay-limit", Integer.toString(REPLAY_LIMIT),
                    "newsroom.notify.abuse.client-address-header", "X-Forwarded-For");
        }
    }

    @TestHTTPResource("/api/v1/alerts/stream")
    URI stream;

    private static String address() {
        return "2001:db8:5e:" + Integer.toHexString(new java.util.Random().nextInt(0x10000)) + "::1";
    }

    /** A connected client of {@code address}, waiting while earlier tests' connections are still being released. */
    private Client connected(String lastEventId, String address) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> {
            Client client = new Client(stream, lastEventId, address);
            if (client.response.statusCode() == 200) {
                return client;
            }
            client.close();
            return null;
        }, java.util.Objects::nonNull);
    }

    @Test
    void connectionsBeyondTheCapsAreRefusedWithRetryAfter() throws Exception {
        List<Client> open = new ArrayList<>();
        try {
            String first = address();
            for (int i = 0; i < PER_ADDRESS; i++) {
                open.add(connected(null, first));
            }
            for (Client client : open) {
                await().atMost(Duration.ofSeconds(10)).until(() -> client.lines.contains(": connected"));
            }
            try (Client refused = new Client(stream, null, first)) {
                assertThat(refused.response.statusCode()).isEqualTo(429);
                assertThat(refused.response.headers().firstValue("Retry-After")).hasValueSatisfying(
                        value -> assertThat(Integer.parseInt(value)).isPositive());
                assertThat(refused.response.headers().firstValue("Content-Type").orElse(""))
                        .startsWith("application/problem+json");
            }
            while (open.size() < PER_INSTANCE) {
                open.add(connected(null, address()));   // other clients fill the instance
            }
            try (Client refused = new Client(stream, null, address())) {
                assertThat(refused.response.statusCode()).isEqualTo(503);
                assertThat(refused.response.headers().firstValue("Retry-After")).isPresent();
                assertThat(refused.response.headers().firstValue("Content-Type").orElse(""))
                        .startsWith("application/problem+json");
            }
            open.remove(0).close();
            // the slot comes back once the server has seen the connection end
            open.add(connected(null, first));
        } finally {
            for (Client client : open) {
                client.close();
            }
        }
    }

    @Test
    void aReplayFromLastEventIdZeroReturnsAtMostTheReplayLimitAndTheClientResumesFromItsLastId() throws Exception {
        String section = "回放-" + UUID.randomUUID();
        String editor = TestInfrastructure.get().token("editor", "王编辑");
        for (int i = 0; i <= REPLAY_LIMIT; i++) {
            IssuePublished issue = Issues.issue(section);
            Issues.publish(issue);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(editor)
                    .when().get("/api/v1/issues/" + issue.issueId() + "/deliveries").then().statusCode(200));
        }
        String client = address();
        List<Long> firstIds;
        try (Client replay = connected("0", client)) {
            // more alerts than one replay holds: the stream ends after REPLAY_LIMIT of them
            await().atMost(Duration.ofSeconds(20)).until(() -> !replay.reader.isAlive());
            firstIds = replay.events().stream().map(e -> Long.parseLong(e.id())).toList();
        }
        assertThat(firstIds).hasSize(REPLAY_LIMIT).isSorted().doesNotHaveDuplicates();
        try (Client resumed = connected(Long.toString(firstIds.get(REPLAY_LIMIT - 1)), client)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> !resumed.events().isEmpty());
            List<Long> next = resumed.events().stream().map(e -> Long.parseLong(e.id())).toList();
            assertThat(next).hasSizeLessThanOrEqualTo(REPLAY_LIMIT).allMatch(id -> id > firstIds.get(REPLAY_LIMIT - 1));
        }
    }
}
