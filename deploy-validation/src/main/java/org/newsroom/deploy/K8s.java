package org.newsroom.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Small accessors for Kubernetes objects held as Jackson trees. */
public final class K8s {
    private K8s() {
    }

    public static String apiVersion(JsonNode o) {
        return o.path("apiVersion").asText("");
    }

    /** API group of an object: the part of apiVersion before '/', or "" for the core group. */
    public static String group(JsonNode o) {
        String v = apiVersion(o);
        int slash = v.indexOf('/');
        return slash < 0 ? "" : v.substring(0, slash);
    }

    public static String kind(JsonNode o) {
        return o.path("kind").asText("");
    }

    public static String name(JsonNode o) {
        return o.path("metadata").path("name").asText("");
    }

    public static String namespace(JsonNode o) {
        return o.path("metadata").path("namespace").asText("");
    }

    /** "Kind/name", for messages. */
    public static String id(JsonNode o) {
        return kind(o) + "/" + name(o);
    }

    /** All objects of a kind. */
    public static List<ObjectNode> ofKind(List<ObjectNode> objects, String kind) {
        return objects.stream().filter(o -> kind.equals(kind(o))).collect(Collectors.toList());
    }

    /** The object of a kind and name, if present. */
    public static Optional<ObjectNode> find(List<ObjectNode> objects, String kind, String name) {
        return objects.stream().filter(o -> kind.equals(kind(o)) && name.equals(name(o))).findFirst();
    }

    /** A string map (labels, matchLabels, data, ...) as a Java map; absent gives an empty map. */
    public static Map<String, String> stringMap(JsonNode node) {
        Map<String, String> map = new LinkedHashMap<>();
        if (node != null && node.isObject()) {
            node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        }
        return map;
    }

    /** Whether a LabelSelector (matchLabels and matchExpressions) selects the given labels. */
    public static boolean selects(JsonNode selector, Map<String, String> labels) {
        if (selector == null || selector.isMissingNode() || selector.isNull()) {
            return false;
        }
        for (Map.Entry<String, String> e : stringMap(selector.path("matchLabels")).entrySet()) {
            if (!e.getValue().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        for (JsonNode expr : selector.path("matchExpressions")) {
            String key = expr.path("key").asText();
            String op = expr.path("operator").asText();
            List<String> values = new java.util.ArrayList<>();
            expr.path("values").forEach(v -> values.add(v.asText()));
            boolean has = labels.containsKey(key);
            boolean ok;
            switch (op) {
                case "In":
                    ok = has && values.contains(labels.get(key));
                    break;
                case "NotIn":
                    ok = !has || !values.contains(labels.get(key));
                    break;
                case "Exists":
                    ok = has;
                    break;
                case "DoesNotExist":
                    ok = !has;
                    break;
                default:
                    throw new IllegalArgumentException("unknown label selector operator " + op);
            }
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Whether a selector is empty ({} selects everything). */
    public static boolean isEmptySelector(JsonNode selector) {
        return selector != null && selector.isObject()
                && selector.path("matchLabels").size() == 0 && selector.path("matchExpressions").size() == 0;
    }
}
