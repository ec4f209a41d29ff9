package org.newsroom.notify.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;

/**
 * The tests' span exporter: every span notify-service finishes is kept in memory (a CDI {@code SpanExporter} takes
 * the place of the OTLP exporter), so a test can read the trace it caused. Tests filter by their own trace id.
 */
@ApplicationScoped
public class InMemorySpans {

    @Produces
    @Singleton
    InMemorySpanExporter exporter() {
        return InMemorySpanExporter.create();
    }
}
