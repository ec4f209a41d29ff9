package org.newsroom.notify;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.newsroom.contracts.EventJson;
import org.newsroom.contracts.issue.IssuePublished;
import org.newsroom.notify.support.Api;
import org.newsroom.notify.support.Issues;
import org.newsroom.notify.support.MailServerResource;
import org.newsroom.stack.test.NewsroomTestResource;
import org.newsroom.stack.test.TestInfrastructure;
import org.newsroom.stack.test.WebhookReceiver;

import com.fasterxml.jackson.databind.JsonNode;
import com.standardwebhooks.Webhook;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Signed webhooks to real HTTP receivers: signature, retries with backoff, 410, and duplicate events. */
@QuarkusTest
@QuarkusTestResource(value = NewsroomTestResource.class, initArgs = @ResourceArg(name = "database", value = "notify"))
@QuarkusTestResource(MailServerResource.class)
class WebhookDeliveryTest {

    private static String section() {
        return "要闻-" + UUID.randomUUID();
    }

    @Test
    void aReceiverGetsASignedAlertThatTheReferenceLibraryVerifies() throws Exception {
        String section = section();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            JsonPath subscription = Api.subscribeWebhook(receiver.url("/hooks/newsroom").toString(), List.of(section));
            assertThat(subscription.getString("status")).isEqualTo("active");
            String secret = subscription.getString("secret");
            String token = subscription.getString("manageToken");
            String id = subscription.getString("id");
            assertThat(secret).startsWith("whsec_");

            IssuePublished issue = Issues.issue(section);
            Issues.publish(issue);

            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.posts().size() == 1);
            WebhookReceiver.Request request = receiver.posts().get(0);
            assertThat(request.header("content-type")).startsWith("application/json");
            HttpHeaders headers = HttpHeaders.of(Map.of(
                    "webhook-id", List.of(request.header("webhook-id")),
                    "webhook-timestamp", List.of(request.header("webhook-timestamp")),
                    "webhook-signature", List.of(request.header("webhook-signature"))), (a, b) -> true);
            assertThatCode(() -> new Webhook(secret).verify(request.body(), headers)).doesNotThrowAnyException();

