package org.newsroom.media.messaging;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.newsroom.common.concurrent.CoalescingRun;
import org.newsroom.contracts.CloudEventAttributes;
import org.newsroom.contracts.EventJson;
import org.newsroom.contracts.EventTypes;
import org.newsroom.contracts.media.PhotoUpdated;
import org.newsroom.media.domain.Photo;
import org.newsroom.media.repository.PhotoRepository;
import org.newsroom.media.repository.RenditionRepository;
import org.newsroom.media.service.Credits;
import org.newsroom.media.service.PhotoChanged;
import org.newsroom.media.service.RenditionService;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Announces the public state of changed photos on {@code newsroom.photos} (channel {@code photos-out}, key = photo
 * id, {@code news.photo.updated}): right after the change commits and every few seconds as a fallback, one photo at a
 * time in its own transaction — send, wait for the broker, then record what was announced. A crash in between
 * announces the same state again, which the compacted topic and its consumers absorb.
 */
@ApplicationScoped
public class PhotoAnnouncer {

    private static final Logger LOG = Logger.getLogger(PhotoAnnouncer.class);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(15);
    private static final int BATCH = 100;

    @Inject
    PhotoRepository photos;
    @Inject
    RenditionRepository renditions;
    @Inject
    RenditionService renditionUrls;
    @Inject
    @Channel("photos-out")
    MutinyEmitter<byte[]> emitter;

    private final CoalescingRun announcing = new CoalescingRun(this::announceBatch);
    private volatile String lastFailure;

    void onChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) PhotoChanged changed) {
        Infrastructure.getDefaultWorkerPool().execute(this::announceDue);
    }

    @Scheduled(identity = "photo-announcer", every = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        announceDue();
    }

    /** Announces every due photo; a call during a run makes that run look again once it is done. */
    void announceDue() {
        announcing.run();
    }

    private void announceBatch() {
        try {
            List<UUID> due = QuarkusTransaction.requiringNew().call(() ->
                    photos.unannounced(BATCH).stream().map(p -> p.id).toList());
            for (UUID id : due) {
                QuarkusTransaction.requiringNew().run(() -> announce(id));
            }
            lastFailure = null;
        } catch (RuntimeException e) {
            String failure = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (!failure.equals(lastFailure)) {
                LOG.warnf("photo announcements wait (%s); will retry", failure);
            }
            lastFailure = failure;
        }
    }

    private void announce(UUID id) {
        Photo photo = photos.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (photo == null || photo.changedAt == null
                || (photo.announcedAt != null && !photo.announcedAt.isBefore(photo.changedAt))) {
            return;
        }
        PhotoUpdated state = new PhotoUpdated(photo.id, photo.width, photo.height, photo.caption, photo.credit,
                photo.byline, Credits.photographers(photo.credit),
                renditions.ofPhoto(id).stream().map(r -> new PhotoUpdated.Rendition(renditionUrls.publicUrl(r.sha256),
                        r.width, r.height, "image/jpeg")).toList(),
                photo.changedAt);
        RecordHeaders headers = new RecordHeaders();
        new CloudEventAttributes(UUID.randomUUID().toString(), "/media-service", EventTypes.PHOTO_UPDATED,
                OffsetDateTime.now(ZoneOffset.UTC), id.toString()).writeTo(headers);
        emitter.sendMessage(Message.of(EventJson.write(state)).addMetadata(
                OutgoingKafkaRecordMetadata.<String>builder().withKey(id.toString()).withHeaders(headers).build()))
                .await().atMost(SEND_TIMEOUT);
        photo.announcedAt = photo.changedAt;
        LOG.debugf("photo %s announced (%d renditions)", id, state.renditions().size());
    }
}
