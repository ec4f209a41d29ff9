package org.newsroom.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.newsroom.contracts.CloudEventAttributes;
import org.newsroom.contracts.EventJson;
import org.newsroom.contracts.EventTypes;
import org.newsroom.contracts.Ids;
import org.newsroom.contracts.Topics;
import org.newsroom.contracts.issue.IssuePublished;
import org.newsroom.stack.LocalStack;
import org.newsroom.stack.ServiceProcess;
import org.newsroom.stack.test.WebhookReceiver;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * notify-service is killed (SIGKILL) in the middle of fanning one issue out to 1,000 webhook subscriptions: after the
 * restart every subscription has exactly one successful delivery.
 */
class NotifyFanoutCrashIT {

    private static final int SUBSCRIPTIONS = 1000;

    @Test
    void killedDuringFanOutEverySubscriberGetsExactlyOneSuccessfulDelivery() throws Exception {
        LocalStack stack = E2eStack.get();
        ServiceProcess notify = stack.service(LocalStack.NOTIFY);
        String run = UUID.randomUUID().toString().substring(0, 8);
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Map<String, String> subscriptions = subscribe(notify.url(), receiver, run);

            UUID issueId = Ids.newV7();
            publish(stack.kafkaBootstrapServers(), issueId);
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20)).until(() -> receiver.postCount() >= 50);
            notify.kill();
            int seenAtKill = receiver.postCount();
            notify.start().awaitReady(Duration.ofSeconds(120));

            // Other tests' subscriptions may share this stack, so the audit goes subscription by subscription.
            String editor = E2eStack.token("editor", "王编辑");
            await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                Response counts = given().baseUri(notify.url()).auth().oauth2(editor)
                        .get("/api/v1/issues/" + issueId + "/deliveries");
                return counts.statusCode() == 200 && counts.jsonPath().getInt("delivered") >= SUBSCRIPTIONS;
            });
            Response counts = given().baseUri(notify.url()).auth().oauth2(editor).get("/api/v1/issues/" + issueId + "/deliveries");
            assertThat(counts.jsonPath().getInt("deliveriesWithRepeatedSuccess")).isZero();
            for (Map.Entry<String, String> subscription : subscriptions.entrySet()) {
                Response log = given().baseUri(notify.url()).auth().oauth2(subscription.getValue())
                        .get("/api/v1/subscriptions/" + subscription.getKey() + "/deliveries");
                assertThat(log.statusCode()).isEqualTo(200);
                List<Map<String, Object>> forIssue = log.jsonPath().getList("items.findAll { it.issueId == '" + issueId + "' }");
                assertThat(forIssue).as("deliveries of subscription " + subscription.getKey()).hasSize(1);
                assertThat(forIssue.get(0).get("status")).isEqualTo("delivered");
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> attempts = (List<Map<String, Object>>) forIssue.get(0).get("attempts");
                assertThat(attempts.stream().filter(a -> "delivered".equals(a.get("outcome"))).count())
                        .as("successful attempts of subscription " + subscription.getKey()).isEqualTo(1);
            }

            List<String> mine = receiver.postsByPath().keySet().stream().filter(p -> p.contains(run)).toList();
            assertThat(mine).as("every subscriber's endpoint was called").hasSize(SUBSCRIPTIONS);
            long repeated = receiver.postsByPath().entrySet().stream()
                    .filter(e -> e.getKey().contains(run) && e.getValue() > 1).count();
            // A receiver may see a delivery twice only when the crash fell between its 2xx and the service recording
            // it: at most the deliveries in flight at the kill (max concurrency 32).
            assertThat(repeated).as("endpoints called twice (in flight at the kill; %d POSTs seen before it)", seenAtKill)
                    .isLessThanOrEqualTo(32);
        }
    }

    /**
     * Subscription id → manage token of 1,000 active webhook subscriptions on the receiver. The POST answers
     * {@code pending} at once (intent verification runs in notify-service's background workers); the subscriptions are
     * then awaited until every one is {@code active}.
     */
    private static Map<String, String> subscribe(String notifyUrl, WebhookReceiver receiver, String run) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        Map<String, String> manageTokens = new java.util.concurrent.ConcurrentHashMap<>();
        try {
            List<Future<Object>> calls = IntStream.range(0, SUBSCRIPTIONS).mapToObj(n -> pool.<Object>submit(() -> {
                Response response = given().baseUri(notifyUrl).contentType(ContentType.JSON)
                        .body(Map.of("channel", "webhook", "endpoint", receiver.url("/hook/" + run + "/" + n).toString(),
                                "sections", List.of()))
                        .post("/api/v1/subscriptions");
                assertThat(response.statusCode()).as(response.asString()).isEqualTo(202);
                manageTokens.put(response.jsonPath().getString("id"), response.jsonPath().getString("manageToken"));
                return null;
            })).toList();
            for (Future<Object> call : calls) {
                call.get();
            }
        } finally {
            pool.shutdown();
            pool.awaitTermination(30, TimeUnit.SECONDS);
        }
        assertThat(manageTokens).hasSize(SUBSCRIPTIONS);
        java.util.Set<String> notYetActive = java.util.concurrent.ConcurrentHashMap.newKeySet();
        notYetActive.addAll(manageTokens.keySet());
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            notYetActive.removeIf(id -> "active".equals(given().baseUri(notifyUrl).auth().oauth2(manageTokens.get(id))
                    .get("/api/v1/subscriptions/" + id).jsonPath().getString("status")));
            return notYetActive.isEmpty();
        });
        return manageTokens;
    }

    private static void publish(String bootstrap, UUID issueId) throws Exception {
        IssuePublished event = new IssuePublished(issueId, "徐汇报", (int) (System.nanoTime() % 1_000_000),
                LocalDate.now(), OffsetDateTime.now(), "内部资料 免费交流", "http://127.0.0.1/api/v1/issues/" + issueId,
                List.of(new IssuePublished.Page(1, "要闻")),
                List.of(new IssuePublished.Article(Ids.newV7(), "全球人工智能领域专家学者聚在徐汇", 1, "要闻",
                        "http://127.0.0.1/api/v1/articles/x")),
                List.of(new IssuePublished.Teaser("使居民身心更健康", "徐汇区新增八所“优秀”养老机构", 7)));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap,
                "acks", "all", "enable.idempotence", "true"), new StringSerializer(), new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.ISSUES, issueId.toString(), EventJson.write(event));
            new CloudEventAttributes(Ids.newV7().toString(), "/e2e-tests", EventTypes.ISSUE_PUBLISHED, OffsetDateTime.now(),
                    issueId.toString()).writeTo(record.headers());
            producer.send(record).get(30, TimeUnit.SECONDS);
        }
    }
}
