package org.newsroom.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsroom.ingest.Ingest.SUBMISSIONS;
import static org.newsroom.ingest.Ingest.as;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.newsroom.contracts.CloudEventAttributes;
import org.newsroom.contracts.EventTypes;
import org.newsroom.stack.test.NewsroomTestResource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** The four stories of the real front page go through ingest unchanged, character for character. */
@QuarkusTest
@QuarkusTestResource(NewsroomTestResource.class)
@QuarkusTestResource(ArticleServiceStub.class)
class SeedStoriesTest {

    private static final TopicReader topic = TopicReader.submissions();

    @Test
    void eachSeedStoryIsAcceptedAndPublishedWithItsFieldsExactlyAsSubmitted() {
        String reporter = Ingest.uniqueReporter("曹香玉");
        for (Path seed : Ingest.seedArticles()) {
            byte[] body = Ingest.read(seed);
            Map<TopicPartition, Long> mark = topic.mark();

            Response response = as("reporter", reporter)
                    .contentType(ContentType.JSON).body(body)
                    .when().post(SUBMISSIONS);

            assertThat(response.statusCode()).as(seed + ": " + response.asString()).isEqualTo(202);
            String id = response.jsonPath().getString("id");
            assertThat(response.jsonPath().getInt("revision")).isEqualTo(1);
            assertThat(response.jsonPath().getString("status")).isEqualTo("submitted");
            String receivedAt = response.jsonPath().getString("receivedAt");
            assertThat(response.header("Location")).endsWith("/api/v1/articles/" + id);
            assertThat(java.util.UUID.fromString(id).version()).isEqualTo(7);

            List<ConsumerRecord<String, byte[]>> records = topic.since(mark, id);
            assertThat(records).as("records keyed " + id).hasSize(1);
            ConsumerRecord<String, byte[]> record = records.get(0);

            CloudEventAttributes ce = CloudEventAttributes.readFrom(record.headers());
            assertThat(ce.type()).isEqualTo(EventTypes.ARTICLE_SUBMITTED);
            assertThat(ce.source()).isEqualTo("/ingest-service");
            assertThat(ce.subject()).isEqualTo(id);
            assertThat(ce.id()).isNotBlank().isNotEqualTo(id);
            assertThat(ce.time().isEqual(OffsetDateTime.parse(receivedAt))).isTrue();
            assertThat(header(record, "ce_time")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d.*");
            assertThat(header(record, "content-type")).isEqualTo("application/json");
            assertThat(header(record, "traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

            ObjectNode expected = withoutNulls(Ingest.tree(body));
            expected.put("id", id);
            expected.put("revision", 1);
            expected.put("submittedBy", reporter);
            expected.put("receivedAt", receivedAt);
            expected.put("format", "json");
            assertThat(Ingest.tree(record.value())).as(seed.getFileName().toString()).isEqualTo(expected);
        }
    }

    @Test
    void aTraceparentFromTheCallerIsContinuedOnTheRecord() {
        String trace = "4bf92f3577b34da6a3ce929d0e0e4736";
        Map<TopicPartition, Long> mark = topic.mark();

        String id = as("editor", Ingest.uniqueReporter("王编辑"))
                .contentType(ContentType.JSON).header("traceparent", "00-" + trace + "-00f067aa0ba902b7-01")
                .body(Ingest.story("编辑也可以投稿"))
                .when().post(SUBMISSIONS)
                .then().statusCode(202).extract().path("id");

        ConsumerRecord<String, byte[]> record = topic.since(mark, id).get(0);
        assertThat(header(record, "traceparent")).startsWith("00-" + trace + "-").doesNotContain("00f067aa0ba902b7");
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static ObjectNode withoutNulls(JsonNode node) {
        ObjectNode copy = ((ObjectNode) node).deepCopy();
        for (Iterator<Map.Entry<String, JsonNode>> fields = copy.fields(); fields.hasNext(); ) {
            if (fields.next().getValue().isNull()) {
                fields.remove();
            }
        }
        return copy;
    }
}
