package org.newsroom.ingest.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The business counter {@code newsroom_ingest_submissions_total}, tagged by {@code format} (json, markdown, ninjs, or
 * unknown for unsupported content types) and {@code outcome} (accepted, rejected, unavailable).
 */
@ApplicationScoped
public class SubmissionMetrics {

    public static final String ACCEPTED = "accepted";
    public static final String REJECTED = "rejected";
    public static final String UNAVAILABLE = "unavailable";

    private final MeterRegistry registry;

    @Inject
    public SubmissionMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (String format : new String[] {"json", "markdown", "ninjs"}) {
            for (String outcome : new String[] {ACCEPTED, REJECTED, UNAVAILABLE}) {
                counter(format, outcome);
            }
        }
    }

    public void count(String format, String outcome) {
        counter(format, outcome).increment();
    }

    private Counter counter(String format, String outcome) {
        return Counter.builder("newsroom.ingest.submissions")
                .description("Submissions received, by wire format and outcome")
                .tag("format", format)
                .tag("outcome", outcome)
                .register(registry);
    }
}
