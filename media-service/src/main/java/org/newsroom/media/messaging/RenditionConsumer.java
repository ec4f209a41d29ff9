package org.newsroom.media.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.newsroom.contracts.EventJson;
import org.newsroom.media.service.RenditionService;

import io.smallrye.common.annotation.Blocking;

/**
 * Makes the renditions a request asks for; the offset is committed after they are stored (at-least-once). Making them
 * again is harmless: they are content-addressed and written idempotently. A request that is not valid JSON is logged
 * and skipped; an unavailable object store fails the record, which the connector retries.
 */
@ApplicationScoped
public class RenditionConsumer {

    private static final Logger LOG = Logger.getLogger(RenditionConsumer.class);

    @Inject
    RenditionService renditions;

    @Incoming("rendition-requests")
    @Blocking
    public void render(byte[] payload) {
        RenditionRequest request;
        try {
            request = EventJson.read(payload, RenditionRequest.class);
        } catch (RuntimeException e) {
            LOG.warnf(e, "skipping an unreadable rendition request");
            return;
        }
        if (request == null || request.photoId() == null) {
            LOG.warn("skipping a rendition request without a photo id");
            return;
        }
        renditions.render(request.photoId());
    }
}
