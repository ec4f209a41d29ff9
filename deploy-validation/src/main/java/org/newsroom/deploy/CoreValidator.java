package org.newsroom.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Strict validation of core Kubernetes kinds with the generated models of client-java-api: their
 * {@code validateJsonElement} refuses unknown fields and missing required fields at every level.
 *
 * <p>The models hold enum-valued fields as plain strings and accept a number where a string is due,
 * so a few checks the API server would make are added here: string-only maps (labels, annotations,
 * ConfigMap data, env values), resource quantities, and the enums of the fields these manifests use.
 */
public final class CoreValidator {
    /** The core kinds this project deploys, by "apiVersion/kind", with their validating model. */
    private static final Map<String, Validator> MODELS = Map.of(
            "v1/Namespace", V1Namespace::validateJsonElement,
            "v1/ConfigMap", V1ConfigMap::validateJsonElement,
            "v1/Secret", V1Secret::validateJsonElement,
            "v1/Service", V1Service::validateJsonElement,
            "v1/ServiceAccount", V1ServiceAccount::validateJsonElement,
            "apps/v1/Deployment", V1Deployment::validateJsonElement,
            "autoscaling/v2/HorizontalPodAutoscaler", V2HorizontalPodAutoscaler::validateJsonElement,
            "policy/v1/PodDisruptionBudget", V1PodDisruptionBudget::validateJsonElement,
            "networking.k8s.io/v1/NetworkPolicy", V1NetworkPolicy::validateJsonElement);

    private static final Set<String> STRING_MAPS = Set.of("labels", "annotations", "matchLabels", "nodeSelector");
    private static final Map<String, Set<String>> ENUMS = Map.of(
            "imagePullPolicy", Set.of("Always", "IfNotPresent", "Never"),
            "protocol", Set.of("TCP", "UDP", "SCTP"),
            "policyTypes", Set.of("Ingress", "Egress"),
            "whenUnsatisfiable", Set.of("DoNotSchedule", "ScheduleAnyway"),
            "unhealthyPodEvictionPolicy", Set.of("IfHealthyBudget", "AlwaysAllow"),
            "restartPolicy", Set.of("Always", "OnFailure", "Never"));

    @FunctionalInterface
    private interface Validator {
        void validate(JsonElement json) throws IOException;
    }

    private CoreValidator() {
    }

    /** Whether this validator knows the object's apiVersion and kind. */
    public static boolean isCore(JsonNode o) {
        return MODELS.containsKey(K8s.apiVersion(o) + "/" + K8s.kind(o));
    }

    /** Problems with a core object; empty when it is valid. */
    public static List<String> validate(JsonNode o) {
        List<String> problems = new ArrayList<>();
        Validator v = MODELS.get(K8s.apiVersion(o) + "/" + K8s.kind(o));
        if (v == null) {
            problems.add(K8s.id(o) + ": no model for apiVersion " + K8s.apiVersion(o) + " kind " + K8s.kind(o));
            return problems;
        }
        try {
            v.validate(toGson(o));
        } catch (IOException | RuntimeException e) {
            problems.add(K8s.id(o) + ": " + e.getMessage());
        }
        if (!o.path("metadata").isObject() || K8s.name(o).isEmpty()) {
            problems.add(K8s.id(o) + ": metadata.name is required");
        }
        walk(o, "", K8s.kind(o), problems, K8s.id(o));
        return problems;
    }

    /** Validates object metadata (also for custom resources) with the V1ObjectMeta model. */
    public static List<String> validateMetadata(JsonNode o) {
        List<String> problems = new ArrayList<>();
        try {
            V1ObjectMeta.validateJsonElement(toGson(o.path("metadata")));
        } catch (IOException | RuntimeException e) {
            problems.add(K8s.id(o) + ": metadata: " + e.getMessage());
        }
        walk(o.path("metadata"), "/metadata", K8s.kind(o), problems, K8s.id(o));
        return problems;
    }

    static JsonElement toGson(JsonNode node) {
        try {
            return JsonParser.parseString(Yaml.JSON.writeValueAsString(node));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void walk(JsonNode node, String path, String kind, List<String> problems, String id) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                String key = e.getKey();
                JsonNode value = e.getValue();
                String p = path + "/" + key;
                boolean stringMap = STRING_MAPS.contains(key)
                        || (kind.equals("ConfigMap") && path.isEmpty() && key.equals("data"))
                        || (kind.equals("Secret") && path.isEmpty() && key.equals("stringData"));
                if (stringMap && value.isObject()) {
                    value.fields().forEachRemaining(v -> {
                        if (!v.getValue().isTextual()) {
                            problems.add(id + ": " + p + "/" + v.getKey() + " must be a string, got "
                                    + v.getValue().getNodeType() + " " + v.getValue() + " (quote it)");
                        }
                    });
                    return;
                }
                if (key.equals("env") && value.isArray()) {
                    for (JsonNode env : value) {
                        if (env.has("value") && !env.get("value").isTextual()) {
                            problems.add(id + ": " + p + " " + env.path("name").asText() + " value must be a string");
                        }
                    }
                }
                if ((key.equals("limits") || key.equals("requests")) && path.endsWith("/resources") && value.isObject()) {
                    value.fields().forEachRemaining(q -> {
                        try {
                            Quantity.fromString(q.getValue().asText());
                        } catch (RuntimeException ex) {
                            problems.add(id + ": " + p + "/" + q.getKey() + " is not a quantity: " + q.getValue());
                        }
                    });
                }
                Set<String> allowed = ENUMS.get(key);
                if (allowed != null) {
                    List<JsonNode> values = new ArrayList<>();
                    if (value.isArray()) {
                        value.forEach(values::add);
                    } else {
                        values.add(value);
                    }
                    for (JsonNode v : values) {
                        if (!allowed.contains(v.asText())) {
                            problems.add(id + ": " + p + " has value '" + v.asText() + "', expected one of " + allowed);
                        }
                    }
                }
                if (key.equals("seccompProfile") && !Set.of("RuntimeDefault", "Localhost", "Unconfined")
                        .contains(value.path("type").asText())) {
                    problems.add(id + ": " + p + "/type has value '" + value.path("type").asText()
                            + "', expected RuntimeDefault, Localhost or Unconfined");
                }
                walk(value, p, kind, problems, id);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "/" + i, kind, problems, id);
            }
        }
    }
}
