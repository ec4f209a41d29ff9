package org.newsroom.media.service;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.newsroom.media.config.MediaConfig;
import org.newsroom.media.domain.Photo;
import org.newsroom.media.domain.Rendition;
import org.newsroom.media.repository.PhotoRepository;
import org.newsroom.media.repository.RenditionRepository;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Makes a photo's public renditions: one JPEG per configured width not wider than the original (the original's own
 * width when it is narrower than all of them), stored under {@code renditions/<sha-256>.jpg}.
 */
@ApplicationScoped
public class RenditionService {

    private static final Logger LOG = Logger.getLogger(RenditionService.class);

    @Inject
    MediaConfig config;
    @Inject
    PhotoRepository photos;
    @Inject
    RenditionRepository renditions;
    @Inject
    ObjectStore store;
    @Inject
    JpegRenderer renderer;
    @Inject
    MeterRegistry metrics;
    @Inject
    Event<PhotoChanged> changed;

    /** The object key of the rendition with these bytes. */
    public static String objectKey(String sha256) {
        return "renditions/" + sha256 + ".jpg";
    }

    public void render(UUID photoId) {
        Photo photo = QuarkusTransaction.requiringNew().call(() -> photos.findById(photoId));
        if (photo == null) {
            LOG.warnf("rendition request for unknown photo %s skipped", photoId);
            return;
        }
        List<Integer> widths = widthsFor(photo.width);
        List<Integer> done = QuarkusTransaction.requiringNew().call(() ->
                renditions.ofPhoto(photoId).stream().map(r -> r.width).toList());
        if (done.containsAll(widths)) {
            if (photo.changedAt == null) {
                QuarkusTransaction.requiringNew().run(() -> markChanged(photoId));
            }
            return;
        }
        BufferedImage image;
        Path original = temporaryFile();
        try {
            if (!store.download(photo.originalKey, original)) {
                throw new IllegalStateException("original of photo " + photoId + " is missing");
            }
            image = renderer.decode(original, widths.get(widths.size() - 1));
        } finally {
            deleteQuietly(original);
        }
        for (int width : widths) {
            if (done.contains(width)) {
                continue;
            }
            BufferedImage scaled = renderer.scale(image, width);
            byte[] jpeg = renderer.encode(scaled, config.jpegQuality());
            String sha = Digests.sha256Hex(jpeg);
            store.put(objectKey(sha), jpeg, "image/jpeg");
            int height = scaled.getHeight();
            QuarkusTransaction.requiringNew().run(() -> save(photoId, width, height, sha, jpeg.length));
            metrics.counter("newsroom_media_renditions_total").increment();
        }
        QuarkusTransaction.requiringNew().run(() -> markChanged(photoId));
    }

    /** Every rendition is made: the photo's public state is due to be announced. */
    private void markChanged(UUID photoId) {
        Photo photo = photos.findById(photoId);
        photo.changedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        changed.fire(new PhotoChanged(photoId));
    }

    /** The public URL of the rendition with these bytes. */
    public String publicUrl(String sha256) {
        return config.publicUrl().replaceAll("/+$", "") + "/api/v1/media/renditions/" + sha256 + ".jpg";
    }

    private static Path temporaryFile() {
        try {
            return Files.createTempFile("newsroom-original-", ".bin");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temporary file
        }
    }

    private void save(UUID photoId, int width, int height, String sha, long size) {
        Rendition.Key key = new Rendition.Key();
        key.photoId = photoId;
        key.width = width;
        if (renditions.findById(key) != null) {
            return;
        }
        Rendition rendition = new Rendition();
        rendition.photoId = photoId;
        rendition.width = width;
        rendition.height = height;
        rendition.sha256 = sha;
        rendition.sizeBytes = size;
        renditions.persist(rendition);
    }

    /** The widths a photo of this width gets. */
    public List<Integer> widthsFor(int originalWidth) {
        TreeSet<Integer> widths = new TreeSet<>();
        for (int width : config.renditionWidths()) {
            if (width <= originalWidth) {
                widths.add(width);
            }
        }
        if (widths.isEmpty()) {
            widths.add(originalWidth);
        }
        return List.copyOf(widths);
    }
}
