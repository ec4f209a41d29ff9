package org.newsroom.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;

/**
 * Exports the service's spans to memory in tests, where {@link TracingTest} reads them back. Being a CDI
 * {@code SpanExporter}, it also takes the place of the OTLP exporter, so no test ever tries to reach a collector.
 */
@ApplicationScoped
public class SpanExporterProducer {

    @Produces
    @Singleton
    InMemorySpanExporter inMemorySpanExporter() {
        return InMemorySpanExporter.create();
    }
}
