package org.newsroom.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A deliberately small kustomize renderer: exactly the features the Newsroom kustomizations use.
 *
 * <p>Supported: {@code resources} (files inside the kustomization directory, or directories holding
 * a kustomization), {@code configMapGenerator} (name, files, literals) with
 * {@code generatorOptions.disableNameSuffixHash: true}, {@code patches} holding one strategic-merge
 * document each (inline or by path; with a {@code target} of group/version/kind/name, or matched by
 * kind and name), {@code namespace} and {@code images} (name, newName, newTag, digest). Transformers
 * run in kustomize's order: patches, then namespace, then images.
 *
 * <p>Not supported, and refused with an error rather than ignored: every other kustomization field
 * (labels, commonLabels, replicas, components, secretGenerator, ...), JSON 6902 patches, lists inside
 * strategic-merge patches (kustomize merges some lists by key; this renderer does not try), patch
 * directives ({@code $patch}), generator name hashes, remote resources, and files outside the
 * kustomization root. Stricter than kustomize on one point: a patch that matches nothing is an error.
 * Output order is resource order (kustomize's legacy ordering would sort by kind).
 */
public final class Kustomize {
    private static final Set<String> SUPPORTED_FIELDS = Set.of("apiVersion", "kind", "namespace", "resources",
            "patches", "images", "configMapGenerator", "generatorOptions");
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "CustomResourceDefinition", "ClusterRole",
            "ClusterRoleBinding", "PersistentVolume", "StorageClass", "PriorityClass", "IngressClass", "RuntimeClass",
            "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration", "APIService");

    private Kustomize() {
    }

    /** Renders the kustomization in {@code dir}, like {@code kustomize build dir}. */
    public static List<ObjectNode> build(Path dir) {
        Path root = dir.toAbsolutePath().normalize();
        Path file = root.resolve("kustomization.yaml");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no kustomization.yaml in " + root);
        }
        List<ObjectNode> docs = Yaml.readAll(file);
        if (docs.size() != 1) {
            throw new IllegalArgumentException(file + ": expected one document, found " + docs.size());
        }
        ObjectNode k = docs.get(0);
        k.fieldNames().forEachRemaining(f -> {
            if (!SUPPORTED_FIELDS.contains(f)) {
                throw new UnsupportedOperationException(file + ": field '" + f + "' is not supported by this renderer"
                        + " (supported: " + SUPPORTED_FIELDS + ")");
            }
        });

        List<ObjectNode> objects = new ArrayList<>();
        for (JsonNode r : k.path("resources")) {
            String ref = r.asText();
            if (ref.contains("://") || ref.startsWith("github.com/")) {
                throw new UnsupportedOperationException(file + ": remote resource " + ref + " is not supported");
            }
            Path p = root.resolve(ref).normalize();
            if (Files.isDirectory(p)) {
                addAll(objects, build(p), file);
            } else {
                addAll(objects, Yaml.readAll(inside(root, ref, file)), file);
            }
        }
        addAll(objects, generateConfigMaps(root, k, file), file);
        for (JsonNode patch : k.path("patches")) {
            applyPatch(root, file, patch, objects);
        }
        if (k.hasNonNull("namespace")) {
            setNamespace(objects, k.get("namespace").asText());
        }
        for (JsonNode image : k.path("images")) {
            setImage(objects, image, file);
        }
        return objects;
    }

    private static void addAll(List<ObjectNode> objects, List<ObjectNode> more, Path file) {
        Set<String> ids = new HashSet<>();
        objects.forEach(o -> ids.add(resId(o)));
        for (ObjectNode o : more) {
            if (K8s.kind(o).isEmpty() || K8s.name(o).isEmpty()) {
                throw new IllegalArgumentException(file + ": a resource lacks kind or metadata.name: " + o);
            }
            if (!ids.add(resId(o))) {
                throw new IllegalArgumentException(file + ": resource " + resId(o) + " is declared twice");
            }
            objects.add(o);
        }
    }

    private static String resId(JsonNode o) {
        return K8s.group(o) + "/" + K8s.kind(o) + "/" + K8s.namespace(o) + "/" + K8s.name(o);
    }

    /** A file path inside the kustomization root, as kustomize's default load restrictor demands. */
    private static Path inside(Path root, String ref, Path file) {
        Path p = root.resolve(ref).normalize();
        if (!p.startsWith(root)) {
            throw new IllegalArgumentException(file + ": " + ref + " is outside the kustomization root " + root);
        }
        if (!Files.isRegularFile(p)) {
            throw new IllegalArgumentException(file + ": file " + ref + " not found (looked for " + p + ")");
        }
        return p;
    }

    private static List<ObjectNode> generateConfigMaps(Path root, ObjectNode k, Path file) {
        List<ObjectNode> generated = new ArrayList<>();
        JsonNode generators = k.path("configMapGenerator");
        if (generators.size() == 0) {
            return generated;
        }
        JsonNode options = k.path("generatorOptions");
        options.fieldNames().forEachRemaining(f -> {
            if (!f.equals("disableNameSuffixHash")) {
                throw new UnsupportedOperationException(file + ": generatorOptions." + f + " is not supported");
            }
        });
        if (!options.path("disableNameSuffixHash").asBoolean(false)) {
            throw new UnsupportedOperationException(file + ": generated names with a hash suffix are not supported;"
                    + " set generatorOptions.disableNameSuffixHash: true");
        }
        for (JsonNode g : generators) {
            g.fieldNames().forEachRemaining(f -> {
                if (!Set.of("name", "files", "literals").contains(f)) {
                    throw new UnsupportedOperationException(file + ": configMapGenerator field '" + f + "' is not supported");
                }
            });
            String name = g.path("name").asText();
            ObjectNode cm = JsonNodeFactory.instance.objectNode();
            cm.put("apiVersion", "v1");
            cm.put("kind", "ConfigMap");
            cm.putObject("metadata").put("name", name);
            ObjectNode data = cm.putObject("data");
            for (JsonNode f : g.path("files")) {
                String spec = f.asText();
                int eq = spec.indexOf('=');
                String key = eq < 0 ? Path.of(spec).getFileName().toString() : spec.substring(0, eq);
                String path = eq < 0 ? spec : spec.substring(eq + 1);
                Path p = root.resolve(path).normalize();
                if (!Files.isRegularFile(p)) {
                    throw new IllegalStateException(file + ": configMapGenerator '" + name + "' needs the file " + path
                            + " (" + p + "), which does not exist. Create it before rendering"
                            + " (see deploy/README.md); it is deliberately not committed.");
                }
                try {
                    data.put(key, Files.readString(inside(root, path, file), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            for (JsonNode l : g.path("literals")) {
                String spec = l.asText();
                int eq = spec.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException(file + ": literal '" + spec + "' is not key=value");
                }
                data.put(spec.substring(0, eq), spec.substring(eq + 1));
            }
            generated.add(cm);
        }
        return generated;
    }

    private static void applyPatch(Path root, Path file, JsonNode entry, List<ObjectNode> objects) {
        entry.fieldNames().forEachRemaining(f -> {
            if (!Set.of("path", "patch", "target").contains(f)) {
                throw new UnsupportedOperationException(file + ": patch field '" + f + "' is not supported");
            }
        });
        String text;
        String origin;
        if (entry.has("path") == entry.has("patch")) {
            throw new IllegalArgumentException(file + ": a patch needs exactly one of path and patch");
        }
        if (entry.has("path")) {
            Path p = inside(root, entry.get("path").asText(), file);
            try {
                text = Files.readString(p, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            origin = p.toString();
        } else {
            text = entry.get("patch").asText();
            origin = file + " (inline patch)";
        }
        if (text.strip().startsWith("[") || text.strip().startsWith("- op:") || text.strip().startsWith("- {")) {
            throw new UnsupportedOperationException(origin + ": JSON 6902 patches are not supported by this renderer");
        }
        List<ObjectNode> docs = Yaml.readAll(text, origin);
        if (docs.size() != 1) {
            throw new UnsupportedOperationException(origin + ": exactly one strategic-merge document per patch is supported");
        }
        ObjectNode patch = docs.get(0);
        checkPatch(patch, origin, "");

        JsonNode target = entry.path("target");
        target.fieldNames().forEachRemaining(f -> {
            if (!Set.of("group", "version", "kind", "name").contains(f)) {
                throw new UnsupportedOperationException(file + ": patch target field '" + f + "' is not supported");
            }
        });
        int matched = 0;
        for (ObjectNode o : objects) {
            boolean match;
            if (entry.has("target")) {
                match = (!target.has("group") || target.get("group").asText().equals(K8s.group(o)))
                        && (!target.has("version") || K8s.apiVersion(o).endsWith("/" + target.get("version").asText())
                        || K8s.apiVersion(o).equals(target.get("version").asText()))
                        && (!target.has("kind") || target.get("kind").asText().equals(K8s.kind(o)))
                        && (!target.has("name") || target.get("name").asText().equals(K8s.name(o)));
            } else {
                match = K8s.group(patch).equals(K8s.group(o)) && K8s.kind(patch).equals(K8s.kind(o))
                        && K8s.name(patch).equals(K8s.name(o));
            }
            if (match) {
                ObjectNode body = patch.deepCopy();
                body.remove("apiVersion");
                body.remove("kind");
                if (body.path("metadata").isObject()) {
                    ((ObjectNode) body.get("metadata")).remove("name");
                    ((ObjectNode) body.get("metadata")).remove("namespace");
                }
                merge(o, body);
                matched++;
            }
        }
        if (matched == 0) {
            throw new IllegalArgumentException(origin + ": patch matches no resource"
                    + (entry.has("target") ? " (target " + target + ")" : " (" + K8s.id(patch) + ")"));
        }
    }

    private static void checkPatch(JsonNode node, String origin, String path) {
        if (node.isArray()) {
            throw new UnsupportedOperationException(origin + ": list at " + path + " — lists in strategic-merge"
                    + " patches are not supported by this renderer");
        }
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().startsWith("$")) {
                    throw new UnsupportedOperationException(origin + ": patch directive " + e.getKey() + " is not supported");
                }
                checkPatch(e.getValue(), origin, path + "/" + e.getKey());
            }
        }
    }

    /** Strategic merge of maps: fields of {@code patch} replace or merge into {@code target}; null deletes. */
    static void merge(ObjectNode target, JsonNode patch) {
        Iterator<Map.Entry<String, JsonNode>> it = patch.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode value = e.getValue();
            if (value.isNull()) {
                target.remove(e.getKey());
            } else if (value.isObject() && target.path(e.getKey()).isObject()) {
                merge((ObjectNode) target.get(e.getKey()), value);
            } else {
                target.set(e.getKey(), value.deepCopy());
            }
        }
    }

    private static void setNamespace(List<ObjectNode> objects, String namespace) {
        for (ObjectNode o : objects) {
            ObjectNode metadata = (ObjectNode) o.get("metadata");
            if ("Namespace".equals(K8s.kind(o))) {
                // kustomize renames Namespace objects to the kustomization's namespace.
                metadata.put("name", namespace);
            } else if (!CLUSTER_SCOPED.contains(K8s.kind(o))) {
                metadata.put("namespace", namespace);
            }
        }
    }

    private static void setImage(List<ObjectNode> objects, JsonNode image, Path file) {
        image.fieldNames().forEachRemaining(f -> {
            if (!Set.of("name", "newName", "newTag", "digest").contains(f)) {
                throw new UnsupportedOperationException(file + ": images field '" + f + "' is not supported");
            }
        });
        for (ObjectNode o : objects) {
            rewriteImages(o, image);
        }
    }

    private static void rewriteImages(JsonNode node, JsonNode image) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if ((e.getKey().equals("containers") || e.getKey().equals("initContainers")) && e.getValue().isArray()) {
                    for (JsonNode c : (ArrayNode) e.getValue()) {
                        if (c.path("image").isTextual()) {
                            String rewritten = rewrite(c.get("image").asText(), image);
                            ((ObjectNode) c).put("image", rewritten);
                        }
                    }
                } else {
                    rewriteImages(e.getValue(), image);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> rewriteImages(n, image));
        }
    }

    /** Applies one {@code images} entry to an image reference, if its name matches. */
    static String rewrite(String ref, JsonNode image) {
        String name = ref;
        String suffix = "";
        int at = name.indexOf('@');
        if (at >= 0) {
            suffix = name.substring(at);
            name = name.substring(0, at);
        }
        int colon = name.lastIndexOf(':');
        if (colon > name.lastIndexOf('/')) {
            suffix = name.substring(colon) + suffix;
            name = name.substring(0, colon);
        }
        if (!name.equals(image.path("name").asText())) {
            return ref;
        }
        if (image.hasNonNull("newName")) {
            name = image.get("newName").asText();
        }
        if (image.hasNonNull("digest")) {
            suffix = "@" + image.get("digest").asText();
        } else if (image.hasNonNull("newTag")) {
            suffix = ":" + image.get("newTag").asText();
        }
        return name + suffix;
    }
}
