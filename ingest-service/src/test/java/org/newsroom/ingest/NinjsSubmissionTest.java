package org.newsroom.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsroom.ingest.Ingest.SUBMISSIONS;
import static org.newsroom.ingest.Ingest.as;

import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.newsroom.stack.test.NewsroomTestResource;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** IPTC ninjs text items are mapped onto a Submission, and the document as received travels with the event. */
@QuarkusTest
@QuarkusTestResource(NewsroomTestResource.class)
@QuarkusTestResource(ArticleServiceStub.class)
class NinjsSubmissionTest {

    private static final String NINJS = "application/ninjs+json";
    private static final String HEADLINE = "Captain of wrecked cruise ship on trial in Italy";
    private static final String BY = "Paulo Santalucia and Frances d'Emilio";

    private static final TopicReader topic = TopicReader.submissions();

    @ParameterizedTest(name = "{0}")
    @CsvSource({"001, 1", "004, 4", "005, 4", "007, 4"})
    void theIptcTextArticlesAreAcceptedAndMapped(String example, int paragraphs) {
        byte[] document = Ingest.read(Ingest.ninjsExample(example));
        Map<TopicPartition, Long> mark = topic.mark();

        String id = as("reporter", Ingest.uniqueReporter("wire"))
                .contentType(NINJS).body(document)
                .when().post(SUBMISSIONS)
                .then().statusCode(202).extract().path("id");

        JsonNode event = Ingest.tree(topic.since(mark, id).get(0).value());
        JsonNode original = Ingest.tree(document);
        assertThat(event.get("format").asText()).isEqualTo("ninjs");
        assertThat(event.get("headline").asText()).isEqualTo(HEADLINE);
        assertThat(event.get("creditLine").asText()).isEqualTo(BY);
        assertThat(event.path("language").asText(null)).isEqualTo(original.path("language").asText(null));
        assertThat(event.get("body")).hasSize(paragraphs);
        assertThat(event.get("body").get(0).get("type").asText()).isEqualTo("paragraph");
        assertThat(event.get("body").get(0).get("text").asText()).startsWith("GROSSETO, Italy (AP) -- The trial");
        assertThat(event.get("original")).as("the document as received").isEqualTo(original);
    }

    @Test
    void htmlBodiesKeepTheirTextExactlyIncludingDoubleSpaces() {
        byte[] document = Ingest.read(Ingest.ninjsExample("004"));
        Map<TopicPartition, Long> mark = topic.mark();

        String id = as("reporter", Ingest.uniqueReporter("wire"))
                .contentType(NINJS).body(document)
                .when().post(SUBMISSIONS)
                .then().statusCode(202).extract().path("id");

        JsonNode body = Ingest.tree(topic.since(mark, id).get(0).value()).get("body");
        assertThat(body.get(0).get("text").asText()).isEqualTo("GROSSETO, Italy (AP) -- The trial of the captain of the "
                + "shipwrecked Costa Concordia cruise liner has begun in a theater converted into a courtroom in Tuscany to "
                + "accommodate all the survivors and relatives of the 32 victims who want to see justice carried out in the "
                + "2012 tragedy.");
        assertThat(body.get(3).get("text").asText()).contains("capsized.  Schettino has denied wrongdoing.");
    }

    @Test
    void everyMappedNinjsFieldArrives() {
        String document = """
                {
                  "uri": "urn:newsroom:test:1",
                  "type": "text",
                  "language": "zh-CN",
                  "embargoedUntil": "2024-12-20T08:00:00+08:00",
                  "by": "记者 曹香玉",
                  "headlines": [
                    {"role": "sub", "value": "就 AI 发展趋势等进行探讨"},
                    {"role": "main", "value": "全球人工智能领域专家学者聚在徐汇"}
                  ],
                  "bodies": [{"role": "main", "contentType": "text/plain",
                              "value": "第一段，\\n仍是第一段。\\n\\n第二段  两个空格。\\n"}],
                  "infoSources": [{"name": "区委办", "role": "originatingSource"}],
                  "genres": [{"name": "Feature", "uri": "http://cv.iptc.org/newscodes/genre/Feature"}],
                  "subjects": [{"name": "人工智能", "uri": "http://example.org/ai"}, {"name": "浦江"}],
                  "copyrightNotice": "徐汇报",
                  "x-custom": {"kept": true}
                }""";
        Map<TopicPartition, Long> mark = topic.mark();

        String id = as("reporter", Ingest.uniqueReporter("曹香玉"))
                .contentType(NINJS).body(Ingest.utf8(document))
                .when().post(SUBMISSIONS)
                .then().statusCode(202).extract().path("id");

        JsonNode event = Ingest.tree(topic.since(mark, id).get(0).value());
        assertThat(event.get("headline").asText()).isEqualTo("全球人工智能领域专家学者聚在徐汇");
        assertThat(event.get("subheadline").asText()).isEqualTo("就 AI 发展趋势等进行探讨");
        assertThat(event.get("creditLine").asText()).isEqualTo("记者 曹香玉");
        assertThat(event.get("language").asText()).isEqualTo("zh-CN");
        assertThat(event.get("embargoedUntil").asText()).isEqualTo("2024-12-20T08:00:00+08:00");
        assertThat(event.get("genre").asText()).isEqualTo("feature");
        assertThat(event.get("source").get("name").asText()).isEqualTo("区委办");
        assertThat(event.get("tags").toString()).isEqualTo("[\"人工智能\",\"浦江\"]");
        assertThat(event.get("body").get(0).get("text").asText()).isEqualTo("第一段，\n仍是第一段。");
        assertThat(event.get("body").get(1).get("text").asText()).isEqualTo("第二段  两个空格。");
        assertThat(event.get("original").get("x-custom").get("kept").asBoolean()).isTrue();
        assertThat(event.get("original").get("copyrightNotice").asText()).isEqualTo("徐汇报");
    }

    @ParameterizedTest(name = "{0} is refused: {1}")
    @CsvSource({"006, type", "008, type", "002, headlines"})
    void itemsThatAreNotTextArticlesAreRefusedWithAClearReason(String example, String field) {
        Map<TopicPartition, Long> mark = topic.mark();

        Response response = as("reporter", Ingest.uniqueReporter("wire"))
                .contentType(NINJS).body(Ingest.read(Ingest.ninjsExample(example)))
                .when().post(SUBMISSIONS);

        Ingest.assertProblem(response, 422);
        assertThat(response.jsonPath().getString("errors[0].field")).isEqualTo(field);
        assertThat(topic.since(mark)).isEmpty();
    }

    @Test
    void validationErrorsNameTheNinjsField() {
        String tooLong = "长".repeat(201);
        Response response = as("reporter", Ingest.uniqueReporter("wire"))
                .contentType(NINJS)
                .body(Ingest.utf8("{\"headlines\":[{\"role\":\"main\",\"value\":\"" + tooLong + "\"}],"
                        + "\"bodies\":[{\"value\":\"正文\"}]}"))
                .when().post(SUBMISSIONS);

        Ingest.assertProblem(response, 422);
        assertThat(response.jsonPath().getString("errors[0].field")).isEqualTo("headlines");
    }
}
