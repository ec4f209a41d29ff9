package org.newsroom.article.messaging;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/** Business metrics of the submissions consumer ({@code newsroom_article_submissions_*} on /q/metrics). */
@Startup
@ApplicationScoped
public class SubmissionMetrics {

    private final Counter consumed;
    private final Counter stored;
    private final Counter duplicates;
    private final Counter deadLettered;
    private final Counter transientFailures;
    private final Counter deadLetterTrimmed;
    private final Counter rehomed;
    private final Counter pendingAfterPublication;
    private final AtomicLong lag = new AtomicLong();

    @Inject
    public SubmissionMetrics(MeterRegistry registry) {
        consumed = Counter.builder("newsroom.article.submissions.consumed")
                .description("Records of newsroom.submissions handled (stored, duplicate or dead-lettered)")
                .register(registry);
        stored = Counter.builder("newsroom.article.submissions.stored")
                .description("Submissions stored as a new article or revision").register(registry);
        duplicates = Counter.builder("newsroom.article.submissions.duplicates")
                .description("Redelivered submissions recognised by their CloudEvent id and ignored").register(registry);
        deadLettered = Counter.builder("newsroom.article.submissions.dead.lettered")
                .description("Poison records sent to the dead-letter topic").register(registry);
        transientFailures = Counter.builder("newsroom.article.submissions.transient.failures")
                .description("Attempts that failed because the database or broker was unavailable (retried)")
                .register(registry);
        deadLetterTrimmed = Counter.builder("newsroom.article.submissions.dead.letter.trimmed")
                .description("Dead letters sent as a trimmed copy because the full copy was refused (too large)")
                .register(registry);
        rehomed = Counter.builder("newsroom.article.submissions.rehomed")
                .description("New-story events that met an existing article id and were stored as an article of their own")
                .register(registry);
        pendingAfterPublication = Counter.builder("newsroom.article.submissions.pending.after.publication")
                .description("Revisions that arrived after their article was published: kept pending for an editor")
                .register(registry);
        Gauge.builder("newsroom.article.submissions.lag", lag, AtomicLong::get)
                .description("Records of newsroom.submissions not yet consumed by this instance")
                .register(registry);
    }

    public void rehomed() {
        rehomed.increment();
    }

    public void pendingAfterPublication() {
        pendingAfterPublication.increment();
    }

    public void consumed() {
        consumed.increment();
    }

    public void stored() {
        stored.increment();
    }

    public void duplicate() {
        duplicates.increment();
    }

    public void deadLettered() {
        deadLettered.increment();
    }

    public void deadLetterTrimmed() {
        deadLetterTrimmed.increment();
    }

    public double deadLetterTrimmedCount() {
        return deadLetterTrimmed.count();
    }

    public void transientFailure() {
        transientFailures.increment();
    }

    public void lag(long value) {
        lag.set(value);
    }

    public double deadLetteredCount() {
        return deadLettered.count();
    }

    public double duplicateCount() {
        return duplicates.count();
    }

    public double transientFailureCount() {
        return transientFailures.count();
    }
}
