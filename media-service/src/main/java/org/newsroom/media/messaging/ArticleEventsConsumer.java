package org.newsroom.media.messaging;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.newsroom.contracts.CloudEventAttributes;
import org.newsroom.contracts.EventJson;
import org.newsroom.contracts.EventTypes;
import org.newsroom.media.service.PublicationService;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Learns from the shared topics which article carries which photo ({@code news.article.submitted}) and which
 * articles are public ({@code news.issue.published}). Only the ids are read, so a change elsewhere in the payloads
 * cannot stop this consumer; an unreadable record is logged and skipped, a database failure is retried by redelivery.
 */
@ApplicationScoped
public class ArticleEventsConsumer {

    private static final Logger LOG = Logger.getLogger(ArticleEventsConsumer.class);

    @Inject
    PublicationService publication;

    @Incoming("article-submissions")
    public Uni<Void> submitted(ConsumerRecord<String, byte[]> record) {
        JsonNode data = readData(record, EventTypes.ARTICLE_SUBMITTED);
        if (data == null) {
            return Uni.createFrom().voidItem();
        }
        UUID articleId = uuid(data.get("id"));
        if (articleId == null) {
            LOG.warnf("skipping a submission without an id at %s-%d@%d", record.topic(), record.partition(),
                    record.offset());
            return Uni.createFrom().voidItem();
        }
        List<UUID> photos = new ArrayList<>();
        JsonNode media = data.get("media");
        if (media != null && media.isArray()) {
            for (JsonNode item : media) {
                UUID photoId = uuid(item.get("id"));
                if (photoId != null) {
                    photos.add(photoId);
                }
            }
        }
        int revision = data.path("revision").asInt(1);
        return retried(() -> publication.articleRevised(articleId, revision, photos), "links of article " + articleId);
    }

    @Incoming("issues")
    public Uni<Void> published(ConsumerRecord<String, byte[]> record) {
        JsonNode data = readData(record, EventTypes.ISSUE_PUBLISHED);
        if (data == null) {
            return Uni.createFrom().voidItem();
        }
        OffsetDateTime publishedAt = OffsetDateTime.now(ZoneOffset.UTC);
        try {
            if (data.hasNonNull("publishedAt")) {
                publishedAt = OffsetDateTime.parse(data.get("publishedAt").asText());
            }
        } catch (RuntimeException e) {
            // keep now: the time only tells since when a photo is public
        }
        List<UUID> articleIds = new ArrayList<>();
        JsonNode articles = data.get("articles");
        if (articles != null && articles.isArray()) {
            for (JsonNode article : articles) {
                UUID articleId = uuid(article.get("id"));
                if (articleId != null) {
                    articleIds.add(articleId);
                }
            }
        }
        OffsetDateTime since = publishedAt;
        return retried(() -> articleIds.forEach(id -> publication.articlePublished(id, since)),
                "publication of issue " + record.key());
    }

    /** Runs the database work on a worker thread, retried with backoff until it succeeds (then the offset moves). */
    private static Uni<Void> retried(Runnable work, String what) {
        return Uni.createFrom().item(() -> {
            work.run();
            return (Void) null;
        })
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .onFailure().invoke(e -> LOG.warnf("%s failed (%s); retrying", what, e.getMessage()))
                .onFailure().retry().withBackOff(Duration.ofMillis(500), Duration.ofSeconds(30)).indefinitely();
    }

    private static JsonNode readData(ConsumerRecord<String, byte[]> record, String type) {
        try {
            CloudEventAttributes attributes = CloudEventAttributes.readFrom(record.headers());
            if (!type.equals(attributes.type()) || record.value() == null) {
                return null;
            }
            return EventJson.read(record.value(), JsonNode.class);
        } catch (RuntimeException e) {
            LOG.warnf("skipping an unreadable record at %s-%d@%d: %s", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return null;
        }
    }

    private static UUID uuid(JsonNode node) {
        if (node == null || !node.isTextual()) {
            return null;
        }
        try {
            return UUID.fromString(node.asText());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
