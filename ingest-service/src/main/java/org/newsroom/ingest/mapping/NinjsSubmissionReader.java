package org.newsroom.ingest.mapping;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.newsroom.common.problem.Problem;
import org.newsroom.common.problem.ProblemException;
import org.newsroom.contracts.article.BodyBlock;
import org.newsroom.contracts.article.Genre;
import org.newsroom.contracts.article.Source;
import org.newsroom.contracts.article.Submission;
import org.newsroom.contracts.article.SubmissionFormat;
import org.newsroom.ingest.domain.ParsedSubmission;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Maps an IPTC ninjs 3.x text item onto a Submission (API.md): {@code headlines[role=main]} → headline,
 * {@code headlines[role=sub]} → subheadline, {@code bodies} (else {@code descriptions}, as NTB sends) → body, {@code by} → creditLine, {@code infoSources} →
 * source, {@code language}, {@code embargoedUntil}, {@code genres} → genre, {@code subjects} → tags. The document itself
 * travels as {@code original} in the event, so no field is lost. Pictures, events and other non-text items are refused.
 */
@ApplicationScoped
public class NinjsSubmissionReader {

    /** ninjs item types that are (or may be) text articles; an absent {@code type} is accepted. */
    private static final Set<String> TEXT_TYPES = Set.of("text", "composite");
    /** Where a Submission field comes from in ninjs, so that validation errors name the ninjs field. */
    private static final Map<String, String> NINJS_FIELDS = Map.of(
            "headline", "headlines", "subheadline", "headlines", "body", "bodies", "creditLine", "by",
            "source", "infoSources", "tags", "subjects", "genre", "genres");

    private final ObjectMapper mapper;

