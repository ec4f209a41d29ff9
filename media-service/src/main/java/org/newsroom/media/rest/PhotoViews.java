package org.newsroom.media.rest;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.newsroom.media.config.MediaConfig;
import org.newsroom.media.service.Credits;
import org.newsroom.media.service.PhotoService.StoredPhoto;
import org.newsroom.media.service.RenditionService;

/** Turns stored photos into their HTTP view with absolute rendition URLs. */
@ApplicationScoped
public class PhotoViews {

    @Inject
    MediaConfig config;
    @Inject
    RenditionService renditions;

    public PhotoView view(StoredPhoto stored, boolean staff) {
        var photo = stored.photo();
        String base = config.publicUrl().replaceAll("/+$", "");
        List<PhotoView.RenditionView> list = stored.renditions().stream()
                .map(r -> new PhotoView.RenditionView(renditions.publicUrl(r.sha256), r.width, r.height, "image/jpeg"))
                .toList();
        boolean ready = stored.renditions().size() >= renditions.widthsFor(photo.width).size();
        return new PhotoView(photo.id, photo.contentType, photo.width, photo.height, photo.sizeBytes,
                staff ? photo.sha256 : null, photo.caption, photo.credit, Credits.photographers(photo.credit), photo.byline, photo.copyright,
                photo.takenAt, staff ? photo.uploadedBy : null, photo.uploadedAt, photo.publicSince != null,
                ready ? "ready" : "processing", list,
                staff ? base + "/api/v1/media/" + photo.id + "/original" : null);
    }
}
