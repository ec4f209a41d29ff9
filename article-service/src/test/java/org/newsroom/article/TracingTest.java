package org.newsroom.article;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.newsroom.article.support.Articles;
import org.newsroom.article.support.Issues;
import org.newsroom.article.support.Staff;
import org.newsroom.article.support.TestKafka;
import org.newsroom.contracts.CloudEventAttributes;
import org.newsroom.contracts.Ids;
import org.newsroom.contracts.article.Distribution;
import org.newsroom.stack.test.NewsroomTestResource;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * One trace per story and per issue across Kafka: a submission is stored in the trace its record's
 * {@code traceparent} names (ingest's request), and an issue's announcement on newsroom.issues carries the trace of
 * the editor's publishing request, although the outbox relay sends it later from another thread.
 */
@QuarkusTest
@QuarkusTestResource(value = NewsroomTestResource.class, initArgs = @ResourceArg(name = "database", value = "articles"))
class TracingTest {

    @Inject
    InMemorySpanExporter spans;

    @Test
    void aSubmissionIsStoredInTheTraceOfItsRecord() {
        String traceId = hex(32);
        String parentSpanId = hex(16);
        UUID id = Ids.newV7();
        ProducerRecord<byte[], byte[]> record = TestKafka.record(UUID.randomUUID().toString(), id,
                Articles.story("追踪一篇稿件", "要闻", Distribution.PUBLIC), 1, Staff.newReporter());
        record.headers().remove(CloudEventAttributes.HEADER_TRACEPARENT);
        record.headers().add(CloudEventAttributes.HEADER_TRACEPARENT,
                ("00-" + traceId + "-" + parentSpanId + "-01").getBytes(StandardCharsets.UTF_8));
        TestKafka.sendRecord(record);
        Articles.awaitRevision(id, 1);

        SpanData store = await().atMost(Duration.ofSeconds(30)).until(() -> spans.getFinishedSpanItems().stream()
                .filter(span -> id.toString().equals(span.getAttributes().get(
                        io.opentelemetry.api.common.AttributeKey.stringKey("newsroom.article.id"))))
                .findFirst().orElse(null), span -> span != null);
        assertThat(store.getTraceId()).isEqualTo(traceId);
        assertThat(store.getParentSpanId()).isEqualTo(parentSpanId);
        assertThat(store.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(store.getName()).isEqualTo("newsroom.submissions store");
    }

    @Test
    void anIssuesAnnouncementCarriesTheTraceOfThePublishingRequest() {
        UUID article = Articles.approved(Articles.story("追踪一期报纸", "要闻", Distribution.PUBLIC), Staff.newReporter());
        UUID issueId = Issues.create(Issues.issue("测试报", Issues.newNumber(),
                List.of(Issues.page(1, "要闻", article)), List.of()));
        String traceId = hex(32);
        given().auth().oauth2(Staff.editor()).header("traceparent", "00-" + traceId + "-" + hex(16) + "-01")
                .post("/api/v1/issues/{id}/publish", issueId).then().statusCode(200);

        ConsumerRecord<byte[], byte[]> announcement = await().atMost(Duration.ofSeconds(30))
                .until(() -> Issues.events(issueId), events -> !events.isEmpty()).get(0);
        String traceparent = TestKafka.header(announcement, CloudEventAttributes.HEADER_TRACEPARENT);
        assertThat(traceparent).as("traceparent of the announcement").startsWith("00-" + traceId + "-");
        // the relay's producer span is in that trace and is the announcement's parent
        String producerSpanId = traceparent.split("-")[2];
        await().atMost(Duration.ofSeconds(30)).until(() -> spans.getFinishedSpanItems().stream()
                .anyMatch(span -> span.getTraceId().equals(traceId) && span.getSpanId().equals(producerSpanId)
                        && span.getKind() == SpanKind.PRODUCER));
        // and so is the editor's request
        assertThat(spans.getFinishedSpanItems()).anyMatch(span -> span.getTraceId().equals(traceId)
                && span.getKind() == SpanKind.SERVER);
    }

    private static String hex(int digits) {
        String random = UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
        return random.substring(0, digits);
    }
}
