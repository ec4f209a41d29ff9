package org.newsroom.article.mapping;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.newsroom.article.domain.Article;
import org.newsroom.article.domain.Photo;
import org.newsroom.article.model.ArticleView;
import org.newsroom.article.model.LeadImage;
import org.newsroom.article.model.MediaView;
import org.newsroom.article.repository.PhotoRepository;
import org.newsroom.contracts.EventJson;
import org.newsroom.contracts.article.BodyBlock;
import org.newsroom.contracts.article.Byline;
import org.newsroom.contracts.article.Distribution;
import org.newsroom.contracts.article.Genre;
import org.newsroom.contracts.article.Media;
import org.newsroom.contracts.article.Source;
import org.newsroom.contracts.article.Submission;
import org.newsroom.contracts.article.SubmissionFormat;
import org.newsroom.contracts.media.PhotoUpdated;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The one conversion between the {@link Article} row, the contract's {@link Submission} and the API's
 * {@link ArticleView}; every reader representation (JSON, search hits, feeds, ninjs) starts from here. Media items
 * that reference a photo of the photo desk by id are joined here to the photo's announced state ({@link Photo}).
 */
@ApplicationScoped
public class ArticleMapper {

    private static final TypeReference<List<BodyBlock>> BODY = new TypeReference<>() {
    };
    private static final TypeReference<List<Byline>> BYLINES = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> TAGS = new TypeReference<>() {
    };
    private static final TypeReference<List<Media>> MEDIA = new TypeReference<>() {
    };
    private static final TypeReference<List<PhotoUpdated.Rendition>> RENDITIONS = new TypeReference<>() {
    };
    /** Width the lead image's rendition should have (or the widest below it): a feed or alert image, not print. */
    public static final int LEAD_IMAGE_WIDTH = 1280;

    @Inject
    PhotoRepository photos;

    /** {@code newsroom.public-base-url}: public base URL of the reader-facing article-service, used in links and events. */
    @ConfigProperty(name = "newsroom.public-base-url", defaultValue = "http://127.0.0.1:8082")
    String publicBaseUrl;

    /** The article's current content as a Submission (defaults applied). */
    public Submission submission(Article a) {
        return new Submission(a.headline, a.subheadline, a.kicker, fromWire(a.genre, Genre.class), a.language,
                read(a.body, BODY), read(a.bylines, BYLINES), a.creditLine,
                a.source == null ? null : read(a.source, Source.class),
                a.section, read(a.tags, TAGS), read(a.media, MEDIA),
                fromWire(a.distribution, Distribution.class), embargoedUntil(a), a.slug);
    }

    /** Writes a Submission's fields into the row; {@code submission} must already have its defaults applied. */
    public void applyContent(Article a, Submission s) {
        a.headline = s.headline();
        a.subheadline = s.subheadline();
        a.kicker = s.kicker();
        a.genre = toWire(s.genre());
        a.language = s.language();
        a.body = json(s.body());
        a.bylines = json(s.bylines());
        a.creditLine = s.creditLine();
        a.source = s.source() == null ? null : json(s.source());
        a.section = s.section();
        a.tags = json(s.tags());
        a.media = json(s.media());
        a.distribution = toWire(s.distribution());
        if (s.embargoedUntil() == null) {
            a.embargoedUntil = null;
            a.embargoedUntilOffset = null;
        } else {
            a.embargoedUntil = s.embargoedUntil().toInstant().truncatedTo(ChronoUnit.MICROS);
            a.embargoedUntilOffset = s.embargoedUntil().getOffset().getTotalSeconds();
        }
        a.slug = s.slug();
    }

    /** The Article of the API as readers see it. */
    public ArticleView toView(Article a) {
        return toView(a, false);
    }

    /**
     * The Article of the API.
     *
     * @param desk whether the viewer works on the article (an editor, or its author): adds its pending revision
     */
    public ArticleView toView(Article a, boolean desk) {
        return toView(a, desk, photosOf(List.of(a)));
    }

    /**
     * The Article of the API, with the photos its media reference already loaded ({@link #photosOf}, one query for
     * a whole page of articles).
     */
    public ArticleView toView(Article a, boolean desk, Map<UUID, Photo> photos) {
        Submission s = submission(a);
        ArticleView.IssueRef issue = a.issueId == null ? null
                : new ArticleView.IssueRef(a.issueId, a.issueNumber, a.issuePage);
        ArticleView.Note correction = a.correctionNote == null ? null
                : new ArticleView.Note(a.correctionNote, time(a.correctedAt));
        ArticleView.Note retraction = a.retractionNote == null ? null
                : new ArticleView.Note(a.retractionNote, time(a.retractedAt));
        return new ArticleView(a.id, a.revision, desk ? a.pendingRevision : null, a.status, s.headline(), s.subheadline(), s.kicker(), s.genre(),
                s.language(), s.body(), s.bylines(), s.creditLine(), s.source(), s.section(), s.tags(),
                media(s.media(), photos), s.distribution(), s.embargoedUntil(), s.slug(), a.submittedBy,
                time(a.submittedAt), time(a.updatedAt), time(a.publishedAt), issue, correction, retraction, links(a));
    }

