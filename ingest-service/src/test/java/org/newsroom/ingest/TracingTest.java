package org.newsroom.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.newsroom.ingest.Ingest.SUBMISSIONS;
import static org.newsroom.ingest.Ingest.as;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.newsroom.contracts.CloudEventAttributes;
import org.newsroom.stack.test.NewsroomTestResource;

import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * One trace from the reporter's request to the record on {@code newsroom.submissions}: the server span of
 * {@code POST /api/v1/submissions} continues the caller's W3C trace (or starts one), and the record's
 * {@code traceparent} names the Kafka producer span, a child of that server span, exported with it.
 */
@QuarkusTest
@QuarkusTestResource(NewsroomTestResource.class)
@QuarkusTestResource(ArticleServiceStub.class)
class TracingTest {

    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");
    private static final TopicReader topic = TopicReader.submissions();

    @Inject
    InMemorySpanExporter exporter;

    @Test
    void theServerSpanContinuesTheCallersTraceAndTheRecordCarriesItsProducerSpan() {
        String trace = randomHex(16);
        String callerSpan = randomHex(8);

        Traceparent onRecord = submit(as("reporter", Ingest.uniqueReporter("曹香玉"))
                .header("traceparent", "00-" + trace + "-" + callerSpan + "-01"));

        assertThat(onRecord.traceId()).isEqualTo(trace);
        assertThat(onRecord.spanId()).isNotEqualTo(callerSpan);
        assertThat(onRecord.flags()).isEqualTo("01");
        SpanData server = awaitServerAndProducer(onRecord);
        assertThat(server.getParentSpanId()).isEqualTo(callerSpan);
    }

    @Test
    void withoutATraceparentANewTraceIsStartedAndStillCarriedToTheRecord() {
        Traceparent onRecord = submit(as("reporter", Ingest.uniqueReporter("施昱辰")));

        assertThat(onRecord.traceId()).isNotEqualTo("0".repeat(32));
        assertThat(onRecord.flags()).as("a new trace is sampled").isEqualTo("01");
        SpanData server = awaitServerAndProducer(onRecord);
        assertThat(server.getParentSpanId()).isEqualTo(SpanId.getInvalid());
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01"})
    void anInvalidTraceparentStartsANewTrace(String invalid) {
        Traceparent onRecord = submit(as("reporter", Ingest.uniqueReporter("刘坤")).header("traceparent", invalid));

        assertThat(onRecord.traceId()).isNotEqualTo("0".repeat(32)).isNotEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(onRecord.flags()).as("a new trace is sampled").isEqualTo("01");
        SpanData server = awaitServerAndProducer(onRecord);
        assertThat(server.getParentSpanId()).isEqualTo(SpanId.getInvalid());
    }

    /** Posts a story and returns the {@code traceparent} of the one record it produced. */
    private static Traceparent submit(RequestSpecification request) {
        Map<TopicPartition, Long> mark = topic.mark();
        String id = request.contentType(ContentType.JSON).body(Ingest.story("一条追踪"))
                .when().post(SUBMISSIONS)
                .then().statusCode(202).extract().path("id");
        List<ConsumerRecord<String, byte[]>> records = topic.since(mark, id);
        assertThat(records).as("records keyed " + id).hasSize(1);
        String header = CloudEventAttributes.get(records.get(0).headers(), CloudEventAttributes.HEADER_TRACEPARENT);
        assertThat(header).as("traceparent on the record").isNotNull().matches(TRACEPARENT);
        Matcher m = TRACEPARENT.matcher(header);
        assertThat(m.matches()).isTrue();
        return new Traceparent(m.group(1), m.group(2), m.group(3));
    }

    /**
     * Waits until the spans of the record's trace are exported: the record's span is a Kafka producer span whose
     * parent is the server span of {@code POST /api/v1/submissions}; returns that server span.
     */
    private SpanData awaitServerAndProducer(Traceparent onRecord) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<SpanData> trace = exporter.getFinishedSpanItems().stream()
                    .filter(s -> s.getTraceId().equals(onRecord.traceId())).toList();
            SpanData producer = trace.stream().filter(s -> s.getSpanId().equals(onRecord.spanId())).findFirst()
                    .orElse(null);
            if (producer == null) {
                return null;
            }
            assertThat(producer.getKind()).as(producer.toString()).isEqualTo(SpanKind.PRODUCER);
            SpanData server = trace.stream().filter(s -> s.getSpanId().equals(producer.getParentSpanId()))
                    .findFirst().orElse(null);
            if (server != null) {
                assertThat(server.getKind()).as(server.toString()).isEqualTo(SpanKind.SERVER);
                assertThat(server.getName()).isEqualTo("POST " + SUBMISSIONS);
            }
            return server;
        }, server -> server != null);
    }

    private static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        do {
            ThreadLocalRandom.current().nextBytes(b);
        } while (b[0] == 0);
        return HexFormat.of().formatHex(b);
    }

    private record Traceparent(String traceId, String spanId, String flags) {
    }
}
