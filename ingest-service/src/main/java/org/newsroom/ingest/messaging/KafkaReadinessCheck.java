package org.newsroom.ingest.messaging;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.newsroom.ingest.config.IngestConfig;

/**
 * Readiness that reflects the broker within a short timeout (a plain producer has no health of its own, and the
 * Kafka extension's check waits without a bound), and that stays down until the Idempotency-Keys have been loaded.
 */
@Readiness
@ApplicationScoped
public class KafkaReadinessCheck implements HealthCheck {

    private final KafkaClientConfig kafka;
    private final IdempotencyStore idempotency;
    private final Duration timeout;
    private volatile Admin admin;

    @Inject
    public KafkaReadinessCheck(KafkaClientConfig kafka, IdempotencyStore idempotency, IngestConfig config) {
        this.kafka = kafka;
        this.idempotency = idempotency;
        this.timeout = config.broker().healthTimeout();
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Kafka broker and idempotency keys");
        boolean up = true;
        try {
            Collection<Node> nodes = admin().describeCluster(new DescribeClusterOptions()
                    .timeoutMs((int) timeout.toMillis())).nodes().get(timeout.toMillis() + 500, TimeUnit.MILLISECONDS);
            response.withData("brokers", nodes.size());
            up = !nodes.isEmpty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            up = false;
            response.withData("broker", "interrupted");
        } catch (Exception e) {
            up = false;
            response.withData("broker", "unreachable within " + timeout.toMillis() + " ms");
        }
        boolean loaded = idempotency.isLoaded();
        response.withData("idempotencyKeysLoaded", loaded);
        return response.status(up && loaded).build();
    }

    private Admin admin() {
        Admin current = admin;
        if (current == null) {
            synchronized (this) {
                if (admin == null) {
                    admin = Admin.create(kafka.admin("ingest-service-health"));
                }
                current = admin;
            }
        }
        return current;
    }

    @PreDestroy
    void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
        }
    }
}
