package org.newsroom.ingest.messaging;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.newsroom.contracts.Topics;
import org.newsroom.ingest.config.IngestConfig;
import org.newsroom.ingest.domain.IdempotencyEntry;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;

/** The service's {@link IdempotencyLog} on {@code newsroom.ingest-idempotency}, started with the application. */
@ApplicationScoped
public class IdempotencyStore {

    private final IdempotencyLog log;
    private final Duration writeWait;

    @Inject
    public IdempotencyStore(@Identifier("default-kafka-broker") Map<String, Object> kafka, IngestConfig config) {
        this.log = new IdempotencyLog(IdempotencyLogClients.reader(kafka, "ingest-service-idempotency-reader"),
                IdempotencyLogClients.writer(kafka, "ingest-service-idempotency-writer"), Topics.INGEST_IDEMPOTENCY,
                config.idempotency().retention(), Clock.systemUTC());
        this.writeWait = config.idempotency().writeWait();
    }

    void start(@Observes StartupEvent event) {
        log.start();
    }

    void stop(@Observes ShutdownEvent event) {
        log.close();
    }

    public boolean isLoaded() {
        return log.isLoaded();
    }

    public Optional<IdempotencyEntry> find(String reporter, String key) {
        return log.find(reporter, key);
    }

    public boolean remember(IdempotencyEntry entry) {
        return log.remember(entry, writeWait);
    }
}
