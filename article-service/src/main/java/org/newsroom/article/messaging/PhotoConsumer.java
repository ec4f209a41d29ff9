package org.newsroom.article.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.newsroom.article.config.PhotosConfig;
import org.newsroom.article.service.PhotoStore;
import org.newsroom.common.failure.FailureClassifier;
import org.newsroom.common.failure.Retries;
import org.newsroom.contracts.InvalidEventException;
import org.newsroom.contracts.media.PhotoUpdated;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * The consumer of {@code newsroom.photos} (channel {@code photos}): keeps each photo's latest public state in the
 * {@code photo} table ({@link PhotoStore}), one record at a time, its offset committed ({@code throttled}) only once
 * the record is stored or skipped.
 * <ul>
 * <li>While the database is unavailable the same record is retried with backoff as long as it takes
 * ({@link Retries}); nothing behind it is skipped.</li>
 * <li>Replays and redeliveries are harmless: a state no newer than the one held changes nothing.</li>
 * <li>A record that is not a valid {@code news.photo.updated} event, or that the database refuses, is skipped with a
 * warning and counted ({@code newsroom_article_photos_skipped_total}) rather than dead-lettered: the topic is a
 * compacted state log, so the record stays there to be inspected until media-service announces the photo again, and
 * that newer state replaces it here too — a dead-letter copy would hold nothing the topic does not.</li>
 * </ul>
 */
@ApplicationScoped
public class PhotoConsumer {

    private static final Logger LOG = Logger.getLogger(PhotoConsumer.class);

    private final PhotosConfig config;
    private final PhotoDecoder decoder;
    private final PhotoStore store;
    private final PhotoMetrics metrics;

    public PhotoConsumer(PhotosConfig config, PhotoDecoder decoder, PhotoStore store, PhotoMetrics metrics) {
        this.config = config;
        this.decoder = decoder;
        this.store = store;
        this.metrics = metrics;
    }

    @Incoming("photos")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        PhotoUpdated state;
        try {
            state = decoder.decode(record);
        } catch (InvalidEventException e) {
            return skip(record, e.getMessage());
        } catch (RuntimeException e) {
            return skip(record, "undecodable record: " + e.getClass().getSimpleName());
        }
        Uni<Boolean> attempt = Uni.createFrom().item(() -> store.store(state))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        Retries.Policy policy = config.retryPolicy();
        return Retries.withRetries(attempt, policy, e -> {
                    metrics.transientFailure();
                    LOG.warnf("photos consumer: %s not stored yet (%s); will retry", where(record), e.toString());
                })
                .invoke(stored -> {
                    if (stored) {
                        metrics.stored();
                        LOG.debugf("photo %s stored (state of %s)", state.id(), state.updatedAt());
                    } else {
                        metrics.stale();
                        LOG.debugf("photo %s: state of %s is not newer than the one held; ignored", state.id(),
                                state.updatedAt());
                    }
                })
                .replaceWithVoid()
                .onFailure().recoverWithUni(e -> {
                    boolean poison = FailureClassifier.classify(e) == FailureClassifier.Kind.POISON;
                    if (!poison) {
                        LOG.errorf(e, "photos consumer: giving up on %s", where(record));
                    }
                    return skip(record, (poison ? "the database refuses it: " : "failed "
                            + config.maxAttemptsUnclassified() + " times: ") + e);
                });
    }

    private Uni<Void> skip(ConsumerRecord<String, byte[]> record, String reason) {
        metrics.skipped();
        LOG.warnf("photos consumer: skipped %s: %s", where(record), reason);
        return Uni.createFrom().voidItem();
    }

    private static String where(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
