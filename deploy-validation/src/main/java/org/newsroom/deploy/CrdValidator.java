package org.newsroom.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Validates custom resources against the openAPIV3Schema of their CustomResourceDefinition version,
 * with unknown fields refused: every object schema that neither declares {@code additionalProperties}
 * nor carries {@code x-kubernetes-preserve-unknown-fields: true} gets {@code additionalProperties: false}
 * (what the API server's strict field validation does, instead of silently pruning).
 *
 * <p>Metadata is checked with the Kubernetes ObjectMeta model. Not evaluated: CEL rules
 * ({@code x-kubernetes-validations}), list-type/map-type uniqueness, and string formats.
 */
public final class CrdValidator {
    private final Map<String, JsonSchema> schemas = new LinkedHashMap<>();

    private CrdValidator() {
    }

    /** Loads every CustomResourceDefinition found in the YAML files of a directory. */
    public static CrdValidator load(Path crdDir) {
        CrdValidator v = new CrdValidator();
        List<Path> files;
        try (Stream<Path> s = Files.list(crdDir)) {
            files = s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + crdDir, e);
        }
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .nullableKeywordEnabled(true)
                .formatAssertionsEnabled(false)
                .build();
        for (Path f : files) {
            for (ObjectNode crd : Yaml.readAll(f)) {
                if (!"CustomResourceDefinition".equals(K8s.kind(crd))) {
                    continue;
                }
                String group = crd.path("spec").path("group").asText();
                String kind = crd.path("spec").path("names").path("kind").asText();
                for (JsonNode version : crd.path("spec").path("versions")) {
                    ObjectNode schema = version.path("schema").path("openAPIV3Schema").deepCopy();
                    // metadata is validated with the ObjectMeta model instead.
                    strictify(schema);
                    ((ObjectNode) schema.get("properties")).putObject("metadata").put("type", "object");
                    String key = group + "/" + version.path("name").asText() + "/" + kind;
                    v.schemas.put(key, factory.getSchema(schema, config));
                }
            }
        }
        if (v.schemas.isEmpty()) {
            throw new IllegalStateException("no CustomResourceDefinition found in " + crdDir);
        }
        return v;
    }

    /** The "group/version/kind" keys of every loaded schema. */
    public Set<String> kinds() {
        return schemas.keySet();
    }

    /** Whether a schema for this object's apiVersion and kind is loaded. */
    public boolean knows(JsonNode o) {
        return schemas.containsKey(K8s.apiVersion(o) + "/" + K8s.kind(o));
    }

    /** Problems with a custom resource; empty when valid. */
    public List<String> validate(JsonNode o) {
        List<String> problems = new ArrayList<>();
        JsonSchema schema = schemas.get(K8s.apiVersion(o) + "/" + K8s.kind(o));
        if (schema == null) {
            problems.add(K8s.id(o) + ": no CRD schema for " + K8s.apiVersion(o) + " " + K8s.kind(o)
                    + " (known: " + schemas.keySet() + ")");
            return problems;
        }
        for (ValidationMessage m : schema.validate(o)) {
            problems.add(K8s.id(o) + ": " + m.getMessage());
        }
        problems.addAll(CoreValidator.validateMetadata(o));
        return problems;
    }

    /**
     * Sets additionalProperties false on object schemas that allow no unknown fields, and drops the
     * x-kubernetes-* keys. allOf/anyOf/oneOf/not branches are left alone: in a structural schema they
     * only add value checks on fields the enclosing schema already declares.
     */
    static void strictify(JsonNode node) {
        if (!node.isObject()) {
            return;
        }
        ObjectNode s = (ObjectNode) node;
        boolean preserve = s.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        boolean object = "object".equals(s.path("type").asText()) || s.has("properties");
        if (object && !preserve && !s.has("additionalProperties")) {
            s.put("additionalProperties", false);
        }
        List<String> drop = new ArrayList<>();
        s.fieldNames().forEachRemaining(n -> {
            if (n.startsWith("x-kubernetes-")) {
                drop.add(n);
            }
        });
        drop.forEach(s::remove);
        if (s.path("properties").isObject()) {
            s.get("properties").forEach(CrdValidator::strictify);
        }
        if (s.path("items").isObject()) {
            strictify(s.get("items"));
        }
        if (s.path("additionalProperties").isObject()) {
            strictify(s.get("additionalProperties"));
        }
    }
}
