package org.newsroom.article.ninjs.mapping;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import org.newsroom.article.domain.ArticleStatus;
import org.newsroom.article.mapping.HtmlText;
import org.newsroom.article.model.ArticleView;
import org.newsroom.article.model.MediaView;
import org.newsroom.contracts.article.BodyBlock;
import org.newsroom.contracts.article.Byline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The Article as an IPTC ninjs 3.1 document (valid against {@code ninjs-schema_3.1.json}). Fields of a document
 * submitted in ninjs that the Submission has no place for are carried over when ninjs 3.1 defines them and they pass
 * {@link NinjsCarryOver}'s checks; fields ninjs does not define cannot be (the schema forbids unevaluated properties).
 */
public final class NinjsMapper {

    public static final String MEDIA_TYPE = "application/ninjs+json";
    public static final String SCHEMA_URI = "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#";
    /** RFC 3339 with seconds always present (OffsetDateTime.toString() drops ":00"). */
    private static final DateTimeFormatter RFC_3339 = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** Optional rights statements added to every document. */
    public record Rights(Optional<String> copyrightHolder, Optional<String> copyrightNotice) {
        public static final Rights NONE = new Rights(Optional.empty(), Optional.empty());
    }

    private NinjsMapper() {
    }

    /**
     * Maps an article.
     *
     * @param article  the Article as its viewer may see it
     * @param uri      the article's identifier (its public URL)
     * @param original the ninjs document the current revision was submitted as, or null
     */
    public static ObjectNode toNinjs(ArticleView article, String uri, JsonNode original, Rights rights) {
        ObjectNode doc = JSON.objectNode();
        doc.put("uri", uri);
        doc.put("type", "text");
        doc.put("representationType", "full");
        doc.put("version", Integer.toString(article.revision()));
        putTime(doc, "firstCreated", article.submittedAt());
        putTime(doc, "versionCreated", article.updatedAt());
        putTime(doc, "contentCreated", article.submittedAt());
        putTime(doc, "embargoedUntil", article.embargoedUntil());
        doc.put("pubStatus", pubStatus(article.status()));
        rights.copyrightHolder().ifPresent(v -> doc.put("copyrightHolder", v));
        rights.copyrightNotice().ifPresent(v -> doc.put("copyrightNotice", v));
        if (article.language() != null) {
            doc.put("language", article.language());
        }
        if (article.slug() != null) {
            doc.put("slugline", article.slug());
        }

        ArrayNode headlines = doc.putArray("headlines");
        headline(headlines, "main", article.headline());
        headline(headlines, "sub", article.subheadline());
        headline(headlines, "kicker", article.kicker());

        ArrayNode bodies = doc.putArray("bodies");
        String plain = plainText(article.body());
        bodies.addObject().put("role", "main").put("contentType", "text/html")
                .put("charCount", plain.codePointCount(0, plain.length())).put("value", html(article.body()));
        bodies.addObject().put("role", "main").put("contentType", "text/plain")
                .put("charCount", plain.codePointCount(0, plain.length())).put("value", plain);

        String by = article.creditLine() != null ? article.creditLine() : byline(article.bylines());
        if (by != null) {
            doc.put("by", by);
        }
        if (article.bylines() != null && !article.bylines().isEmpty()) {
            ArrayNode people = doc.putArray("people");
            for (Byline byline : article.bylines()) {
                people.addObject().put("name", byline.name()).put("rel", wire(byline.role()));
            }
        }
        if (article.source() != null) {
            ObjectNode source = doc.putArray("infoSources").addObject().put("name", article.source().name());
            if (article.source().label() != null) {
                source.put("role", article.source().label());
            }
            uri(article.source().uri()).ifPresent(u -> source.put("uri", u));
        }
        if (article.genre() != null) {
            String genre = wire(article.genre());
            doc.putArray("genres").addObject().put("name", genre).put("literal", genre);
        }
        if (article.tags() != null && !article.tags().isEmpty()) {
            ArrayNode subjects = doc.putArray("subjects");
            article.tags().forEach(tag -> subjects.addObject().put("name", tag));
        }
        if (article.correction() != null || article.retraction() != null) {
            ArrayNode descriptions = doc.putArray("descriptions");
            if (article.correction() != null) {
                descriptions.addObject().put("role", "correction").put("contentType", "text/plain")
                        .put("value", article.correction().note());
            }
            if (article.retraction() != null) {
                descriptions.addObject().put("role", "retraction").put("contentType", "text/plain")
                        .put("value", article.retraction().note());
            }
        }
        if (article.media() != null && !article.media().isEmpty()) {
            ArrayNode associations = doc.putArray("associations");
            int n = 0;
            for (MediaView media : article.media()) {
                n++;
                associations.add(association(media, n, uri));
            }
        }
        if (original != null && original.isObject()) {
            JsonNode originalUri = original.get("uri");
            if (originalUri != null && originalUri.isTextual() && !originalUri.textValue().equals(uri)) {
                doc.putArray("altIds").addObject().put("role", "original-uri").put("value", originalUri.textValue());
            }
            NinjsCarryOver.merge(doc, (ObjectNode) original);
        }
        doc.putObject("standard").put("name", "ninjs").put("version", "3.1").put("schema", SCHEMA_URI);
        return doc;
    }

