package org.newsroom.article.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

import io.smallrye.reactive.messaging.health.HealthReport;
import io.smallrye.reactive.messaging.providers.extension.HealthCenter;

/**
 * The submissions consumer at a glance: up while its channel's Kafka consumer runs (the connector's own liveness
 * report for channel {@code submissions}), with the last batch's time and, while a record is being retried, why.
 * The database and the broker connection have their own readiness checks.
 */
@Liveness
@Readiness
@ApplicationScoped
public class SubmissionConsumerHealth implements HealthCheck {

    @Inject
    SubmissionConsumer consumer;

    @Inject
    HealthCenter health;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("Submissions consumer").up();
        for (HealthReport.ChannelInfo channel : health.getLiveness().getChannels()) {
            if ("submissions".equals(channel.getChannel()) && !channel.isOk()) {
                builder.down();
                if (channel.getMessage() != null) {
                    builder.withData("channel", channel.getMessage());
                }
            }
        }
        if (consumer.lastBatch() != null) {
            builder.withData("lastBatch", consumer.lastBatch().toString());
        }
        if (consumer.lastProblem() != null) {
            builder.withData("retrying", consumer.lastProblem());
        }
        return builder.build();
    }
}
