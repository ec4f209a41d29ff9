package org.newsroom.article.messaging;

import java.util.OptionalLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;

/**
 * Keeps {@code newsroom_article_submissions_lag} (records of the assigned partitions not yet fetched) up to date
 * after every batch, read on the connector's polling thread — the only thread that may touch its Kafka consumer.
 */
@ApplicationScoped
public class SubmissionLag {

    private static final Logger LOG = Logger.getLogger(SubmissionLag.class);

    @Inject
    KafkaClientService clients;

    @Inject
    SubmissionMetrics metrics;

    void update() {
        KafkaConsumer<Object, Object> consumer = clients.getConsumer("submissions");
        if (consumer == null) {
            return;
        }
        consumer.runOnPollingThread(client -> {
            long total = 0;
            for (TopicPartition partition : client.assignment()) {
                OptionalLong lag = client.currentLag(partition);
                total += lag.orElse(0);
            }
            return total;
        }).subscribe().with(metrics::lag, e -> LOG.debugf("submissions lag not read: %s", e.toString()));
    }
}