            JsonNode body = EventJson.mapper().readTree(request.body());
            assertThat(body.get("type").asText()).isEqualTo("issue.published");
            assertThat(body.get("timestamp").asText()).isNotBlank();
            assertThat(body.get("data").get("issueId").asText()).isEqualTo(issue.issueId().toString());
            assertThat(body.get("data").get("masthead").asText()).isEqualTo("徐汇报");
            assertThat(body.get("data").get("teasers").get(0).get("headline").asText()).isEqualTo("徐汇区新增八所“优秀”养老机构");

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                JsonPath log = Api.deliveries(id, token);
                assertThat(log.getList("items")).hasSize(1);
                assertThat(log.getString("items[0].status")).isEqualTo("delivered");
                assertThat(log.getString("items[0].webhookId")).isEqualTo(request.header("webhook-id"));
                assertThat(log.getInt("items[0].attempts[0].httpStatus")).isEqualTo(204);
            });
            JsonPath counts = given().auth().oauth2(TestInfrastructure.get().token("editor", "王编辑"))
                    .when().get("/api/v1/issues/" + issue.issueId() + "/deliveries")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(counts.getInt("delivered")).isEqualTo(1);
            assertThat(counts.getInt("byChannel.webhook.delivered")).isEqualTo(1);
            assertThat(counts.getInt("deliveriesWithRepeatedSuccess")).isZero();
            String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
            assertThat(metrics).contains("newsroom_notify_deliveries_total{channel=\"webhook\",outcome=\"delivered\"}")
                    .contains("newsroom_notify_delivery_latency_seconds_bucket")
                    .contains("newsroom_notify_deliveries_pending");
            Api.delete(id, token);
        }
    }

    @Test
    void failuresAreRetriedWithTheSameWebhookIdUntilExactlyOneSuccess() {
        String section = section();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.answer(500, Map.of()).answer(503, Map.of("Retry-After", "1"));
            JsonPath subscription = Api.subscribeWebhook(receiver.url("/hook").toString(), List.of(section));
            String id = subscription.getString("id");
            String token = subscription.getString("manageToken");

            Issues.publish(Issues.issue(section));

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(Api.deliveries(id, token).getString("items[0].status")).isEqualTo("delivered"));
            List<WebhookReceiver.Request> posts = receiver.posts();
            assertThat(posts).hasSize(3);
            assertThat(posts).extracting(p -> p.header("webhook-id")).containsOnly(posts.get(0).header("webhook-id"));
            assertThat(posts).extracting(WebhookReceiver.Request::body).containsOnly(posts.get(0).body());
            JsonPath log = Api.deliveries(id, token);
            assertThat(log.getList("items[0].attempts.httpStatus")).containsExactly(500, 503, 204);
            assertThat(log.getList("items[0].attempts.outcome")).containsExactly("retry", "retry", "delivered");
            OffsetDateTime finished = OffsetDateTime.parse(log.getString("items[0].attempts[1].finishedAt"));
            OffsetDateTime next = OffsetDateTime.parse(log.getString("items[0].attempts[1].nextAttemptAt"));
            assertThat(Duration.between(finished, next)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));   // Retry-After: 1
            Api.delete(id, token);
        }
    }

    @Test
    void a410DisablesTheSubscription() {
        String section = section();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.answer(410, Map.of());
            JsonPath subscription = Api.subscribeWebhook(receiver.url("/gone").toString(), List.of(section));
            String id = subscription.getString("id");
            String token = subscription.getString("manageToken");

            Issues.publish(Issues.issue(section));

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(Api.subscription(id, token).getString("status")).isEqualTo("disabled"));
            JsonPath log = Api.deliveries(id, token);
            assertThat(log.getString("items[0].status")).isEqualTo("failed");
            assertThat(log.getList("items[0].attempts.outcome")).containsExactly("gone");
            assertThat(receiver.posts()).hasSize(1);
        }
    }

    @Test
    void theSameEventConsumedTwiceMakesOneDeliveryPerSubscription() {
        String section = section();
        try (WebhookReceiver first = new WebhookReceiver(); WebhookReceiver second = new WebhookReceiver()) {
            JsonPath a = Api.subscribeWebhook(first.url("/a").toString(), List.of(section));
            JsonPath b = Api.subscribeWebhook(second.url("/b").toString(), List.of(section));
            IssuePublished issue = Issues.issue(section);
            String eventId = Issues.publish(issue);
            Issues.publish(issue, eventId);                 // the same event again (a redelivery)
            Issues.publish(issue);                          // the same issue under another event id

            String editor = TestInfrastructure.get().token("editor", "王编辑");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonPath counts = given().auth().oauth2(editor)
                        .when().get("/api/v1/issues/" + issue.issueId() + "/deliveries")
                        .then().statusCode(200).extract().jsonPath();
                assertThat(counts.getInt("total")).isEqualTo(2);
                assertThat(counts.getInt("delivered")).isEqualTo(2);
            });
            assertThat(first.posts()).hasSize(1);
            assertThat(second.posts()).hasSize(1);
            assertThat(Api.deliveries(a.getString("id"), a.getString("manageToken")).getList("items")).hasSize(1);
            Api.delete(a.getString("id"), a.getString("manageToken"));
            Api.delete(b.getString("id"), b.getString("manageToken"));
        }
    }

    @Test
    void recordsThatCannotBeFannedOutGoToTheDeadLetterTopicWithTheReasonAndTheNextIssueIsDelivered() {
        String section = section();
        String run = UUID.randomUUID().toString();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            JsonPath subscription = Api.subscribeWebhook(receiver.url("/after-garbage").toString(), List.of(section));
            Issues.publishRaw("garbage-" + run, "{not json".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    "news.issue.published");
            Issues.publishRaw("empty-" + run, "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    "news.issue.published");
            Issues.publishRaw("other-" + run, "{\"x\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    "news.other.type");
            // a valid event the database refuses for good (U+0000 in a section name): set aside without retries
            IssuePublished refused = Issues.issue(section + "\0");
            Issues.publish(refused);
            Issues.publish(Issues.issue(section));

            await().atMost(Duration.ofSeconds(60)).until(() -> receiver.posts().size() == 1);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Issues.deadLetters().stream()
                    .map(r -> r.key()).filter(k -> k != null && (k.endsWith(run) || k.equals(refused.issueId().toString()))))
                    .containsExactlyInAnyOrder("garbage-" + run, "empty-" + run, refused.issueId().toString()));
            Issues.deadLetters().stream().filter(r -> ("garbage-" + run).equals(r.key())).forEach(r ->
                    assertThat(r.headers().lastHeader("dead-letter-reason")).isNotNull());
            given().when().get("/q/health/ready").then().statusCode(200);
            Api.delete(subscription.getString("id"), subscription.getString("manageToken"));
        }
    }

    @Test
    void aFailedDeliveryCanBeRetriedByHand() {
        String section = section();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            for (int i = 0; i < 4; i++) {
                receiver.answer(500, Map.of());
            }
            JsonPath subscription = Api.subscribeWebhook(receiver.url("/flaky").toString(), List.of(section));
            String id = subscription.getString("id");
            String token = subscription.getString("manageToken");
            Issues.publish(Issues.issue(section));
            await().atMost(Duration.ofSeconds(40)).untilAsserted(() ->
                    assertThat(Api.deliveries(id, token).getString("items[0].status")).isEqualTo("failed"));
            String deliveryId = Api.deliveries(id, token).getString("items[0].id");

            given().header("Authorization", "Bearer " + token)
                    .when().post("/api/v1/subscriptions/" + id + "/deliveries/" + deliveryId + "/retry")
                    .then().statusCode(202);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(Api.deliveries(id, token).getString("items[0].status")).isEqualTo("delivered"));
            assertThat(receiver.posts()).hasSize(5);
            given().auth().oauth2(TestInfrastructure.get().token("editor", "王编辑"))
                    .when().post("/api/v1/subscriptions/" + id + "/deliveries/" + deliveryId + "/retry")
                    .then().statusCode(409);
            Api.delete(id, token);
        }
    }
}
