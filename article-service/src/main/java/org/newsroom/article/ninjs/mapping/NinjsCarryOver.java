package org.newsroom.article.ninjs.mapping;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Which fields of a document submitted in ninjs reach the ninjs output. The Submission keeps only some of ninjs; the
 * rest travels as the stored original. A field is carried over when ninjs 3.1 defines it, the article's current state
 * does not already own it, and its value passes a structural check of what the schema allows (so the output stays
 * valid). Not carried: fields ninjs does not define (the 3.1 schema forbids unevaluated properties), {@code edNote}
 * (not for publication), nested structures this check does not cover (associations, contact info, GeoJSON,
 * planning), and any value that fails its check. Everything stays in the stored original.
 */
public final class NinjsCarryOver {

    private enum Kind {
        STRING, DATE_TIME, URGENCY, FLAT_ARRAY, FLAT_OBJECT, RIGHTS
    }

    /** A field's check: its kind, the keys an item may have, the keys that must be URIs, the required keys. */
    private record Rule(Kind kind, Set<String> keys, Set<String> uriKeys, Set<String> required) {
        static Rule of(Kind kind) {
            return new Rule(kind, Set.of(), Set.of(), Set.of());
        }
    }

    private static final Set<String> NAMED = Set.of("name", "rel", "uri", "literal");

    private static final Map<String, Rule> RULES = Map.ofEntries(
            Map.entry("profile", Rule.of(Kind.STRING)),
            Map.entry("title", Rule.of(Kind.STRING)),
            Map.entry("located", Rule.of(Kind.STRING)),
            Map.entry("usageTerms", Rule.of(Kind.STRING)),
            Map.entry("copyrightHolder", Rule.of(Kind.STRING)),
            Map.entry("copyrightNotice", Rule.of(Kind.STRING)),
            Map.entry("contentCreated", Rule.of(Kind.DATE_TIME)),
            Map.entry("expires", Rule.of(Kind.DATE_TIME)),
            Map.entry("urgency", Rule.of(Kind.URGENCY)),
            Map.entry("people", new Rule(Kind.FLAT_ARRAY, NAMED, Set.of("uri"), Set.of())),
            Map.entry("organisations", new Rule(Kind.FLAT_ARRAY, NAMED, Set.of("uri"), Set.of())),
            Map.entry("places", new Rule(Kind.FLAT_ARRAY, NAMED, Set.of("uri"), Set.of())),
            Map.entry("objects", new Rule(Kind.FLAT_ARRAY, NAMED, Set.of("uri"), Set.of())),
            Map.entry("events", new Rule(Kind.FLAT_ARRAY, Set.of("id", "name", "rel", "uri", "literal"),
                    Set.of("uri"), Set.of())),
            Map.entry("altIds", new Rule(Kind.FLAT_ARRAY, Set.of("role", "value"), Set.of(), Set.of())),
            Map.entry("descriptions", new Rule(Kind.FLAT_ARRAY, Set.of("role", "contentType", "value"), Set.of(),
                    Set.of("value"))),
            Map.entry("trustIndicators", new Rule(Kind.FLAT_ARRAY, Set.of("role", "title", "href"),
                    Set.of("role", "href"), Set.of())),
            Map.entry("digitalSourceType", new Rule(Kind.FLAT_OBJECT, Set.of("name", "uri", "literal"),
                    Set.of("uri"), Set.of())),
            Map.entry("rightsInfo", new Rule(Kind.RIGHTS, Set.of("langId", "linkedRights", "encodedRights"),
                    Set.of("langId", "linkedRights"), Set.of())));

    /** Fields whose original value replaces the mapper's own (the submitter knows better when content was made). */
    private static final Set<String> ORIGINAL_WINS = Set.of("contentCreated");

    private NinjsCarryOver() {
    }

    /** Adds the carried-over fields of {@code original} to {@code doc}; arrays the mapper wrote get the original's extra items. */
    public static void merge(ObjectNode doc, ObjectNode original) {
        Iterator<Map.Entry<String, JsonNode>> fields = original.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            Rule rule = RULES.get(field.getKey());
            if (rule == null) {
                continue;
            }
            JsonNode value = field.getValue();
            JsonNode own = doc.get(field.getKey());
            if (rule.kind() == Kind.FLAT_ARRAY) {
                if (!value.isArray()) {
                    continue;
                }
                ArrayNode target = own instanceof ArrayNode array ? array : null;
                for (JsonNode item : value) {
                    if (flatObject(item, rule) && (target == null || !contains(target, item))) {
                        if (target == null) {
                            target = doc.putArray(field.getKey());
                        }
                        target.add(item.deepCopy());
                    }
                }
            } else if ((own == null || ORIGINAL_WINS.contains(field.getKey())) && valid(value, rule)) {
                doc.set(field.getKey(), value.deepCopy());
            }
        }
    }

    private static boolean contains(ArrayNode array, JsonNode item) {
        for (JsonNode existing : array) {
            if (existing.equals(item)) {
                return true;
            }
        }
        return false;
    }

    private static boolean valid(JsonNode value, Rule rule) {
        return switch (rule.kind()) {
            case STRING -> value.isTextual();
            case DATE_TIME -> value.isTextual() && dateTime(value.textValue());
            case URGENCY -> value.isIntegralNumber() && value.canConvertToInt() && value.intValue() >= 1
                    && value.intValue() <= 9;
            case FLAT_OBJECT -> flatObject(value, rule);
            case RIGHTS -> flatObject(value, rule) && (value.has("linkedRights") ^ value.has("encodedRights"));
            case FLAT_ARRAY -> false;
        };
    }

    /** An object whose keys are all allowed, whose values are all strings, URIs where required, with the required keys. */
    private static boolean flatObject(JsonNode item, Rule rule) {
        if (item == null || !item.isObject() || item.isEmpty()) {
            return false;
        }
        for (String required : rule.required()) {
            if (!item.has(required)) {
                return false;
            }
        }
        Iterator<Map.Entry<String, JsonNode>> entries = item.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            if (!rule.keys().contains(entry.getKey()) || !entry.getValue().isTextual()) {
                return false;
            }
            if (rule.uriKeys().contains(entry.getKey()) && !absoluteUri(entry.getValue().textValue())) {
                return false;
            }
        }
        return true;
    }

    /** RFC 3339 date-time with an offset (what JSON Schema's date-time format asserts). */
    static boolean dateTime(String value) {
        if (!value.matches("\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([Zz]|[+-]\\d{2}:\\d{2})")) {
            return false;
        }
        try {
            OffsetDateTime.parse(value.toUpperCase());
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** An absolute URI in plain ASCII (JSON Schema's uri format; IRIs are not URIs). */
    static boolean absoluteUri(String value) {
        if (value.isEmpty() || !value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            return false;
        }
        try {
            return new URI(value).isAbsolute();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
