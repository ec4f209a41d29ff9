package org.newsroom.ingest.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness stays down until the Idempotency-Keys have been loaded from their compacted topic, which the
 * connector's own readiness (the {@code submissions} channel's topic verification) cannot know about.
 */
@Readiness
@ApplicationScoped
public class IdempotencyKeysReadinessCheck implements HealthCheck {

    private final IdempotencyStore idempotency;

    public IdempotencyKeysReadinessCheck(IdempotencyStore idempotency) {
        this.idempotency = idempotency;
    }

    @Override
    public HealthCheckResponse call() {
        boolean loaded = idempotency.isLoaded();
        return HealthCheckResponse.named("Idempotency keys").withData("idempotencyKeysLoaded", loaded)
                .status(loaded).build();
    }
}
