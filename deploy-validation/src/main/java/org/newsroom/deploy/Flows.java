package org.newsroom.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.newsroom.deploy.NetworkPolicies.Endpoint;

/**
 * The network flows the architecture needs, checked against the rendered NetworkPolicies: the ones it
 * needs must be allowed, and some it must not have (SSRF to private ranges, services reaching data
 * they do not own, anything else on the internet) must be denied. The internet is open only to notify-service
 * (webhooks, SMTP) and to an object-store client (its S3 endpoint's port). Addresses here are only evaluated,
 * never contacted.
 */
public final class Flows {
    /** A public address (TEST-NET-2, documentation range) standing for "a webhook receiver on the internet". */
    static final String PUBLIC_IP = "198.51.100.7";
    /** The link-local address where clouds serve instance metadata and credentials. */
    static final String CLOUD_METADATA = "169.254.169.254";
    private static final Pattern IN_CLUSTER_URL = Pattern.compile("https?://([a-z0-9-]+):(\\d+)(/.*)?");

    private Flows() {
    }

    /** Violations: flows that should pass and do not, or should not and do. */
    public static List<String> check(List<ObjectNode> objects) {
        List<String> v = new ArrayList<>();
        Map<String, Map<String, String>> otherNamespaces = Map.of(
                "kube-system", Map.of("kubernetes.io/metadata.name", "kube-system"),
                "ingress", Map.of("kubernetes.io/metadata.name", "ingress"),
                "monitoring", Map.of("kubernetes.io/metadata.name", "monitoring"),
                "strimzi", Map.of("kubernetes.io/metadata.name", "strimzi"),
                "cnpg-system", Map.of("kubernetes.io/metadata.name", "cnpg-system"));
        NetworkPolicies np = new NetworkPolicies(objects, otherNamespaces);
        Endpoint dns = Endpoint.pod("kube-system", Map.of("k8s-app", "kube-dns"));
        Endpoint ingressController = Endpoint.pod("ingress", Map.of("app.kubernetes.io/name", "ingress-nginx"));
        Endpoint prometheus = Endpoint.pod("monitoring", Map.of("app.kubernetes.io/name", "prometheus"));

        for (ObjectNode d : K8s.ofKind(objects, "Deployment")) {
            String ns = K8s.namespace(d);
            String id = K8s.id(d);
            Endpoint self = Endpoint.pod(ns, Workloads.podLabels(d), Workloads.namedPorts(d));
            JsonNode container = Workloads.podSpec(d).path("containers").path(0);
            int port = container.path("ports").path(0).path("containerPort").asInt();
            Map<String, String> env = Workloads.environment(objects, d, container);

            expect(v, np.allowed(self, dns, 53, "UDP"), true, id + " -> DNS 53/UDP");
            expect(v, np.allowed(self, dns, 53, "TCP"), true, id + " -> DNS 53/TCP");
            expect(v, np.allowed(ingressController, self, port), true, "ingress controller -> " + id + " " + port);
            expect(v, np.allowed(prometheus, self, port), true, "Prometheus -> " + id + " " + port + " (/q/metrics)");
            expect(v, np.allowed(ingressController, self, 5005), false, "ingress controller -> " + id + " 5005 (not its port)");

            for (ObjectNode kafka : K8s.ofKind(objects, "Kafka")) {
                Endpoint broker = Endpoint.pod(K8s.namespace(kafka), Map.of("strimzi.io/cluster", K8s.name(kafka),
                        "strimzi.io/kind", "Kafka", "strimzi.io/broker-role", "true"));
                boolean client = env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "").contains(K8s.name(kafka) + "-kafka-bootstrap");
                expect(v, np.allowed(self, broker, 9092), client, id + " -> Kafka " + K8s.name(kafka) + " 9092");
            }
            Optional<ObjectNode> ownDb = Workloads.database(objects, container);
            for (ObjectNode db : K8s.ofKind(objects, "Cluster")) {
                Endpoint primary = Endpoint.pod(K8s.namespace(db), Map.of("cnpg.io/cluster", K8s.name(db),
                        "cnpg.io/instanceRole", "primary"));
                boolean owner = ownDb.isPresent() && K8s.name(ownDb.get()).equals(K8s.name(db));
                expect(v, np.allowed(self, primary, 5432), owner, id + " -> PostgreSQL " + K8s.name(db) + " 5432");
            }
            for (ObjectNode other : K8s.ofKind(objects, "Deployment")) {
                if (other == d) {
                    continue;
                }
                Endpoint target = Endpoint.pod(K8s.namespace(other), Workloads.podLabels(other), Workloads.namedPorts(other));
                int otherPort = Workloads.podSpec(other).path("containers").path(0).path("ports").path(0).path("containerPort").asInt();
                boolean calls = false;
                for (String value : env.values()) {
                    Matcher m = IN_CLUSTER_URL.matcher(value);
                    calls |= m.matches() && servicePointsAt(objects, ns, m.group(1), Integer.parseInt(m.group(2)), other);
                }
                expect(v, np.allowed(self, target, otherPort), calls, id + " -> " + K8s.id(other) + " " + otherPort);
            }
            boolean notifier = env.containsKey("QUARKUS_MAILER_HOST");
            // The object store outside the cluster: by name, any public address on its port; by address, that one.
            Optional<ObjectStore> store = ObjectStore.of(env).filter(ObjectStore::outsideTheCluster);
            for (int webPort : new int[]{80, 443}) {
                boolean storePort = store.isPresent() && !store.get().isAddress() && store.get().port() == webPort;
                expect(v, np.allowed(self, Endpoint.external(PUBLIC_IP), webPort), notifier || storePort,
                        id + " -> internet " + PUBLIC_IP + ":" + webPort);
                for (String privateIp : List.of("10.1.2.3", "172.20.0.5", "192.168.1.10", CLOUD_METADATA, "127.0.0.1")) {
                    expect(v, np.allowed(self, Endpoint.external(privateIp), webPort), false,
                            id + " -> private " + privateIp + ":" + webPort + " (SSRF)");
                }
            }
            if (store.isPresent()) {
                int p = store.get().port();
                String address = store.get().isAddress() ? store.get().host() : PUBLIC_IP;
                expect(v, np.allowed(self, Endpoint.external(address), p), true,
                        id + " -> object store " + store.get().host() + ":" + p + " (" + address + ")");
                expect(v, np.allowed(self, Endpoint.external(CLOUD_METADATA), p), false,
                        id + " -> cloud metadata " + CLOUD_METADATA + ":" + p + " (SSRF)");
            }
            if (notifier) {
                int smtp = Integer.parseInt(env.getOrDefault("QUARKUS_MAILER_PORT", "587"));
                expect(v, np.allowed(self, Endpoint.external(PUBLIC_IP), smtp), true, id + " -> SMTP relay " + smtp);
                expect(v, np.allowed(self, Endpoint.external("10.0.0.25"), smtp), true, id + " -> private SMTP relay " + smtp);
            }
        }

