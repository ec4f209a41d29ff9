package org.newsroom.media.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.newsroom.common.problem.ProblemException;
import org.newsroom.contracts.Ids;
import org.newsroom.media.config.MediaConfig;
import org.newsroom.media.domain.Photo;
import org.newsroom.media.domain.Rendition;
import org.newsroom.media.messaging.RenditionRequests;
import org.newsroom.media.repository.PhotoRepository;
import org.newsroom.media.repository.RenditionRepository;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Accepts photos: checks the image, stores the original in the bucket (acknowledged by the store), records it with
 * its embedded metadata, then asks for renditions. An upload is answered only after all of that; a retry with the
 * same {@code Idempotency-Key} and the same bytes gets the first answer.
 */
@ApplicationScoped
public class PhotoService {

    private static final Logger LOG = Logger.getLogger(PhotoService.class);

    @Inject
    Event<PhotoChanged> changed;
    @Inject
    MediaConfig config;
    @Inject
    ImageInspector inspector;
    @Inject
    MetadataReader metadataReader;
    @Inject
    ObjectStore store;
    @Inject
    PhotoRepository photos;
    @Inject
    RenditionRepository renditions;
    @Inject
    RenditionRequests renditionRequests;
    @Inject
    MeterRegistry metrics;

    /** A stored photo with its renditions so far. */
    public record StoredPhoto(Photo photo, List<Rendition> renditions) {
    }

    public StoredPhoto upload(UploadRequest request) {
        try (Upload upload = Upload.spool(request.body(), config.maxUploadBytes())) {
            return store(request, upload);
        }
    }

    private StoredPhoto store(UploadRequest request, Upload upload) {
        String sha = upload.sha256();
        if (request.idempotencyKey() != null) {
            Optional<Photo> earlier = QuarkusTransaction.requiringNew().call(() ->
                    photos.findByIdempotencyKey(request.uploadedBy(), request.idempotencyKey()));
            if (earlier.isPresent()) {
                if (!earlier.get().sha256.equals(sha)) {
                    throw ProblemException.unprocessable("Idempotency-Key",
                            "this key was used for a different file");
                }
                List<Rendition> made = renditionsOf(earlier.get().id);
                if (made.isEmpty()) {
                    renditionRequests.request(earlier.get().id);
                }
                return new StoredPhoto(earlier.get(), made);
            }
        }
        ImageInspector.Inspected image = inspector.inspect(upload.file(), request.declaredType(), request.fileName());
        PhotoMetadata metadata = metadataReader.read(upload.file());
        UUID id = request.idempotencyKey() == null ? Ids.newV7()
                : Ids.nameBased("media", request.uploadedBy(), request.idempotencyKey());
        String originalKey = "originals/" + id;
        try {
            store.put(originalKey, upload.file(), upload.md5(), image.format().mediaType());
        } catch (ObjectStoreUnavailableException e) {
            LOG.warnf(e, "upload %s refused: object store unavailable", id);
            metrics.counter("newsroom_media_uploads_unavailable_total").increment();
            throw ProblemException.unavailable("The object store is unavailable; try again later",
                    config.retryAfterSeconds());
        }
        Photo photo = new Photo();
        photo.id = id;
        photo.uploadedBy = request.uploadedBy();
        photo.idempotencyKey = request.idempotencyKey();
        photo.contentType = image.format().mediaType();
        photo.originalKey = originalKey;
        photo.sha256 = sha;
        photo.sizeBytes = upload.size();
        photo.width = image.width();
        photo.height = image.height();
        photo.caption = metadata.caption();
        photo.credit = metadata.credit();
        photo.byline = metadata.byline();
        photo.copyright = metadata.copyright();
        photo.takenAt = metadata.takenAt();
        photo.uploadedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        try {
            QuarkusTransaction.requiringNew().run(() -> photos.persist(photo));
        } catch (RuntimeException e) {
            // The same uploader and key at the same moment: the first insert won; answer as a retry would be.
            if (request.idempotencyKey() != null) {
                Optional<Photo> winner = QuarkusTransaction.requiringNew().call(() ->
                        photos.findByIdempotencyKey(request.uploadedBy(), request.idempotencyKey()));
                if (winner.isPresent() && winner.get().sha256.equals(sha)) {
                    return new StoredPhoto(winner.get(), renditionsOf(winner.get().id));
                }
                if (winner.isPresent()) {
                    throw ProblemException.unprocessable("Idempotency-Key", "this key was used for a different file");
                }
            }
            throw e;
        }
        metrics.counter("newsroom_media_uploads_total").increment();
        if (!renditionRequests.request(id)) {
            // The original is stored and recorded: the answer stands. A retry with the same key asks again.
            LOG.warnf("rendition request for photo %s not acknowledged by Kafka", id);
        }
        return new StoredPhoto(photo, List.of());
    }

    @Transactional
    public Optional<StoredPhoto> find(UUID id) {
        return Optional.ofNullable(photos.findById(id)).map(photo -> new StoredPhoto(photo, renditions.ofPhoto(id)));
    }

    /**
     * Changes the caption, credit or byline (a null argument leaves the field as it is); only the desk or the
     * uploader may (403 otherwise).
     */
    @Transactional
    public Optional<StoredPhoto> edit(UUID id, String editor, boolean desk, String caption, String credit,
            String byline) {
        Photo photo = photos.findById(id);
        if (photo == null) {
            return Optional.empty();
        }
        if (!desk && !photo.uploadedBy.equals(editor)) {
            throw ProblemException.forbidden("Only the uploader or an editor may edit this photo");
        }
        if (caption != null) {
            photo.caption = caption;
        }
        if (credit != null) {
            photo.credit = credit;
        }
        if (byline != null) {
            photo.byline = byline;
        }
        List<Rendition> made = renditions.ofPhoto(id);
        if (photo.changedAt != null || !made.isEmpty()) {
            photo.changedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
            changed.fire(new PhotoChanged(id));
        }
        return Optional.of(new StoredPhoto(photo, made));
    }

    /** The original's bytes (staff only; the caller checks). */
    public Optional<byte[]> original(Photo photo) {
        try {
            return store.get(photo.originalKey);
        } catch (ObjectStoreUnavailableException e) {
            throw ProblemException.unavailable("The object store is unavailable; try again later",
                    config.retryAfterSeconds());
        }
    }

    /** A rendition's bytes if it exists and the reader may see it (staff see all). */
    public Optional<byte[]> rendition(String sha256, boolean staff) {
        boolean visible = staff ? renditions.exists(sha256) : renditions.isPublic(sha256);
        if (!visible) {
            return Optional.empty();
        }
        try {
            return store.get(RenditionService.objectKey(sha256));
        } catch (ObjectStoreUnavailableException e) {
            throw ProblemException.unavailable("The object store is unavailable; try again later",
                    config.retryAfterSeconds());
        }
    }

    /** Whether readers may see the rendition with these bytes (its Cache-Control depends on it). */
    public boolean isPublicRendition(String sha256) {
        return renditions.isPublic(sha256);
    }

    private List<Rendition> renditionsOf(UUID id) {
        return renditions.ofPhoto(id);
    }
}
