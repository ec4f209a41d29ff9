package org.newsroom.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Helpers over workloads (objects with a pod template) and the objects they reference. */
public final class Workloads {
    private static final Pattern BOOTSTRAP = Pattern.compile("(.+)-kafka-bootstrap:(\\d+)");
    private static final Pattern JDBC = Pattern.compile("jdbc:postgresql://([a-z0-9-]+)-(rw|ro|r):(\\d+)/([A-Za-z0-9_]+)(\\?.*)?");

    private Workloads() {
    }

    /** Every object with a pod template (Deployment, StatefulSet, DaemonSet, Job template). */
    public static List<ObjectNode> all(List<ObjectNode> objects) {
        List<ObjectNode> w = new ArrayList<>();
        for (ObjectNode o : objects) {
            if (o.path("spec").path("template").path("spec").has("containers")) {
                w.add(o);
            }
        }
        return w;
    }

    public static JsonNode podSpec(JsonNode workload) {
        return workload.path("spec").path("template").path("spec");
    }

    public static Map<String, String> podLabels(JsonNode workload) {
        return K8s.stringMap(workload.path("spec").path("template").path("metadata").path("labels"));
    }

    /** Containers and init containers of a workload. */
    public static List<JsonNode> containers(JsonNode workload, boolean withInit) {
        List<JsonNode> list = new ArrayList<>();
        podSpec(workload).path("containers").forEach(list::add);
        if (withInit) {
            podSpec(workload).path("initContainers").forEach(list::add);
        }
        return list;
    }

    /** Named container ports of a workload's pods. */
    public static Map<String, Integer> namedPorts(JsonNode workload) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (JsonNode c : containers(workload, false)) {
            for (JsonNode p : c.path("ports")) {
                if (p.has("name")) {
                    ports.put(p.get("name").asText(), p.path("containerPort").asInt());
                }
            }
        }
        return ports;
    }

    /** The port number a probe or Service targets: a number, or a container port name. */
    public static Optional<Integer> resolvePort(JsonNode container, JsonNode port) {
        if (port.isInt()) {
            for (JsonNode p : container.path("ports")) {
                if (p.path("containerPort").asInt() == port.asInt()) {
                    return Optional.of(port.asInt());
                }
            }
            return Optional.empty();
        }
        for (JsonNode p : container.path("ports")) {
            if (p.path("name").asText().equals(port.asText())) {
                return Optional.of(p.path("containerPort").asInt());
            }
        }
        return Optional.empty();
    }

    /** The environment a container sees: envFrom ConfigMaps, then env (Secret values as placeholders). */
    public static Map<String, String> environment(List<ObjectNode> objects, JsonNode workload, JsonNode container) {
        Map<String, String> env = new LinkedHashMap<>();
        String ns = K8s.namespace(workload);
        for (JsonNode from : container.path("envFrom")) {
            String prefix = from.path("prefix").asText("");
            if (from.has("configMapRef")) {
                configMap(objects, ns, from.get("configMapRef").path("name").asText())
                        .ifPresent(cm -> K8s.stringMap(cm.path("data")).forEach((k, v) -> env.put(prefix + k, v)));
            }
        }
        for (JsonNode e : container.path("env")) {
            String name = e.path("name").asText();
            if (e.has("value")) {
                env.put(name, e.get("value").asText());
            } else if (e.path("valueFrom").has("secretKeyRef")) {
                JsonNode ref = e.get("valueFrom").get("secretKeyRef");
                env.put(name, "<secret " + ref.path("name").asText() + "/" + ref.path("key").asText() + ">");
            } else if (e.path("valueFrom").has("configMapKeyRef")) {
                JsonNode ref = e.get("valueFrom").get("configMapKeyRef");
                configMap(objects, ns, ref.path("name").asText())
                        .map(cm -> cm.path("data").path(ref.path("key").asText()))
                        .filter(JsonNode::isTextual)
                        .ifPresent(v -> env.put(name, v.asText()));
            }
        }
        return env;
    }

    public static Optional<ObjectNode> configMap(List<ObjectNode> objects, String namespace, String name) {
        return objects.stream().filter(o -> K8s.kind(o).equals("ConfigMap") && K8s.name(o).equals(name)
                && K8s.namespace(o).equals(namespace)).findFirst();
    }

    /** Names of the Secrets CloudNativePG creates for the Clusters in the render ({@code <cluster>-app}). */
    public static Map<String, ObjectNode> cnpgAppSecrets(List<ObjectNode> objects) {
        Map<String, ObjectNode> m = new LinkedHashMap<>();
        for (ObjectNode c : objects) {
            if (K8s.kind(c).equals("Cluster") && K8s.group(c).equals("postgresql.cnpg.io")) {
                m.put(K8s.name(c) + "-app", c);
            }
        }
        return m;
    }

    /** The CNPG Cluster whose app Secret a container reads QUARKUS_DATASOURCE_USERNAME from, if any. */
    public static Optional<ObjectNode> database(List<ObjectNode> objects, JsonNode container) {
        for (JsonNode e : container.path("env")) {
            if (e.path("name").asText().equals("QUARKUS_DATASOURCE_USERNAME") && e.path("valueFrom").has("secretKeyRef")) {
                String secret = e.get("valueFrom").get("secretKeyRef").path("name").asText();
                return Optional.ofNullable(cnpgAppSecrets(objects).get(secret));
            }
        }
        return Optional.empty();
    }

    /** The bootstrap address of a Strimzi Kafka's plain (non-TLS, internal) listener, e.g. newsroom-kafka-bootstrap:9092. */
    public static List<String> plainBootstraps(List<ObjectNode> objects) {
        List<String> list = new ArrayList<>();
        for (ObjectNode k : K8s.ofKind(objects, "Kafka")) {
            for (JsonNode l : k.path("spec").path("kafka").path("listeners")) {
                if (!l.path("tls").asBoolean(true) && l.path("type").asText().equals("internal")) {
                    list.add(K8s.name(k) + "-kafka-bootstrap:" + l.path("port").asInt());
                }
            }
        }
        return list;
    }

    /** The JDBC URL of a CNPG Cluster's primary: jdbc:postgresql://&lt;cluster&gt;-rw:5432/&lt;database&gt;. */
    public static String jdbcUrl(JsonNode cluster) {
        String db = cluster.path("spec").path("bootstrap").path("initdb").path("database").asText("app");
        return "jdbc:postgresql://" + K8s.name(cluster) + "-rw:5432/" + db;
    }

    static Matcher bootstrapMatcher(String value) {
        return BOOTSTRAP.matcher(value);
    }

    static Matcher jdbcMatcher(String value) {
        return JDBC.matcher(value);
    }

    /** The number of nodes with a role (broker or controller) in a Kafka's node pools. */
    public static int nodes(List<ObjectNode> objects, String kafka, String role) {
        int n = 0;
        for (ObjectNode pool : K8s.ofKind(objects, "KafkaNodePool")) {
            if (kafka.equals(K8s.stringMap(pool.path("metadata").path("labels")).get("strimzi.io/cluster"))) {
                for (JsonNode r : pool.path("spec").path("roles")) {
                    if (r.asText().equals(role)) {
                        n += pool.path("spec").path("replicas").asInt();
                    }
                }
            }
        }
        return n;
    }

    /** A topic's name: spec.topicName, else metadata.name. */
    public static String topicName(JsonNode topic) {
        return topic.path("spec").path("topicName").asText(K8s.name(topic));
    }
}
