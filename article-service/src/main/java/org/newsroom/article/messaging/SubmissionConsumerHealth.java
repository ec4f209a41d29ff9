package org.newsroom.article.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * Liveness and readiness of the submissions consumer loop (the Kafka connection and the database have their own
 * readiness checks from the Kafka client and Agroal extensions).
 */
@Liveness
@Readiness
@ApplicationScoped
public class SubmissionConsumerHealth implements HealthCheck {

    @Inject
    SubmissionConsumer consumer;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("Submissions consumer");
        if (!consumer.enabled()) {
            return builder.up().withData("enabled", false).build();
        }
        builder.status(consumer.alive());
        if (consumer.lastPoll() != null) {
            builder.withData("lastPoll", consumer.lastPoll().toString());
        }
        if (consumer.lastProblem() != null) {
            builder.withData("retrying", consumer.lastProblem());
        }
        return builder.build();
    }
}
