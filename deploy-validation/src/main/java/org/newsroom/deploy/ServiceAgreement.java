package org.newsroom.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that the manifests and the services agree: topic names with the contracts' Topics constants
 * and the services' messaging channels; Kafka bootstrap, datasource, JWT key file and HTTP port with
 * each service's prod configuration in {@code <service>/src/main/resources/application.properties};
 * the credentials the service reads come from Secrets.
 */
public final class ServiceAgreement {
    /** Relative path of the Topics constants in the repository. */
    public static final String TOPICS_JAVA = "contracts/src/main/java/org/newsroom/contracts/Topics.java";
    private static final Pattern CONSTANT = Pattern.compile("static\\s+final\\s+String\\s+(\\w+)\\s*=\\s*\"([^\"]+)\"\\s*;");
    private static final Pattern LOOPBACK = Pattern.compile("(^|//|@)(127\\.[0-9.]+|localhost|\\[::1\\])([:/]|$)");
    private static final Pattern CREDENTIAL_KEY = Pattern.compile("[.-](password|access-key-id|secret-access-key|encryption-key)$");
    /** How {@link Workloads#environment} shows a value taken from a Secret. */
    private static final Pattern SECRET_VALUE = Pattern.compile("<secret [^/>]+/[^>]+>");
    private static final Pattern CHANNEL_KEY = Pattern.compile("mp\\.messaging\\.(incoming|outgoing)\\.(\"[^\"]+\"|[^.]+)\\.(.+)");

    private ServiceAgreement() {
    }

