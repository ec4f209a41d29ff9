package org.newsroom.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsroom.ingest.Ingest.SUBMISSIONS;
import static org.newsroom.ingest.Ingest.as;
import static org.newsroom.ingest.Ingest.utf8;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.newsroom.contracts.Topics;
import org.newsroom.contracts.article.Storable;
import org.newsroom.stack.test.NewsroomTestResource;
import org.newsroom.stack.test.TestInfrastructure;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.restassured.response.Response;

/**
 * Issue 9: whatever ingest acknowledges, article-service can store. Items 1 (characters PostgreSQL refuses), 2
 * (lengths and ranges the schema holds), 4 (records too large for Kafka) and 9 (contract points), each refused up
 * front with a problem naming the field, nothing published; the next normal story still goes through.
 */
@QuarkusTest
@QuarkusTestResource(NewsroomTestResource.class)
@QuarkusTestResource(ArticleServiceStub.class)
class StorableSubmissionTest {

    private static final String JSON = "application/json";
    private static final String MARKDOWN = "text/markdown";
    private static final String NINJS = "application/ninjs+json";
    private static final String BODY = "\"body\": [{\"type\": \"paragraph\", \"text\": \"正文\"}]";
    private static final String NINJS_BODY = "\"headlines\": [{\"role\": \"main\", \"value\": \"甲\"}], "
            + "\"bodies\": [{\"contentType\": \"text/plain\", \"value\": \"正文\"}]";

    private static final TopicReader topic = TopicReader.submissions();

    @Inject
    KafkaClientService kafka;

    record Case(String name, String contentType, String body, int status, String field) {
        @Override
        public String toString() {
            return name + " -> " + status + " " + field;
        }
    }

    static Stream<Case> unstorableCharacters() {
        return Stream.of(
                new Case("JSON \\u0000 in the headline", JSON, "{\"headline\": \"甲\\u0000乙\", " + BODY + "}", 422, "headline"),
                new Case("JSON lone high surrogate in a block", JSON, "{\"headline\": \"甲\", \"body\": [{\"type\": "
                        + "\"paragraph\", \"text\": \"a\\ud800b\"}]}", 422, "body[0].text"),
                new Case("JSON lone low surrogate in a tag", JSON, "{\"headline\": \"甲\", \"tags\": [\"\\udc00\"], " + BODY + "}",
                        422, "tags[0]"),
                new Case("Markdown raw NUL byte in the body", MARKDOWN, "---\nheadline: 甲\n---\n正\u0000文\n", 422, "body"),
                new Case("YAML \"\\0\" in front matter", MARKDOWN, "---\nheadline: \"甲\\0\"\n---\n正文\n", 422, "headline"),
                new Case("YAML \"\\x00\" in front matter", MARKDOWN, "---\nheadline: \"甲\\x00\"\n---\n正文\n", 422, "headline"),
                new Case("YAML \"\\u0000\" in front matter", MARKDOWN, "---\nkicker: \"\\u0000\"\nheadline: 甲\n---\n正文\n",
                        422, "kicker"),
                new Case("ninjs NUL in the headline", NINJS, "{\"headlines\": [{\"role\": \"main\", \"value\": \"甲\\u0000\"}], "
                        + "\"bodies\": [{\"contentType\": \"text/plain\", \"value\": \"正文\"}]}", 422, "headlines[0].value"),
                new Case("ninjs NUL in an unknown field", NINJS, "{\"x-agency\": {\"note\": \"\\u0000\"}, " + NINJS_BODY + "}",
                        422, "x-agency.note"),
                new Case("ninjs lone surrogate in an unknown list kept in original", NINJS, "{\"x\": [\"\\ud800\"], "
                        + NINJS_BODY + "}", 422, "x[0]"),
                new Case("ninjs NUL in a key kept in original", NINJS, "{\"a\\u0000\": 1, " + NINJS_BODY + "}", 422, "a\\u0000"));
    }

