package org.newsroom.ingest.mapping;

import java.util.Set;

import org.newsroom.common.problem.ProblemException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads YAML front matter as a JSON tree from the parser's event stream, never constructing objects: every scalar is
 * text exactly as written (a Submission has only text, lists and objects), so no YAML type is instantiated. Hostile
 * input is refused: anchors and aliases (no "billion laughs"), tags other than {@code !!str}, more than one document,
 * deep nesting and oversized input.
 */
public final class FrontMatterYaml {

    private static final String STR_TAG = "tag:yaml.org,2002:str";
    private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final int maxChars;
    private final int maxDepth;
    /** Lines before the front matter in the submitted text, so that error positions point into the whole body. */
    private final int lineOffset;

    public FrontMatterYaml(int maxChars, int maxDepth, int lineOffset) {
        this.maxChars = maxChars;
        this.maxDepth = maxDepth;
        this.lineOffset = lineOffset;
    }

    /**
     * @return the document as a tree, or null when the front matter is empty
     * @throws ProblemException 400 for YAML syntax errors and duplicate keys, 422 for what is refused on purpose
     */
    public JsonNode read(String yaml) {
        if (yaml.length() > maxChars) {
            throw ProblemException.unprocessable("frontMatter", "is longer than " + maxChars + " characters");
        }
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(0);
        options.setNestingDepthLimit(maxDepth + 1);
        options.setCodePointLimit(maxChars + 1);
        options.setAllowRecursiveKeys(false);
        options.setProcessComments(false);
        try {
            Parser parser = new ParserImpl(new StreamReader(yaml), options);
            expect(parser, Event.ID.StreamStart);
            if (parser.checkEvent(Event.ID.StreamEnd)) {
                return null;
            }
            expect(parser, Event.ID.DocumentStart);
            JsonNode root = node(parser, 0, "");
            expect(parser, Event.ID.DocumentEnd);
            if (!parser.checkEvent(Event.ID.StreamEnd)) {
                throw ProblemException.unprocessable("frontMatter", "must be a single YAML document");
            }
            return root;
        } catch (MarkedYAMLException e) {
            String where = e.getProblemMark() == null ? ""
                    : " (line " + (e.getProblemMark().getLine() + 1 + lineOffset) + ", column "
                            + (e.getProblemMark().getColumn() + 1) + ")";
            throw ProblemException.badRequest("The front matter is not valid YAML" + where
                    + (e.getProblem() == null ? "" : ": " + e.getProblem()));
        } catch (YAMLException e) {
            throw ProblemException.badRequest("The front matter is not valid YAML");
        }
    }

    private JsonNode node(Parser parser, int depth, String path) {
        Event event = parser.getEvent();
        String field = path.isEmpty() ? "frontMatter" : path;
        if (event instanceof AliasEvent) {
            throw ProblemException.unprocessable(field, "YAML aliases are not accepted");
        }
        if (event instanceof NodeEvent node && node.getAnchor() != null) {
            throw ProblemException.unprocessable(field, "YAML anchors are not accepted");
        }
        if (event instanceof ScalarEvent scalar) {
            checkTag(scalar.getTag(), field);
            if (scalar.isPlain() && scalar.getTag() == null && NULLS.contains(scalar.getValue())) {
                return NODES.nullNode();
            }
            return NODES.textNode(scalar.getValue());
        }
        if (event instanceof CollectionStartEvent collection) {
            checkTag(collection.getTag(), field);
            if (depth >= maxDepth) {
                throw ProblemException.unprocessable(field, "nests deeper than " + maxDepth + " levels");
            }
        }
        if (event.is(Event.ID.SequenceStart)) {
            ArrayNode array = NODES.arrayNode();
            while (!parser.checkEvent(Event.ID.SequenceEnd)) {
                array.add(node(parser, depth + 1, path + "[" + array.size() + "]"));
            }
            parser.getEvent();
            return array;
        }
        if (event.is(Event.ID.MappingStart)) {
            ObjectNode object = NODES.objectNode();
            while (!parser.checkEvent(Event.ID.MappingEnd)) {
                Event keyEvent = parser.peekEvent();
                if (!(keyEvent instanceof ScalarEvent key) || key.getAnchor() != null) {
                    throw ProblemException.unprocessable(field, "keys must be plain text");
                }
                parser.getEvent();
                checkTag(key.getTag(), field);
                String name = key.getValue();
                String child = path.isEmpty() ? name : path + "." + name;
                if (object.has(name)) {
                    throw ProblemException.badRequest("The front matter has the key '" + name + "' twice");
                }
                object.set(name, node(parser, depth + 1, child));
            }
            parser.getEvent();
            return object;
        }
        throw ProblemException.badRequest("The front matter is not valid YAML");
    }

    private static void checkTag(String tag, String field) {
        if (tag != null && !tag.equals("!") && !tag.equals(STR_TAG)) {
            throw ProblemException.unprocessable(field, "YAML tags are not accepted");
        }
    }

    private static void expect(Parser parser, Event.ID id) {
        Event event = parser.getEvent();
        if (!event.is(id)) {
            throw ProblemException.badRequest("The front matter is not valid YAML");
        }
    }
}
