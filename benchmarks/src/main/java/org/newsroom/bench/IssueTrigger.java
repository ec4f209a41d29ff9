package org.newsroom.bench;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.newsroom.contracts.CloudEventAttributes;
import org.newsroom.contracts.EventJson;
import org.newsroom.contracts.EventTypes;
import org.newsroom.contracts.Ids;
import org.newsroom.contracts.Topics;
import org.newsroom.contracts.issue.IssuePublished;

/**
 * How fan-out and stream publish their issue: through article-service (submit, approve, assemble, publish: the
 * outbox relay is in the measured path), or — when article-service's editor endpoints are not available — by
 * producing {@code news.issue.published} straight to {@code newsroom.issues} with the contracts classes. The
 * benchmark is a plain JVM tool, not a Quarkus application, so it uses the Kafka client directly (no SmallRye).
 */
public final class IssueTrigger {

    /** An issue ready to publish. */
    public record Prepared(String issueId, boolean viaApi, Runnable publish) {
        public String describe() {
            return viaApi ? "a real issue published through article-service (`POST /api/v1/issues/{id}/publish`; the "
                    + "outbox relay, `newsroom.issues` and notify-service's consumer are all in the measured path)"
                    : "**article-service could not publish** (its editor endpoints answered an error), so a "
                    + "`news.issue.published` event was produced straight to `newsroom.issues` (contracts' "
                    + "`IssuePublished`, `CloudEventAttributes`, `EventJson`; `acks=all`) and the clock starts before "
                    + "that send";
        }
    }

    private IssueTrigger() {
    }

    /** Prepares an issue placing a fresh story of {@code seedFile}; falls back to Kafka when publishing is unavailable. */
    public static Prepared prepare(BenchContext context, String seedFile, ScenarioResult result) {
        NewsroomApi api = context.api();
        String story = api.submit(context.seed(seedFile));
        api.awaitStored(story, java.time.Duration.ofSeconds(120));
        try {
            api.approve(story);
            String issue = api.createIssue(List.of(story));
            return new Prepared(issue, true, () -> api.publishOrFail(issue));
        } catch (IllegalStateException e) {
            context.progress("publishing through article-service is not possible (" + NewsroomApi.abbreviate(e.getMessage())
                    + "); producing news.issue.published straight to " + Topics.ISSUES);
            result.note("Why the Kafka trigger: " + NewsroomApi.abbreviate(e.getMessage()));
            UUID issueId = Ids.newV7();
            String base = api.articlesUrl();
            IssuePublished event = new IssuePublished(issueId, NewsroomApi.MASTHEAD, (int) (System.currentTimeMillis() % 100_000),
                    LocalDate.now(), OffsetDateTime.now(), "内部资料 免费交流", base + "/api/v1/issues/" + issueId,
                    List.of(new IssuePublished.Page(1, "要闻")),
                    List.of(new IssuePublished.Article(UUID.fromString(story), "基准测试稿件", 1, "要闻",
                            base + "/api/v1/articles/" + story)),
                    List.of());
            KafkaProducer<String, byte[]> producer = producer(context.stack().kafkaBootstrapServers());
            // connect and load the topic's metadata now, so that the clock measures only the send
            producer.partitionsFor(Topics.ISSUES);
            return new Prepared(issueId.toString(), false, () -> {
                try (producer) {
                    send(producer, event);
                }
            });
        }
    }

    static KafkaProducer<String, byte[]> producer(String bootstrap) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    static void send(KafkaProducer<String, byte[]> producer, IssuePublished event) {
        try {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.ISSUES, event.issueId().toString(),
                    EventJson.write(event));
            new CloudEventAttributes(Ids.newV7().toString(), "/newsroom/bench", EventTypes.ISSUE_PUBLISHED,
                    event.publishedAt(), event.issueId().toString()).writeTo(record.headers());
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot produce news.issue.published", e);
        }
    }
}
