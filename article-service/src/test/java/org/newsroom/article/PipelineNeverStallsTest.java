package org.newsroom.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.newsroom.article.messaging.SubmissionDeadLetters;
import org.newsroom.article.messaging.SubmissionMetrics;
import org.newsroom.article.messaging.SubmissionMetrics.Event;
import org.newsroom.article.support.Articles;
import org.newsroom.article.support.Staff;
import org.newsroom.article.support.TestKafka;
import org.newsroom.contracts.CloudEventAttributes;
import org.newsroom.contracts.EventTypes;
import org.newsroom.contracts.Ids;
import org.newsroom.contracts.Topics;
import org.newsroom.contracts.article.Distribution;
import org.newsroom.stack.test.NewsroomTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * After the worst inputs the pipeline is not stalled: a poison record of maximal size (whose dead-letter copy, with
 * the reason headers, no longer fits Kafka's record limit) is dead-lettered as a trimmed copy, and the next story on
 * the same partition is stored.
 */
@QuarkusTest
@QuarkusTestResource(value = NewsroomTestResource.class, initArgs = @ResourceArg(name = "database", value = "articles"))
class PipelineNeverStallsTest {

    @Inject
    SubmissionMetrics metrics;

    @Test
    void aPoisonRecordOfMaximalSizeIsDeadLetteredTrimmedAndTheNextStoryOnItsPartitionIsStored() {
        UUID id = Ids.newV7();
        byte[] key = id.toString().getBytes(StandardCharsets.UTF_8);
        double trimmedBefore = metrics.total(Event.DEAD_LETTER_TRIMMED);
        RecordMetadata poison = null;
        // the largest record the producer's 1 MiB request limit lets through (found by trying: headers count too)
        for (int size = 1_048_576 - 100; poison == null; size -= 64) {
            byte[] value = new byte[size];
            Arrays.fill(value, (byte) 'x');
            value[0] = '{';
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(Topics.SUBMISSIONS, key, value);
            new CloudEventAttributes(UUID.randomUUID().toString(), "/test/ingest", EventTypes.ARTICLE_SUBMITTED,
                    OffsetDateTime.now(ZoneOffset.UTC), id.toString()).writeTo(record.headers());
            try {
                poison = TestKafka.producer().send(record).get();
            } catch (Exception tooLarge) {
                assertThat(size).as("a maximal record fits below 1 MiB").isGreaterThan(1_000_000);
            }
        }
        // the next story, same key, hence same partition, right behind the poison record
        TestKafka.submit(id, Articles.story("毒记录之后的稿件", "要闻", Distribution.PUBLIC), 1, Staff.newReporter());
        Articles.awaitRevision(id, 1);

        long poisonOffset = poison.offset();
        int poisonPartition = poison.partition();
        int poisonSize = poison.serializedValueSize();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<ConsumerRecord<byte[], byte[]>> dead = TestKafka.readAll(Topics.SUBMISSIONS_DLQ).stream()
                    .filter(r -> Long.toString(poisonOffset).equals(TestKafka.header(r, SubmissionDeadLetters.DLQ_OFFSET))
                            && Integer.toString(poisonPartition).equals(
                                    TestKafka.header(r, SubmissionDeadLetters.DLQ_PARTITION)))
                    .toList();
            assertThat(dead).hasSize(1);
            assertThat(TestKafka.header(dead.get(0), SubmissionDeadLetters.DLQ_TRIMMED)).contains("RecordTooLarge");
            assertThat(TestKafka.header(dead.get(0), SubmissionDeadLetters.DLQ_REASON)).isNotBlank();
            assertThat(dead.get(0).value().length).isLessThan(poisonSize);
        });
        assertThat(metrics.total(Event.DEAD_LETTER_TRIMMED)).isGreaterThan(trimmedBefore);
    }
}