    /** The known photos that the media of these articles reference by id. */
    public Map<UUID, Photo> photosOf(Collection<Article> articles) {
        Set<UUID> ids = new LinkedHashSet<>();
        for (Article a : articles) {
            if (a.media != null && a.media.contains("\"id\"")) {
                read(a.media, MEDIA).stream().map(Media::id).filter(id -> id != null).forEach(ids::add);
            }
        }
        return photos.byIds(ids);
    }

    /** The media as readers see them: uri items as submitted, photos by id joined to their state when known. */
    public static List<MediaView> media(List<Media> media, Map<UUID, Photo> photos) {
        if (media == null) {
            return null;
        }
        List<MediaView> views = new ArrayList<>(media.size());
        for (Media item : media) {
            Photo photo = item.id() == null ? null : photos.get(item.id());
            if (photo == null) {
                views.add(new MediaView(item.type(), item.uri(), item.id(), item.caption(), item.credit(), null, null,
                        null));
            } else {
                List<MediaView.Rendition> renditions = read(photo.renditions, RENDITIONS).stream()
                        .map(r -> new MediaView.Rendition(r.url(), r.width(), r.height(), r.contentType()))
                        .sorted(Comparator.comparingInt(MediaView.Rendition::width)).toList();
                views.add(new MediaView(item.type(), null, item.id(),
                        item.caption() != null ? item.caption() : photo.caption,
                        item.credit() != null ? item.credit() : photo.credit, photo.width, photo.height, renditions));
            }
        }
        return views;
    }

    /**
     * The lead image: of the first photo with known renditions, the one {@link #LEAD_IMAGE_WIDTH} pixels wide or
     * else the widest narrower one (the narrowest when all are wider).
     */
    public static Optional<LeadImage> leadImage(List<MediaView> media) {
        if (media == null) {
            return Optional.empty();
        }
        return media.stream().filter(MediaView::hasRenditions).findFirst().map(photo -> {
            MediaView.Rendition chosen = photo.renditions().stream().filter(r -> r.width() <= LEAD_IMAGE_WIDTH)
                    .max(Comparator.comparingInt(MediaView.Rendition::width))
                    .orElseGet(() -> photo.renditions().stream()
                            .min(Comparator.comparingInt(MediaView.Rendition::width)).orElseThrow());
            return new LeadImage(chosen.url(), chosen.width(), chosen.height(), chosen.contentType(),
                    photo.caption(), photo.credit());
        });
    }

    public Map<String, String> links(Article a) {
        Map<String, String> links = new LinkedHashMap<>();
        links.put("self", articleUrl(a.id));
        links.put("revisions", articleUrl(a.id) + "/revisions");
        links.put("transitions", articleUrl(a.id) + "/transitions");
        if (a.issueId != null) {
            links.put("issue", issueUrl(a.issueId));
        }
        return links;
    }

    public String articleUrl(UUID id) {
        return baseUrl() + "/api/v1/articles/" + id;
    }

    public String issueUrl(UUID id) {
        return baseUrl() + "/api/v1/issues/" + id;
    }

    /** The configured public base URL without a trailing slash. */
    public String baseUrl() {
        return publicBaseUrl.replaceAll("/+$", "");
    }

    /** The ninjs document the current revision was submitted as, or null. */
    public JsonNode original(Article a) {
        return a.original == null ? null : read(a.original, JsonNode.class);
    }

    public static SubmissionFormat format(String wire) {
        return wire == null ? null : fromWire(wire, SubmissionFormat.class);
    }

    public static OffsetDateTime embargoedUntil(Article a) {
        if (a.embargoedUntil == null) {
            return null;
        }
        ZoneOffset offset = a.embargoedUntilOffset == null ? ZoneOffset.UTC
                : ZoneOffset.ofTotalSeconds(a.embargoedUntilOffset);
        return OffsetDateTime.ofInstant(a.embargoedUntil, offset);
    }

    /** An instant as an RFC 3339 time in UTC, or null. */
    public static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** JSON text of a value (stored in jsonb columns), in the event JSON conventions. */
    public static String json(Object value) {
        try {
            return EventJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    public static <T> T read(String json, Class<T> type) {
        try {
            return EventJson.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is not a " + type.getSimpleName(), e);
        }
    }

    public static <T> T read(String json, TypeReference<T> type) {
        try {
            return EventJson.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON does not have the expected shape", e);
        }
    }

    /** The JSON name of an enum constant of the contracts ("public", "news", ...). */
    public static String toWire(Enum<?> value) {
        return value == null ? null : EventJson.mapper().convertValue(value, String.class);
    }

    public static <E extends Enum<E>> E fromWire(String value, Class<E> type) {
        return value == null ? null : EventJson.mapper().convertValue(value, type);
    }
}
