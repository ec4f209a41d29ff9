package org.newsroom.media.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.newsroom.media.service.ObjectStore;

/** Ready only while the object store answers for the bucket: without it no upload can be acknowledged. */
@Readiness
@ApplicationScoped
public class S3ReadinessCheck implements HealthCheck {

    @Inject
    ObjectStore store;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("object-store").status(store.isReachable()).build();
    }
}
