package org.newsroom.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.newsroom.contracts.Topics;
import org.newsroom.notify.support.Api;
import org.newsroom.notify.support.Issues;
import org.newsroom.notify.support.MailServerResource;
import org.newsroom.stack.test.NewsroomTestResource;
import org.newsroom.stack.test.WebhookReceiver;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * One trace from the newsroom.issues record to the subscriber's webhook: the record's {@code traceparent} is
 * continued by the consumer, the fan-out, the newsroom.deliveries records and each delivery's POST, also when the
 * delivery is retried from the database.
 */
@QuarkusTest
@QuarkusTestResource(value = NewsroomTestResource.class, initArgs = @ResourceArg(name = "database", value = "notify"))
@QuarkusTestResource(MailServerResource.class)
class IssueTraceTest {

    @Inject
    InMemorySpanExporter spans;

    @Test
    void theWebhookPostCarriesTheTraceOfTheIssueRecordAndTheConsumerAndDeliverySpansAreExported() {
        String section = "要闻-" + UUID.randomUUID();
        String traceId = hex(16);
        String publisherSpanId = hex(8);
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            JsonPath subscription = Api.subscribeWebhook(receiver.url("/traced").toString(), List.of(section));
            Issues.publishTraced(Issues.issue(section), "00-" + traceId + "-" + publisherSpanId + "-01");

            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.posts().size() == 1);
            String traceparent = receiver.posts().get(0).header("traceparent");
            assertThat(traceparent).matches("00-" + traceId + "-[0-9a-f]{16}-01");
            String postSpanId = traceparent.split("-")[2];
            assertThat(postSpanId).isNotEqualTo(publisherSpanId);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                List<SpanData> trace = trace(traceId);
                SpanData issueConsumer = one(trace, SpanKind.CONSUMER, Topics.ISSUES);
                assertThat(issueConsumer.getParentSpanId()).isEqualTo(publisherSpanId);
                SpanData producer = one(trace, SpanKind.PRODUCER, Topics.DELIVERIES);
                assertThat(producer.getParentSpanId()).isEqualTo(issueConsumer.getSpanId());
                SpanData deliveryConsumer = one(trace, SpanKind.CONSUMER, Topics.DELIVERIES);
                assertThat(deliveryConsumer.getParentSpanId()).isEqualTo(producer.getSpanId());
                SpanData delivery = one(trace, SpanKind.INTERNAL, "notify delivery webhook");
                assertThat(delivery.getParentSpanId()).isEqualTo(deliveryConsumer.getSpanId());
                SpanData post = one(trace, SpanKind.CLIENT, "POST");
                assertThat(post.getSpanId()).isEqualTo(postSpanId);
                assertThat(post.getParentSpanId()).isEqualTo(delivery.getSpanId());
            });
            Api.delete(subscription.getString("id"), subscription.getString("manageToken"));
        }
    }

    @Test
    void aRetryFromTheDatabaseContinuesTheTraceOfTheIssue() {
        String section = "要闻-" + UUID.randomUUID();
        String traceId = hex(16);
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.answer(500, Map.of());
            JsonPath subscription = Api.subscribeWebhook(receiver.url("/traced-retry").toString(), List.of(section));
            Issues.publishTraced(Issues.issue(section), "00-" + traceId + "-" + hex(8) + "-01");

            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.posts().size() == 2);
            assertThat(receiver.posts()).extracting(p -> p.header("traceparent"))
                    .allSatisfy(traceparent -> assertThat(traceparent).matches("00-" + traceId + "-[0-9a-f]{16}-01"))
                    .doesNotHaveDuplicates();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(trace(traceId)).filteredOn(s -> s.getName().equals("notify delivery webhook")).hasSize(2));
            Api.delete(subscription.getString("id"), subscription.getString("manageToken"));
        }
    }

    private List<SpanData> trace(String traceId) {
        return spans.getFinishedSpanItems().stream().filter(s -> s.getTraceId().equals(traceId)).toList();
    }

    private static SpanData one(List<SpanData> trace, SpanKind kind, String nameContains) {
        List<SpanData> found = trace.stream().filter(s -> s.getKind() == kind && s.getName().contains(nameContains))
                .toList();
        assertThat(found).as("%s span named *%s* among %s", kind, nameContains,
                trace.stream().map(s -> s.getKind() + " " + s.getName()).toList()).hasSize(1);
        return found.get(0);
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        random[0] |= 1;     // never all zero (an invalid id)
        return HexFormat.of().formatHex(random);
    }
}
