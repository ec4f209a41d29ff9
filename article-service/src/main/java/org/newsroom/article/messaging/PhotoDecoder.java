package org.newsroom.article.messaging;

import java.net.URI;
import java.net.URISyntaxException;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.newsroom.contracts.CloudEventAttributes;
import org.newsroom.contracts.EventJson;
import org.newsroom.contracts.EventTypes;
import org.newsroom.contracts.InvalidEventException;
import org.newsroom.contracts.media.PhotoUpdated;

/** Turns a record of {@code newsroom.photos} into a valid photo state, or says why it cannot be one. */
@ApplicationScoped
public class PhotoDecoder {

    /** @throws InvalidEventException when the record is not a valid {@code news.photo.updated} event */
    public PhotoUpdated decode(ConsumerRecord<String, byte[]> record) {
        CloudEventAttributes attributes = CloudEventAttributes.readFrom(record.headers());
        if (!EventTypes.PHOTO_UPDATED.equals(attributes.type())) {
            throw new InvalidEventException("unexpected ce_type " + abbreviate(attributes.type()));
        }
        PhotoUpdated state = EventJson.read(record.value(), PhotoUpdated.class);
        if (state.id() == null) {
            throw new InvalidEventException("missing id");
        }
        if (!state.id().toString().equals(record.key())) {
            // the topic is compacted by key: a state under another photo's key would survive as that photo's
            throw new InvalidEventException("key " + abbreviate(String.valueOf(record.key())) + " is not the photo id "
                    + state.id());
        }
        if (state.updatedAt() == null) {
            throw new InvalidEventException("missing updatedAt");
        }
        if (state.width() <= 0 || state.height() <= 0) {
            throw new InvalidEventException("width and height must be positive");
        }
        if (state.renditions() == null) {
            throw new InvalidEventException("missing renditions");
        }
        for (int i = 0; i < state.renditions().size(); i++) {
            PhotoUpdated.Rendition rendition = state.renditions().get(i);
            if (rendition == null || !isHttpUrl(rendition.url()) || rendition.width() <= 0 || rendition.height() <= 0
                    || rendition.contentType() == null || rendition.contentType().isBlank()) {
                throw new InvalidEventException("renditions[" + i + "] needs an http(s) url, a positive width and "
                        + "height and a contentType");
            }
        }
        return state;
    }

    private static boolean isHttpUrl(String url) {
        if (url == null) {
            return false;
        }
        try {
            URI uri = new URI(url);
            return uri.isAbsolute() && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 100 ? text.substring(0, 100) + "…" : text;
    }
}