    /** usable while readers may read it, canceled once retracted, withheld before publication. */
    static String pubStatus(ArticleStatus status) {
        if (status == null) {
            return "withheld";
        }
        return switch (status) {
            case PUBLISHED, CORRECTED -> "usable";
            case RETRACTED -> "canceled";
            default -> "withheld";
        };
    }

    /**
     * A media item as an association: a {@code uri} item with its URL as the one rendition; a photo of the photo
     * desk named {@code urn:uuid:<photo id>}, with each public rendition ({@link #renditionName}: href, width, height,
     * contentType) once its state is known.
     */
    private static ObjectNode association(MediaView media, int n, String articleUri) {
        ObjectNode item = JSON.objectNode();
        String type = switch (media.type()) {
            case PHOTO -> "picture";
            case GRAPHIC -> "graphic";
            case VIDEO -> "video";
            case AUDIO -> "audio";
        };
        String href = uri(media.uri()).orElse(null);
        item.put("name", type + "-" + n);
        if (media.id() != null) {
            item.put("uri", "urn:uuid:" + media.id());
        } else {
            item.put("uri", href != null ? href : articleUri + "#media-" + n);
        }
        item.put("rel", "illustration");
        item.put("type", type);
        if (media.credit() != null) {
            item.put("by", media.credit());
        }
        if (media.caption() != null) {
            item.putArray("descriptions").addObject().put("role", "caption").put("contentType", "text/plain")
                    .put("value", media.caption());
        }
        if (href != null) {
            item.putArray("renditions").addObject().put("name", "original").put("href", href);
        } else if (media.renditions() != null && !media.renditions().isEmpty()) {
            ArrayNode renditions = item.putArray("renditions");
            for (MediaView.Rendition rendition : media.renditions()) {
                Optional<String> renditionHref = uri(rendition.url());
                if (renditionHref.isEmpty()) {
                    continue;
                }
                renditions.addObject().put("name", renditionName(rendition)).put("href", renditionHref.get())
                        .put("contentType", rendition.contentType()).put("width", rendition.width())
                        .put("height", rendition.height());
            }
        }
        return item;
    }

    /** {@code w1280} for a JPEG, {@code w1280-webp} for another type of the same width: unique per photo. */
    private static String renditionName(MediaView.Rendition rendition) {
        String type = rendition.contentType();
        String subtype = type.substring(type.indexOf('/') + 1);
        return "w" + rendition.width() + ("jpeg".equals(subtype) ? "" : "-" + subtype);
    }

    private static void headline(ArrayNode headlines, String role, String value) {
        if (value != null) {
            headlines.addObject().put("role", role).put("contentType", "text/plain").put("value", value);
        }
    }

    private static void putTime(ObjectNode doc, String field, OffsetDateTime time) {
        if (time != null) {
            doc.put(field, RFC_3339.format(time));
        }
    }

    private static String byline(List<Byline> bylines) {
        if (bylines == null || bylines.isEmpty()) {
            return null;
        }
        return String.join(" ", bylines.stream().map(Byline::name).toList());
    }

    /** The body as plain text: blocks separated by blank lines, exactly as submitted. */
    public static String plainText(List<BodyBlock> body) {
        if (body == null) {
            return "";
        }
        return String.join("\n\n", body.stream().map(BodyBlock::text).toList());
    }

    /** The body as HTML: paragraph → p, heading → h2, quote → blockquote; every text escaped. */
    public static String html(List<BodyBlock> body) {
        StringBuilder out = new StringBuilder();
        if (body == null) {
            return "";
        }
        for (BodyBlock block : body) {
            switch (block.type()) {
                case HEADING -> out.append("<h2>").append(HtmlText.escape(block.text())).append("</h2>");
                case QUOTE -> out.append("<blockquote><p>").append(HtmlText.escape(block.text())).append("</p></blockquote>");
                default -> out.append("<p>").append(HtmlText.escape(block.text())).append("</p>");
            }
        }
        return out.toString();
    }

    /** An absolute URI in ASCII form (RFC 3986), quoting what a submitted http(s) URL may hold; empty when hopeless. */
    public static Optional<String> uri(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            URI parsed = new URI(value);
            if (parsed.isAbsolute()) {
                return Optional.of(parsed.toASCIIString());
            }
        } catch (URISyntaxException e) {
            // quote below
        }
        try {
            URL url = new URL(value);
            URI quoted = new URI(url.getProtocol(), url.getUserInfo(), url.getHost(), url.getPort(), url.getPath(),
                    url.getQuery(), url.getRef());
            return Optional.of(quoted.toASCIIString());
        } catch (java.net.MalformedURLException | URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String wire(Enum<?> value) {
        return org.newsroom.contracts.EventJson.mapper().convertValue(value, String.class);
    }
}