    /** The String constants of Topics.java, by constant name. */
    public static Map<String, String> topicConstants(Path projectDir) {
        Path file = projectDir.resolve(TOPICS_JAVA);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " is missing: the topic names are defined there");
        }
        String src;
        try {
            src = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> constants = new LinkedHashMap<>();
        Matcher m = CONSTANT.matcher(src);
        while (m.find()) {
            constants.put(m.group(1), m.group(2));
        }
        return constants;
    }

    /** KafkaTopics in the render and the Topics constants are the same set of names. */
    public static List<String> topics(Path projectDir, List<ObjectNode> objects) {
        List<String> v = new ArrayList<>();
        Map<String, String> constants = topicConstants(projectDir);
        Set<String> declared = new LinkedHashSet<>();
        K8s.ofKind(objects, "KafkaTopic").forEach(t -> declared.add(Workloads.topicName(t)));
        constants.forEach((name, topic) -> {
            if (!declared.contains(topic)) {
                v.add("Topics." + name + " = \"" + topic + "\" has no KafkaTopic in the manifests " + declared);
            }
        });
        for (String topic : declared) {
            if (!constants.containsValue(topic)) {
                v.add("KafkaTopic " + topic + " is not a constant of " + TOPICS_JAVA + " " + constants.values());
            }
        }
        return v;
    }

    /** Each Deployment's service configuration agrees with the manifests; one violation per disagreement. */
    public static List<String> services(Path projectDir, List<ObjectNode> objects) {
        List<String> v = new ArrayList<>();
        for (ObjectNode d : K8s.ofKind(objects, "Deployment")) {
            v.addAll(service(projectDir, objects, d));
        }
        return v;
    }

    /** The %prod lines a service's application.properties must hold, given the manifests. */
    public static Map<String, String> expectedProdKeys(List<ObjectNode> objects, ObjectNode deployment) {
        Map<String, String> keys = new LinkedHashMap<>();
        JsonNode container = Workloads.podSpec(deployment).path("containers").path(0);
        Map<String, String> env = Workloads.environment(objects, deployment, container);
        if (env.containsKey("KAFKA_BOOTSTRAP_SERVERS")) {
            keys.put("kafka.bootstrap.servers", "${KAFKA_BOOTSTRAP_SERVERS:" + env.get("KAFKA_BOOTSTRAP_SERVERS") + "}");
        }
        Workloads.database(objects, container).ifPresent(db ->
                keys.put("quarkus.datasource.jdbc.url", "${QUARKUS_DATASOURCE_JDBC_URL:" + Workloads.jdbcUrl(db) + "}"));
        jwtKeyFile(deployment, container).ifPresent(f -> keys.put("mp.jwt.verify.publickey.location", f));
        return keys;
    }

    private static List<String> service(Path projectDir, List<ObjectNode> objects, ObjectNode d) {
        List<String> v = new ArrayList<>();
        String service = K8s.name(d);
        Path file = projectDir.resolve(service).resolve("src/main/resources/application.properties");
        Map<String, String> expected = expectedProdKeys(objects, d);
        StringBuilder lines = new StringBuilder();
        expected.forEach((k, val) -> lines.append("\n    %prod.").append(k).append('=').append(val));
        if (!Files.isRegularFile(file)) {
            v.add(service + ": " + file + " does not exist; the manifests expect it to hold:" + lines);
            return v;
        }
        QuarkusConfig file0 = QuarkusConfig.load(file);
        JsonNode container = Workloads.podSpec(d).path("containers").path(0);
        QuarkusConfig inPod = file0.withEnv(Workloads.environment(objects, d, container));
        String where = service + " (" + file + ")";

        // Kafka bootstrap: <kafka>-kafka-bootstrap:<plain port>.
        List<String> bootstraps = Workloads.plainBootstraps(objects);
        if (expected.containsKey("kafka.bootstrap.servers")) {
            agree(v, where, file0, inPod, "kafka.bootstrap.servers", bootstraps, expected);
        }
        // Datasource: the CNPG cluster whose app Secret the Deployment reads.
        Optional<ObjectNode> db = Workloads.database(objects, container);
        if (db.isPresent()) {
            agree(v, where, file0, inPod, "quarkus.datasource.jdbc.url", List.of(Workloads.jdbcUrl(db.get())), expected);
            for (String k : List.of("quarkus.datasource.username", "quarkus.datasource.password")) {
                String got = inPod.value(k).orElse("");
                String secret = "<secret " + K8s.name(db.get()) + "-app/" + k.substring(k.lastIndexOf('.') + 1) + ">";
                if (!got.equals(secret)) {
                    v.add(where + ": " + k + " in the pod is '" + got + "', expected the value of " + secret);
                }
            }
        } else if (file0.rawProd("quarkus.datasource.jdbc.url").isPresent()) {
            v.add(where + ": configures a datasource but the Deployment reads no CloudNativePG app Secret");
        }
        // JWT public key: a file the pod mounts.
        if (expected.containsKey("mp.jwt.verify.publickey.location")) {
            agree(v, where, file0, inPod, "mp.jwt.verify.publickey.location",
                    List.of(expected.get("mp.jwt.verify.publickey.location")), expected);
        }
        // HTTP port (and health/metrics on it, unless the management interface is on).
        int containerPort = container.path("ports").path(0).path("containerPort").asInt();
        String port = resolve(inPod, "quarkus.http.port", where, v).orElse("8080");
        if (!port.equals(String.valueOf(containerPort))) {
            v.add(where + ": the service listens on " + port + " in the pod, the container port is " + containerPort);
        }
        if (resolve(inPod, "quarkus.management.enabled", where, v).orElse("false").equals("true")) {
            v.add(where + ": quarkus.management.enabled moves /q/health and /q/metrics to port "
                    + resolve(inPod, "quarkus.management.port", where, v).orElse("9000") + "; the probes use " + containerPort);
        }
        // Metrics where the Prometheus annotation says they are.
        String metrics = resolve(inPod, "quarkus.micrometer.export.prometheus.path", where, v).orElse("/q/metrics");
        metrics = metrics.startsWith("/") ? metrics : "/q/" + metrics;
        String annotated = d.at("/spec/template/metadata/annotations").path("prometheus.io/path").asText("");
        if (!metrics.equals(annotated)) {
            v.add(where + ": serves metrics at " + metrics + ", the pod annotation prometheus.io/path says " + annotated);
        }
        // Nothing the prod profile reads may fall back to a loopback address inside the pod.
        Set<String> prodKeys = new LinkedHashSet<>();
        file0.raw().keySet().forEach(k -> {
            if (prodKey(k) != null) {
                prodKeys.add(prodKey(k));
            }
        });
        for (String plain : prodKeys) {
            Optional<String> value;
            try {
                value = inPod.value(plain);
            } catch (IllegalStateException unresolvable) {
                continue; // reported above for the keys that matter; others may never be read
            }
            if (value.isPresent() && LOOPBACK.matcher(value.get()).find()) {
                v.add(where + ": " + plain + " is '" + value.get() + "' in the pod (a loopback address); the manifests"
                        + " must set " + file0.rawProd(plain).orElse(plain).replaceAll(".*\\$\\{([^:}]+).*", "$1")
                        + " for it");
            }
        }
        // Credentials (database passwords, object-store keys, encryption keys) only from Secrets.
        v.addAll(credentials(file0, inPod, where));
        // Topics of the messaging channels.
        Set<String> declared = new LinkedHashSet<>();
        K8s.ofKind(objects, "KafkaTopic").forEach(t -> declared.add(Workloads.topicName(t)));
        for (String topic : channelTopics(inPod, where, v)) {
            if (!declared.contains(topic)) {
                v.add(where + ": uses topic '" + topic + "', which has no KafkaTopic in the manifests " + declared);
            }
        }
        return v;
    }

    /**
     * Every credential the service reads in some profile of its file (a key ending in password, access-key-id,
     * secret-access-key or encryption-key) has a Secret's value in the pod: never a ConfigMap value or a literal
     * of the file, and never missing (the service reads it, so prod needs it too).
     */
    static List<String> credentials(QuarkusConfig file, QuarkusConfig inPod, String where) {
        List<String> v = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>();
        for (String key : file.raw().keySet()) {
            String plain = key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key;
            if (CREDENTIAL_KEY.matcher(plain).find()) {
                keys.add(plain);
            }
        }
        for (String key : keys) {
            Optional<String> value;
            try {
                value = inPod.value(key);
            } catch (IllegalStateException unresolvable) {
                value = Optional.empty();
            }
            String env = QuarkusConfig.envName(key);
            if (value.isEmpty()) {
                v.add(where + ": credential " + key + " has no value in the pod; the manifests must set " + env
                        + " from a Secret (secretKeyRef)");
            } else if (!SECRET_VALUE.matcher(value.get()).matches()) {
                v.add(where + ": credential " + key + " is given in clear in the pod (a ConfigMap or the file); set "
                        + env + " from a Secret (secretKeyRef)");
            }
        }
        return v;
    }

    /** The key must be set for prod; its file value (defaults) and its value in the pod must be one of {@code allowed}. */
    private static void agree(List<String> v, String where, QuarkusConfig file, QuarkusConfig inPod, String key,
                              List<String> allowed, Map<String, String> expected) {
        Optional<String> raw = file.rawProd(key);
        if (raw.isEmpty()) {
            v.add(where + ": lacks %prod." + key + " (expected %prod." + key + "=" + expected.get(key) + ")");
            return;
        }
        try {
            Optional<String> fromFile = file.value(key);
            if (fromFile.isPresent() && !allowed.contains(fromFile.get())) {
                v.add(where + ": %prod." + key + "=" + raw.get() + " gives '" + fromFile.get()
                        + "' without the pod's environment, expected " + allowed);
            }
        } catch (IllegalStateException noDefault) {
            // ${VAR} without a default: only the value in the pod counts.
        }
        Optional<String> actual = resolve(inPod, key, where, v);
        if (actual.isPresent() && !allowed.contains(actual.get())) {
            v.add(where + ": " + key + " is '" + actual.get() + "' in the pod, expected " + allowed);
        }
    }

    private static Optional<String> resolve(QuarkusConfig config, String key, String where, List<String> v) {
        try {
            return config.value(key);
        } catch (IllegalStateException e) {
            v.add(where + ": " + key + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    /** Topics of the Kafka channels active in prod: the topic attribute, else the channel name. */
    static Set<String> channelTopics(QuarkusConfig config, String where, List<String> v) {
        Map<String, Boolean> channels = new LinkedHashMap<>();
        for (String key : config.raw().keySet()) {
            String plain = prodKey(key);
            if (plain == null) {
                continue;
            }
            Matcher m = CHANNEL_KEY.matcher(plain);
            if (m.matches()) {
                channels.put(m.group(1) + "." + m.group(2), Boolean.TRUE);
            }
        }
        Set<String> topics = new LinkedHashSet<>();
        for (String channel : channels.keySet()) {
            String prefix = "mp.messaging." + channel + ".";
            String connector = resolve(config, prefix + "connector", where, v).orElse("smallrye-kafka");
            if (!connector.equals("smallrye-kafka") || resolve(config, prefix + "pattern", where, v).orElse("false").equals("true")) {
                continue;
            }
            Optional<String> topic = resolve(config, prefix + "topic", where, v);
            Optional<String> many = resolve(config, prefix + "topics", where, v);
            if (topic.isPresent()) {
                topics.add(topic.get().trim());
            } else if (many.isPresent()) {
                for (String t : many.get().split(",")) {
                    topics.add(t.trim());
                }
            } else {
                String name = channel.substring(channel.indexOf('.') + 1);
                topics.add(name.replace("\"", ""));
            }
        }
        return topics;
    }

    /** The key as the prod profile sees it (without its profile prefix), or null if prod does not see it. */
    private static String prodKey(String key) {
        if (!key.startsWith("%")) {
            return key;
        }
        int dot = key.indexOf('.');
        if (dot < 0) {
            return null;
        }
        for (String profile : key.substring(1, dot).split(",")) {
            if (profile.trim().equals("prod")) {
                return key.substring(dot + 1);
            }
        }
        return null;
    }

    /** The file a container reads the JWT public key from: the mount of the ConfigMap newsroom-jwt. */
    private static Optional<String> jwtKeyFile(ObjectNode deployment, JsonNode container) {
        for (JsonNode vol : Workloads.podSpec(deployment).path("volumes")) {
            if (!vol.path("configMap").path("name").asText().equals("newsroom-jwt")) {
                continue;
            }
            for (JsonNode m : container.path("volumeMounts")) {
                if (m.path("name").asText().equals(vol.path("name").asText())) {
                    String path = vol.path("configMap").path("items").path(0).path("path").asText("publicKey.pem");
                    return Optional.of(m.path("mountPath").asText() + "/" + path);
                }
            }
        }
        return Optional.empty();
    }
}