        for (ObjectNode kafka : K8s.ofKind(objects, "Kafka")) {
            String ns = K8s.namespace(kafka);
            Map<String, String> labels = new HashMap<>(Map.of("strimzi.io/cluster", K8s.name(kafka), "strimzi.io/kind", "Kafka"));
            Endpoint broker = Endpoint.pod(ns, labels);
            Endpoint entityOperator = Endpoint.pod(ns, Map.of("strimzi.io/cluster", K8s.name(kafka),
                    "strimzi.io/kind", "Kafka", "strimzi.io/name", K8s.name(kafka) + "-entity-operator"));
            Endpoint operator = Endpoint.pod("strimzi", Map.of("strimzi.io/kind", "cluster-operator"));
            for (int p : new int[]{9090, 9091}) {
                expect(v, np.allowed(broker, broker, p), true, "Kafka " + K8s.name(kafka) + " node -> node " + p);
                expect(v, np.allowed(operator, broker, p), true, "Strimzi cluster operator -> Kafka " + p);
            }
            expect(v, np.allowed(entityOperator, broker, 9091), true, "entity operator -> Kafka 9091");
            expect(v, np.allowed(entityOperator, Endpoint.external("10.96.0.1"), 443), true, "entity operator -> API server 443");
            expect(v, np.allowed(broker, dns, 53, "UDP"), true, "Kafka -> DNS");
            expect(v, np.allowed(ingressController, broker, 9092), false, "ingress controller -> Kafka 9092");
        }
        for (ObjectNode db : K8s.ofKind(objects, "Cluster")) {
            String ns = K8s.namespace(db);
            Endpoint instance = Endpoint.pod(ns, Map.of("cnpg.io/cluster", K8s.name(db), "cnpg.io/instanceRole", "replica"));
            Endpoint primary = Endpoint.pod(ns, Map.of("cnpg.io/cluster", K8s.name(db), "cnpg.io/instanceRole", "primary"));
            Endpoint operator = Endpoint.pod("cnpg-system", Map.of("app.kubernetes.io/name", "cloudnative-pg"));
            expect(v, np.allowed(instance, primary, 5432), true, "PostgreSQL " + K8s.name(db) + " replica -> primary 5432");
            expect(v, np.allowed(operator, primary, 8000), true, "CloudNativePG operator -> " + K8s.name(db) + " 8000");
            expect(v, np.allowed(primary, Endpoint.external("10.96.0.1"), 443), true, K8s.name(db) + " -> API server 443");
            expect(v, np.allowed(ingressController, primary, 5432), false, "ingress controller -> " + K8s.name(db) + " 5432");
        }
        return v;
    }

    /**
     * The S3-compatible store a workload uses, from its environment ({@code *_S3_ENDPOINT}, {@code *_S3_BUCKET}): no
     * endpoint is AWS S3's regional one (HTTPS). A host without a dot (or under {@code .svc}) is inside the cluster,
     * where an ipBlock rule does not apply and the flow is not evaluated.
     */
    record ObjectStore(String host, int port) {
        private static final Pattern URL = Pattern.compile("(https?)://([^/:]+)(:(\\d+))?(/.*)?");

        static Optional<ObjectStore> of(Map<String, String> env) {
            boolean uses = env.keySet().stream().anyMatch(k -> k.endsWith("_S3_BUCKET") || k.endsWith("_S3_ENDPOINT"));
            if (!uses) {
                return Optional.empty();
            }
            String endpoint = env.entrySet().stream().filter(e -> e.getKey().endsWith("_S3_ENDPOINT"))
                    .map(Map.Entry::getValue).findFirst().orElse("").trim();
            Matcher m = URL.matcher(endpoint);
            if (!m.matches()) {
                return Optional.of(new ObjectStore("s3.amazonaws.com", 443));
            }
            int port = m.group(4) != null ? Integer.parseInt(m.group(4)) : m.group(1).equals("https") ? 443 : 80;
            return Optional.of(new ObjectStore(m.group(2), port));
        }

        /** Reached through an ipBlock rule: a host name outside the cluster, or an address. */
        boolean outsideTheCluster() {
            return host.contains(".") && !host.endsWith(".svc") && !host.contains(".svc.");
        }

        /** An IPv4 address rather than a name. */
        boolean isAddress() {
            return host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        }
    }

    private static boolean servicePointsAt(List<ObjectNode> objects, String ns, String service, int port, ObjectNode target) {
        for (ObjectNode s : K8s.ofKind(objects, "Service")) {
            if (!K8s.name(s).equals(service) || !K8s.namespace(s).equals(ns) || !K8s.namespace(target).equals(ns)) {
                continue;
            }
            boolean hasPort = s.path("spec").path("ports").findValues("port").stream().anyMatch(p -> p.asInt() == port);
            Map<String, String> selector = K8s.stringMap(s.path("spec").path("selector"));
            Map<String, String> labels = Workloads.podLabels(target);
            if (hasPort && !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet())) {
                return true;
            }
        }
        return false;
    }

    private static void expect(List<String> v, boolean actual, boolean expected, String flow) {
        if (actual != expected) {
            v.add("network flow " + flow + " is " + (actual ? "allowed" : "denied") + ", must be "
                    + (expected ? "allowed" : "denied"));
        }
    }
}
