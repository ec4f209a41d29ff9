package org.newsroom.deploy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads and writes (multi-document) YAML as Jackson trees, refusing duplicate keys as Kubernetes does. */
public final class Yaml {
    /** Shared mapper; YAML input, duplicate keys rejected. */
    public static final ObjectMapper MAPPER = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    /** Plain JSON mapper, for handing trees to JSON-only libraries. */
    public static final ObjectMapper JSON = new ObjectMapper();

    private Yaml() {
    }

    /** Every non-empty document of a YAML file; each must be a mapping. */
    public static List<ObjectNode> readAll(Path file) {
        try {
            return readAll(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Every non-empty document of a YAML text; {@code origin} names it in error messages. */
    public static List<ObjectNode> readAll(String text, String origin) {
        List<ObjectNode> docs = new ArrayList<>();
        try (MappingIterator<JsonNode> it = MAPPER.readerFor(JsonNode.class).readValues(text)) {
            int index = 0;
            while (it.hasNextValue()) {
                JsonNode node = it.nextValue();
                index++;
                if (node == null || node.isNull() || node.isMissingNode()) {
                    continue;
                }
                if (!node.isObject()) {
                    throw new IllegalArgumentException(origin + ": document " + index + " is not a mapping but " + node.getNodeType());
                }
                docs.add((ObjectNode) node);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(origin + ": invalid YAML: " + e.getMessage(), e);
        }
        return docs;
    }

    /** Renders objects as one multi-document YAML stream. */
    public static String write(List<? extends JsonNode> docs) {
        StringBuilder out = new StringBuilder();
        for (JsonNode doc : docs) {
            if (out.length() > 0) {
                out.append("---\n");
            }
            try {
                out.append(MAPPER.writeValueAsString(doc));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out.toString();
    }
}
