package org.newsroom.article.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/** Metrics of the photos consumer ({@code newsroom_article_photos_*} on /q/metrics). */
@Startup
@ApplicationScoped
public class PhotoMetrics {

    private final Counter stored;
    private final Counter stale;
    private final Counter skipped;
    private final Counter transientFailures;

    @Inject
    public PhotoMetrics(MeterRegistry registry) {
        stored = Counter.builder("newsroom.article.photos.stored")
                .description("Photo states of newsroom.photos stored (newer than the one held)").register(registry);
        stale = Counter.builder("newsroom.article.photos.stale")
                .description("Photo states ignored because an equal or newer state was already held (replays)")
                .register(registry);
        skipped = Counter.builder("newsroom.article.photos.skipped")
                .description("Records of newsroom.photos skipped as invalid or refused by the database")
                .register(registry);
        transientFailures = Counter.builder("newsroom.article.photos.transient.failures")
                .description("Attempts that failed because the database was unavailable (retried)").register(registry);
    }

    void stored() {
        stored.increment();
    }

    void stale() {
        stale.increment();
    }

    void skipped() {
        skipped.increment();
    }

    void transientFailure() {
        transientFailures.increment();
    }

    /** Attempts retried so far because the database was unavailable. */
    public double transientFailureCount() {
        return transientFailures.count();
    }
}