    @Inject
    public NinjsSubmissionReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public ParsedSubmission read(byte[] body) throws IOException {
        Utf8.check(body);
        JsonNode doc;
        try (JsonParser parser = mapper.getFactory().createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw ProblemException.badRequest("The request body is empty");
            }
            if (first != JsonToken.START_OBJECT) {
                throw ProblemException.unprocessable("$", "must be a ninjs JSON object");
            }
            doc = mapper.readTree(parser);
            if (parser.nextToken() != null) {
                throw new JsonParseException(parser, "unexpected content after the JSON document");
            }
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        String type = text(doc, "type", errors);
        if (type != null && !TEXT_TYPES.contains(type)) {
            throw ProblemException.unprocessable("type", "only text articles can be submitted; a '" + type
                    + "' item is not one");
        }
        String headline = null;
        String subheadline = null;
        String fallbackHeadline = null;
        JsonNode headlines = array(doc, "headlines", errors);
        for (int i = 0; i < headlines.size(); i++) {
            JsonNode h = object(headlines.get(i), "headlines[" + i + "]", errors);
            String role = text(h, "role", "headlines[" + i + "].role", errors);
            String value = text(h, "value", "headlines[" + i + "].value", errors);
            if ("main".equals(role) && headline == null) {
                headline = value;
            } else if ("sub".equals(role) && subheadline == null) {
                subheadline = value;
            } else if (!"sub".equals(role) && fallbackHeadline == null) {
                fallbackHeadline = value;
            }
        }
        if (headline == null) {
            headline = fallbackHeadline;
        }
        if (headline == null && errors.isEmpty()) {
            errors.add(new Problem.FieldError("headlines", "a text article needs a headline (headlines[role=main])"));
        }
        List<BodyBlock> blocks = body(array(doc, "bodies", errors), array(doc, "descriptions", errors), errors);
        String by = text(doc, "by", errors);
        String language = text(doc, "language", errors);
        OffsetDateTime embargoedUntil = null;
        String embargo = text(doc, "embargoedUntil", errors);
        if (embargo != null) {
            try {
                embargoedUntil = OffsetDateTime.parse(embargo);
            } catch (DateTimeParseException e) {
                errors.add(new Problem.FieldError("embargoedUntil", "must be an RFC 3339 date-time"));
            }
        }
        Source source = null;
        JsonNode infoSources = array(doc, "infoSources", errors);
        for (int i = 0; i < infoSources.size() && source == null; i++) {
            JsonNode s = object(infoSources.get(i), "infoSources[" + i + "]", errors);
            String name = text(s, "name", "infoSources[" + i + "].name", errors);
            if (name != null) {
                source = new Source(null, name, text(s, "uri", "infoSources[" + i + "].uri", errors));
            }
        }
        Genre genre = null;
        JsonNode genres = array(doc, "genres", errors);
        for (int i = 0; i < genres.size() && genre == null; i++) {
            JsonNode g = object(genres.get(i), "genres[" + i + "]", errors);
            genre = genre(text(g, "literal", "genres[" + i + "].literal", errors));
            if (genre == null) {
                genre = genre(text(g, "name", "genres[" + i + "].name", errors));
            }
        }
        List<String> tags = null;
        JsonNode subjects = array(doc, "subjects", errors);
        if (!subjects.isEmpty()) {
            tags = new ArrayList<>();
            for (int i = 0; i < subjects.size(); i++) {
                JsonNode s = object(subjects.get(i), "subjects[" + i + "]", errors);
                String name = text(s, "name", "subjects[" + i + "].name", errors);
                if (name == null) {
                    name = text(s, "literal", "subjects[" + i + "].literal", errors);
                }
                if (name != null && !tags.contains(name)) {
                    tags.add(name);
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable(errors.size() + " field(s) are invalid", errors);
        }
        Submission submission = new Submission(headline, subheadline, null, genre, language, blocks, null, by, source,
                null, tags, null, null, embargoedUntil, null);
        return new ParsedSubmission(Nfc.submission(submission), SubmissionFormat.NINJS, doc);
    }

    /** The ninjs field a Submission validation path comes from ({@code body[2].text} → {@code bodies}). */
    public static String ninjsField(String submissionPath) {
        int end = 0;
        while (end < submissionPath.length() && Character.isLetterOrDigit(submissionPath.charAt(end))) {
            end++;
        }
        String root = submissionPath.substring(0, end);
        String ninjs = NINJS_FIELDS.get(root);
        return ninjs == null ? submissionPath : ninjs;
    }

    /**
     * The blocks of the richest usable body; an item without one (as agencies such as NTB send) has its description
     * as the lead paragraph(s) instead.
     */
    private static List<BodyBlock> body(JsonNode bodies, JsonNode descriptions, List<Problem.FieldError> errors) {
        List<BodyBlock> blocks = richest(bodies, "bodies", errors);
        if (blocks.isEmpty()) {
            blocks = richest(descriptions, "descriptions", errors);
        }
        if (blocks.isEmpty() && errors.isEmpty()) {
            errors.add(new Problem.FieldError("bodies", "a text article needs a body or a description (text/plain, "
                    + "text/html, application/xhtml+xml or text/markdown)"));
        }
        return blocks;
    }

    /** The blocks of the richest usable entry: HTML/XHTML (structure), then Markdown, then plain text. */
    private static List<BodyBlock> richest(JsonNode bodies, String name, List<Problem.FieldError> errors) {
        String html = null;
        String markdown = null;
        String plain = null;
        for (int i = 0; i < bodies.size(); i++) {
            JsonNode b = object(bodies.get(i), name + "[" + i + "]", errors);
            String value = text(b, "value", name + "[" + i + "].value", errors);
            String contentType = text(b, "contentType", name + "[" + i + "].contentType", errors);
            if (value == null) {
                continue;
            }
            String kind = contentType == null ? "text/plain" : contentType.toLowerCase(Locale.ROOT).split(";")[0].trim();
            if (kind.contains("html")) {
                html = html == null ? value : html;
            } else if (kind.equals("text/markdown")) {
                markdown = markdown == null ? value : markdown;
            } else if (kind.equals("text/plain")) {
                plain = plain == null ? value : plain;
            }
        }
        return html != null ? HtmlBlocks.parse(html)
                : markdown != null ? TextBlocks.markdown(markdown)
                : plain != null ? TextBlocks.plain(plain) : List.of();
    }

    private static Genre genre(String name) {
        if (name == null) {
            return null;
        }
        for (Genre g : Genre.values()) {
            if (g.name().equalsIgnoreCase(name.trim())) {
                return g;
            }
        }
        return null;
    }

    private static JsonNode array(JsonNode doc, String field, List<Problem.FieldError> errors) {
        JsonNode node = doc.get(field);
        if (node == null || node.isNull()) {
            return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        }
        if (!node.isArray()) {
            errors.add(new Problem.FieldError(field, "wrong type, expected an array"));
            return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        }
        return node;
    }

    private static JsonNode object(JsonNode node, String field, List<Problem.FieldError> errors) {
        if (node == null || !node.isObject()) {
            errors.add(new Problem.FieldError(field, "wrong type, expected an object"));
            return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        }
        return node;
    }

    private static String text(JsonNode doc, String field, List<Problem.FieldError> errors) {
        return text(doc, field, field, errors);
    }

    private static String text(JsonNode node, String field, String path, List<Problem.FieldError> errors) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            errors.add(new Problem.FieldError(path, "wrong type, expected a string"));
            return null;
        }
        return value.textValue();
    }
}
