package org.newsroom.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.newsroom.contracts.Topics;
import org.newsroom.ingest.domain.IdempotencyEntry;
import org.newsroom.ingest.messaging.IdempotencyLog;
import org.newsroom.ingest.messaging.IdempotencyLogClients;
import org.newsroom.stack.test.NewsroomTestResource;
import org.newsroom.stack.test.TestInfrastructure;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The topic-backed memory of Idempotency-Keys, on the real broker: what one instance remembers, a new instance (a
 * restart, another replica) loads from the compacted topic; expired keys are forgotten.
 */
@QuarkusTest
@QuarkusTestResource(NewsroomTestResource.class)
@QuarkusTestResource(ArticleServiceStub.class)
class IdempotencyLogTest {

    @Test
    void aNewInstanceLoadsWhatAnotherRemembered() throws Exception {
        IdempotencyEntry entry = entry(Ingest.uniqueReporter("曹香玉"), OffsetDateTime.now(ZoneOffset.UTC));
        try (IdempotencyLog first = newLog(Duration.ofHours(24), Clock.systemUTC())) {
            assertThat(first.awaitLoaded(Duration.ofSeconds(60))).isTrue();
            assertThat(first.remember(entry, Duration.ofSeconds(10))).isTrue();
            assertThat(first.find(entry.reporter(), entry.key())).contains(entry);
        }

        try (IdempotencyLog restarted = newLog(Duration.ofHours(24), Clock.systemUTC())) {
            assertThat(restarted.awaitLoaded(Duration.ofSeconds(60))).isTrue();
            assertThat(restarted.find(entry.reporter(), entry.key())).contains(entry);
            assertThat(restarted.find(entry.reporter(), "another key")).isEmpty();
            assertThat(restarted.find("another reporter", entry.key())).isEmpty();
        }
    }

    @Test
    void aRunningInstanceSeesKeysThatAnotherReplicaRemembersLater() throws Exception {
        try (IdempotencyLog replicaA = newLog(Duration.ofHours(24), Clock.systemUTC());
                IdempotencyLog replicaB = newLog(Duration.ofHours(24), Clock.systemUTC())) {
            assertThat(replicaA.awaitLoaded(Duration.ofSeconds(60))).isTrue();
            assertThat(replicaB.awaitLoaded(Duration.ofSeconds(60))).isTrue();
            IdempotencyEntry entry = entry(Ingest.uniqueReporter("施昱辰"), OffsetDateTime.now(ZoneOffset.UTC));

            assertThat(replicaA.remember(entry, Duration.ofSeconds(10))).isTrue();

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(replicaB.find(entry.reporter(), entry.key())).contains(entry));
        }
    }

    @Test
    void keysOlderThanTheRetentionAreTreatedAsNew() throws Exception {
        IdempotencyEntry old = entry(Ingest.uniqueReporter("刘坤"), OffsetDateTime.now(ZoneOffset.UTC).minusHours(25));
        IdempotencyEntry fresh = entry(old.reporter(), OffsetDateTime.now(ZoneOffset.UTC));
        try (IdempotencyLog writer = newLog(Duration.ofHours(24), Clock.systemUTC())) {
            assertThat(writer.awaitLoaded(Duration.ofSeconds(60))).isTrue();
            assertThat(writer.remember(old, Duration.ofSeconds(10))).isTrue();
            assertThat(writer.remember(fresh, Duration.ofSeconds(10))).isTrue();
            assertThat(writer.find(old.reporter(), old.key())).isEmpty();
        }

        try (IdempotencyLog reader = newLog(Duration.ofHours(24), Clock.systemUTC())) {
            assertThat(reader.awaitLoaded(Duration.ofSeconds(60))).isTrue();
            assertThat(reader.find(old.reporter(), old.key())).isEmpty();
            assertThat(reader.find(fresh.reporter(), fresh.key())).contains(fresh);
        }

        Clock twoDaysLater = Clock.fixed(Instant.now().plus(Duration.ofDays(2)), ZoneOffset.UTC);
        try (IdempotencyLog later = newLog(Duration.ofHours(24), twoDaysLater)) {
            assertThat(later.awaitLoaded(Duration.ofSeconds(60))).isTrue();
            assertThat(later.find(fresh.reporter(), fresh.key())).isEmpty();
        }
    }

    private static IdempotencyEntry entry(String reporter, OffsetDateTime receivedAt) {
        return new IdempotencyEntry(reporter, "key-" + UUID.randomUUID(), "sha256-" + UUID.randomUUID(),
                UUID.randomUUID(), 1, receivedAt.truncatedTo(ChronoUnit.MILLIS));
    }

    /** A log on the real topic with the service's own Kafka client settings, started. */
    static IdempotencyLog newLog(Duration retention, Clock clock) {
        Map<String, Object> kafka = Map.of("bootstrap.servers", TestInfrastructure.get().kafka().bootstrapServers());
        return new IdempotencyLog(IdempotencyLogClients.reader(kafka, "idempotency-log-test"),
                IdempotencyLogClients.writer(kafka, "idempotency-log-test"), Topics.INGEST_IDEMPOTENCY, retention, clock)
                .start();
    }
}
