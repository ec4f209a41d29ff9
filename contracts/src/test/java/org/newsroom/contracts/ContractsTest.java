package org.newsroom.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.newsroom.contracts.article.ArticleSubmitted;
import org.newsroom.contracts.article.Submission;
import org.newsroom.contracts.article.SubmissionFormat;
import org.newsroom.contracts.issue.IssuePublished;

import com.fasterxml.jackson.databind.JsonNode;

/** The event payloads keep their JSON form and every character of the seed stories. */
class ContractsTest {

    private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void seedStoriesAreValidSubmissionsAndRoundTripThroughTheEventForm() throws Exception {
        List<Path> seeds = SharedData.seedArticles();
        assertThat(seeds).hasSize(4);
        for (Path seed : seeds) {
            Submission submission = EventJson.mapper().readValue(Files.readAllBytes(seed), Submission.class);
            assertThat(validator.validate(submission)).as(seed.toString()).isEmpty();

            ArticleSubmitted event = new ArticleSubmitted(submission.withDefaults(), Ids.newV7(), 1, "曹香玉",
                    OffsetDateTime.parse("2024-12-20T08:00:00+08:00"), SubmissionFormat.JSON, null);
            byte[] json = EventJson.write(event);
            ArticleSubmitted back = EventJson.read(json, ArticleSubmitted.class);
            assertThat(back).isEqualTo(event);

            JsonNode tree = EventJson.mapper().readTree(json);
            JsonNode original = EventJson.mapper().readTree(Files.readAllBytes(seed));
            assertThat(tree.get("headline")).isEqualTo(original.get("headline"));
            assertThat(tree.get("body")).isEqualTo(original.get("body"));
            assertThat(tree.get("id").asText()).isEqualTo(event.id().toString());
            assertThat(tree.get("format").asText()).isEqualTo("json");
            assertThat(tree.get("receivedAt").asText()).isEqualTo("2024-12-20T08:00:00+08:00");
        }
    }

    @Test
    void issuePublishedHasTheDocumentedFields() throws Exception {
        IssuePublished event = new IssuePublished(UUID.randomUUID(), "徐汇报", 1234, LocalDate.parse("2024-12-20"),
                OffsetDateTime.parse("2024-12-20T06:00:00+08:00"), "内部资料 免费交流", "http://x/issues/1",
                List.of(new IssuePublished.Page(1, "要闻")),
                List.of(new IssuePublished.Article(UUID.randomUUID(), "全球人工智能领域专家学者聚在徐汇", 1, "要闻", "http://x/a/1")),
                List.of(new IssuePublished.Teaser("使居民身心更健康", "徐汇区新增八所“优秀”养老机构", 7)));
        JsonNode tree = EventJson.mapper().readTree(EventJson.write(event));
        assertThat(Stream.of("issueId", "masthead", "number", "date", "publishedAt", "distributionNote", "url",
                "pages", "articles", "teasers")).allMatch(tree::has);
        assertThat(tree.get("date").asText()).isEqualTo("2024-12-20");
        assertThat(EventJson.read(EventJson.write(event), IssuePublished.class)).isEqualTo(event);
    }

    @Test
    void cloudEventAttributesRoundTripThroughKafkaHeaders() {
        RecordHeaders headers = new RecordHeaders();
        CloudEventAttributes attributes = new CloudEventAttributes("e-1", "/ingest-service", EventTypes.ARTICLE_SUBMITTED,
                OffsetDateTime.parse("2024-12-20T08:00:00Z"), "a-1");
        attributes.writeTo(headers);
        assertThat(new String(headers.lastHeader("ce_specversion").value(), StandardCharsets.UTF_8)).isEqualTo("1.0");
        assertThat(new String(headers.lastHeader("content-type").value(), StandardCharsets.UTF_8)).isEqualTo("application/json");
        assertThat(CloudEventAttributes.readFrom(headers)).isEqualTo(attributes);
        // RFC 3339 needs the seconds even when they are zero (OffsetDateTime.toString() would print "08:00Z").
        assertThat(new String(headers.lastHeader("ce_time").value(), StandardCharsets.UTF_8))
                .isEqualTo("2024-12-20T08:00:00Z");

        headers.remove("ce_id");
        assertThatThrownBy(() -> CloudEventAttributes.readFrom(headers)).isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> EventJson.read("{".getBytes(StandardCharsets.UTF_8), IssuePublished.class))
                .isInstanceOf(InvalidEventException.class);
    }

    @Test
    void idsAreVersionedAndNameBasedIdsAreStable() {
        UUID v7 = Ids.newV7();
        assertThat(v7.version()).isEqualTo(7);
        assertThat(v7.variant()).isEqualTo(2);
        UUID a = Ids.nameBased("reporter", "key-1");
        assertThat(a.version()).isEqualTo(5);
        assertThat(a).isEqualTo(Ids.nameBased("reporter", "key-1")).isNotEqualTo(Ids.nameBased("reporter", "key-2"));
        assertThat(Ids.nameBased("ab", "c")).isNotEqualTo(Ids.nameBased("a", "bc"));
    }
}
