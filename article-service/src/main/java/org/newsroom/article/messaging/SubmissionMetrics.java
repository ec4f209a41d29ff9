package org.newsroom.article.messaging;

import java.util.EnumMap;
import java.util.Map;
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

    /** What happens to records of newsroom.submissions, one counter each. */
    public enum Event {
        CONSUMED("consumed", "Records of newsroom.submissions handled (stored, duplicate or dead-lettered)"),
        STORED("stored", "Submissions stored as a new article or revision"),
        DUPLICATE("duplicates", "Redelivered submissions recognised by their CloudEvent id and ignored"),
        DEAD_LETTERED("dead.lettered", "Poison records sent to the dead-letter topic"),
        TRANSIENT_FAILURE("transient.failures",
                "Attempts that failed because the database or broker was unavailable (retried)"),
        DEAD_LETTER_TRIMMED("dead.letter.trimmed",
                "Dead letters sent as a trimmed copy because the full copy was refused (too large)"),
        REHOMED("rehomed",
                "New-story events that met an existing article id and were stored as an article of their own"),
        PENDING_AFTER_PUBLICATION("pending.after.publication",
                "Revisions that arrived after their article was published: kept pending for an editor");

        private final String name;
        private final String description;

        Event(String name, String description) {
            this.name = name;
            this.description = description;
        }
    }

    private final Map<Event, Counter> counters = new EnumMap<>(Event.class);
    private final AtomicLong lag = new AtomicLong();

    @Inject
    public SubmissionMetrics(MeterRegistry registry) {
        for (Event event : Event.values()) {
            counters.put(event, Counter.builder("newsroom.article.submissions." + event.name)
                    .description(event.description).register(registry));
        }
        Gauge.builder("newsroom.article.submissions.lag", lag, AtomicLong::get)
                .description("Records of newsroom.submissions not yet consumed by this instance")
                .register(registry);
    }

    public void count(Event event) {
        counters.get(event).increment();
    }

    /** How often {@code event} happened since the start. */
    public double total(Event event) {
        return counters.get(event).count();
    }

    public void lag(long value) {
        lag.set(value);
    }
}