    static Stream<Case> unstorableLengthsAndRanges() {
        String longTag = "zh" + "-abcdefgh".repeat(4); // 38 characters, matches the pattern
        return Stream.of(
                new Case("language longer than BCP 47's 35", JSON, "{\"headline\": \"甲\", \"language\": \"" + longTag + "\", "
                        + BODY + "}", 422, "language"),
                new Case("embargo in the year 10000", JSON, "{\"headline\": \"甲\", \"embargoedUntil\": "
                        + "\"+10000-01-01T00:00:00Z\", " + BODY + "}", 422, "embargoedUntil"),
                new Case("embargo in 1800", JSON, "{\"headline\": \"甲\", \"embargoedUntil\": \"1800-01-01T00:00:00Z\", "
                        + BODY + "}", 422, "embargoedUntil"),
                new Case("embargo with nanoseconds", JSON, "{\"headline\": \"甲\", \"embargoedUntil\": "
                        + "\"2030-01-01T00:00:00.123456789Z\", " + BODY + "}", 422, "embargoedUntil"),
                new Case("ninjs embargo in the year 10000", NINJS, "{\"embargoedUntil\": \"+10000-01-01T00:00:00Z\", "
                        + NINJS_BODY + "}", 422, "embargoedUntil"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unstorableCharacters")
    void item1CharactersPostgresRefusesAreRefusedWithTheFieldPath(Case bad) {
        refused(bad, Ingest.uniqueReporter("曹香玉"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unstorableLengthsAndRanges")
    void item2LengthsAndRangesTheSchemaCannotHoldAreRefused(Case bad) {
        refused(bad, Ingest.uniqueReporter("曹香玉"));
    }

    @Test
    void item2AnUpnLongerThanTheIndexedColumnIsRefused() {
        refused(new Case("upn of 256 characters", JSON, Ingest.story("甲"), 422, "submittedBy"),
                "r".repeat(Storable.SUBMITTED_BY_MAX + 1));
    }

    @Test
    void item2TheLongestLanguageAndFarthestEmbargoAreAccepted() {
        String language = "zh" + "-abcdefgh".repeat(3) + "-abcde"; // 35 characters
        assertThat(language).hasSize(Storable.LANGUAGE_MAX);
        as("reporter", Ingest.uniqueReporter("曹香玉")).contentType(JSON)
                .body(utf8("{\"headline\": \"甲\", \"language\": \"" + language + "\", \"embargoedUntil\": "
                        + "\"9999-12-31T23:59:59.999999+14:00\", " + BODY + "}"))
                .when().post(SUBMISSIONS).then().statusCode(202);
    }

    @Test
    void item4AnEventLargerThanTheTopicTakesIs413AndTheNextStoryGoesThrough() {
        // ~600 kB of text fits the request limit, but ninjs carries it twice: once mapped, once as the original.
        String paragraph = "a".repeat(15_000);
        String text = String.join("\\n\\n", java.util.Collections.nCopies(40, paragraph));
        String ninjs = "{\"headlines\": [{\"role\": \"main\", \"value\": \"甲\"}], \"bodies\": [{\"contentType\": "
                + "\"text/plain\", \"value\": \"" + text + "\"}]}";
        Map<TopicPartition, Long> mark = topic.mark();

        Response response = as("reporter", Ingest.uniqueReporter("wire")).contentType(NINJS).body(utf8(ninjs))
                .when().post(SUBMISSIONS);

        Ingest.assertProblem(response, 413);
        assertThat(response.jsonPath().getString("detail")).contains("bytes", String.valueOf(Topics.SUBMISSIONS_MAX_MESSAGE_BYTES));
        assertThat(topic.since(mark)).isEmpty();
        as("reporter", Ingest.uniqueReporter("曹香玉")).contentType(JSON).body(utf8(Ingest.story("下一篇")))
                .when().post(SUBMISSIONS).then().statusCode(202);
        Ingest.assertReady();
    }

    @Test
    void item4ProducerAndTopicAgreeOnTheRecordSize() throws Exception {
        // the configuration the submissions channel's producer was really created with
        Map<String, ?> producer = kafka.getProducer("submissions").configuration();
        assertThat(Integer.parseInt(String.valueOf(producer.get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG))))
                .isEqualTo(Topics.SUBMISSIONS_MAX_MESSAGE_BYTES);
        assertThat(String.valueOf(producer.get(ProducerConfig.COMPRESSION_TYPE_CONFIG))).isEqualTo("lz4");
        assertThat(String.valueOf(producer.get(ProducerConfig.ACKS_CONFIG))).isEqualTo("all");
        assertThat(String.valueOf(producer.get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG))).isEqualTo("true");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.get().kafka().bootstrapServers()))) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, Topics.SUBMISSIONS);
            String value = admin.describeConfigs(List.of(resource)).all().get().get(resource)
                    .get("max.message.bytes").value();
            assertThat(Integer.parseInt(value)).as("newsroom.submissions max.message.bytes")
                    .isGreaterThanOrEqualTo(Topics.SUBMISSIONS_MAX_MESSAGE_BYTES);
        }
    }

    @Test
    void item9TruncatedJsonIs400() {
        Map<TopicPartition, Long> mark = topic.mark();
        Response response = as("reporter", Ingest.uniqueReporter("曹香玉")).contentType(JSON)
                .body(utf8("{\"headline\": \"x\", \"body\": [")).when().post(SUBMISSIONS);
        Ingest.assertProblem(response, 400);
        assertThat(topic.since(mark)).isEmpty();
    }

    @Test
    void item9ANinjsItemWithDescriptionsButNoBodiesIsAcceptedWithTheDescriptionAsLead() {
        String ntb = "{\"uri\": \"ntb:123\", \"type\": \"text\", \"headlines\": [{\"role\": \"main\", \"value\": "
                + "\"Storm i Nord-Norge\"}], \"descriptions\": [{\"role\": \"summary\", \"contentType\": \"text/plain\", "
                + "\"value\": \"Sterk vind ventes i kveld.\"}]}";
        Map<TopicPartition, Long> mark = topic.mark();

        String id = as("reporter", Ingest.uniqueReporter("ntb")).contentType(NINJS).body(utf8(ntb))
                .when().post(SUBMISSIONS).then().statusCode(202).extract().path("id");

        JsonNode event = Ingest.tree(topic.since(mark, id).get(0).value());
        assertThat(event.at("/body/0/type").asText()).isEqualTo("paragraph");
        assertThat(event.at("/body/0/text").asText()).isEqualTo("Sterk vind ventes i kveld.");
        assertThat(event.at("/original/descriptions/0/value").asText()).isEqualTo("Sterk vind ventes i kveld.");
    }

    private static void refused(Case bad, String reporter) {
        Map<TopicPartition, Long> mark = topic.mark();
        Response response = as("reporter", reporter).contentType(bad.contentType()).body(utf8(bad.body()))
                .when().post(SUBMISSIONS);
        Ingest.assertProblem(response, bad.status());
        assertThat(response.jsonPath().getList("errors.field", String.class)).as(response.asString()).contains(bad.field());
        assertThat(topic.since(mark)).as("records produced").isEmpty();
    }
}
