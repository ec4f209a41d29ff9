package org.newsroom.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Newsroom deployment rules, applied to the objects of a rendered overlay; each returns its violations. */
public final class ProjectRules {
    private static final Map<String, String> PROBES = Map.of(
            "livenessProbe", "/q/health/live",
            "readinessProbe", "/q/health/ready",
            "startupProbe", "/q/health/started");
    /** Volume types the "restricted" Pod Security Standard allows. */
    private static final Set<String> RESTRICTED_VOLUMES = Set.of("configMap", "csi", "downwardAPI", "emptyDir",
            "ephemeral", "persistentVolumeClaim", "projected", "secret");
    /** Secrets the cluster's operator creates before deploying (deploy/README.md), required by the workloads. */
    public static final Set<String> OPERATOR_SECRETS = Set.of("notify-secrets", "media-s3");
    private static final Set<String> CNPG_APP_SECRET_KEYS = Set.of("username", "user", "password", "dbname", "host",
            "port", "uri", "jdbc-uri", "fqdn-uri", "fqdn-jdbc-uri", "pgpass");
    private static final Pattern IN_CLUSTER_URL = Pattern.compile("https?://([a-z0-9]([-a-z0-9]*[a-z0-9])?)(:(\\d+))?(/.*)?");

    private ProjectRules() {
    }

    /** Every rule that holds in every overlay (not the per-overlay replica counts). */
    public static List<String> all(List<ObjectNode> objects) {
        List<String> v = new ArrayList<>();
        v.addAll(containers(objects));
        v.addAll(coverage(objects));
        v.addAll(defaultDeny(objects));
        v.addAll(noLiteralSecrets(objects));
        v.addAll(references(objects));
        v.addAll(images(objects));
        v.addAll(prometheus(objects));
        v.addAll(strimzi(objects));
        v.addAll(connectionStrings(objects));
        v.addAll(Flows.check(objects));
        return v;
    }

    /** Requests, limits, the three health probes and the restricted security context, for every container. */
    public static List<String> containers(List<ObjectNode> objects) {
        List<String> v = new ArrayList<>();
        for (ObjectNode w : Workloads.all(objects)) {
            String id = K8s.id(w);
            JsonNode pod = Workloads.podSpec(w);
            JsonNode psc = pod.path("securityContext");
            for (String host : List.of("hostNetwork", "hostPID", "hostIPC")) {
                if (pod.path(host).asBoolean(false)) {
                    v.add(id + ": " + host + " is not allowed");
                }
            }
            Set<String> emptyDirs = new HashSet<>();
            for (JsonNode vol : pod.path("volumes")) {
                if (vol.has("emptyDir")) {
                    emptyDirs.add(vol.path("name").asText());
                }
                Set<String> types = new HashSet<>();
                vol.fieldNames().forEachRemaining(types::add);
                types.remove("name");
                for (String t : types) {
                    if (!RESTRICTED_VOLUMES.contains(t)) {
                        v.add(id + ": volume " + vol.path("name").asText() + " of type " + t + " is not allowed under"
                                + " the restricted Pod Security Standard");
                    }
                }
            }
            for (JsonNode c : Workloads.containers(w, true)) {
                String cid = id + " container " + c.path("name").asText();
                JsonNode res = c.path("resources");
                for (String kind : List.of("requests", "limits")) {
                    for (String r : List.of("cpu", "memory")) {
                        if (!res.path(kind).has(r)) {
                            v.add(cid + ": resources." + kind + "." + r + " is missing");
                        }
                    }
                }
                JsonNode sc = c.path("securityContext");
                if (!(sc.has("runAsNonRoot") ? sc.get("runAsNonRoot") : psc.path("runAsNonRoot")).asBoolean(false)) {
                    v.add(cid + ": runAsNonRoot must be true (container or pod securityContext)");
                }
                JsonNode user = sc.has("runAsUser") ? sc.get("runAsUser") : psc.path("runAsUser");
                if (user.isInt() && user.asInt() == 0) {
                    v.add(cid + ": runAsUser 0 (root) is not allowed");
                }
                if (!sc.path("allowPrivilegeEscalation").isBoolean() || sc.path("allowPrivilegeEscalation").asBoolean()) {
                    v.add(cid + ": securityContext.allowPrivilegeEscalation must be false");
                }
                if (sc.path("privileged").asBoolean(false)) {
                    v.add(cid + ": privileged containers are not allowed");
                }
                boolean dropsAll = false;
                for (JsonNode d : sc.path("capabilities").path("drop")) {
                    dropsAll |= d.asText().equals("ALL");
                }
                if (!dropsAll) {
                    v.add(cid + ": securityContext.capabilities.drop must contain ALL");
                }
                for (JsonNode a : sc.path("capabilities").path("add")) {
                    if (!a.asText().equals("NET_BIND_SERVICE")) {
                        v.add(cid + ": capability " + a.asText() + " may not be added");
                    }
                }
                String seccomp = (sc.path("seccompProfile").has("type") ? sc : psc).path("seccompProfile").path("type").asText("");
                if (!seccomp.equals("RuntimeDefault") && !seccomp.equals("Localhost")) {
                    v.add(cid + ": seccompProfile.type must be RuntimeDefault or Localhost (container or pod), is '"
                            + seccomp + "'");
                }
                if (!sc.path("readOnlyRootFilesystem").asBoolean(false)) {
                    v.add(cid + ": securityContext.readOnlyRootFilesystem must be true");
                }
                boolean tmp = false;
                for (JsonNode m : c.path("volumeMounts")) {
                    tmp |= m.path("mountPath").asText().equals("/tmp") && emptyDirs.contains(m.path("name").asText());
                }
                if (!tmp) {
                    v.add(cid + ": needs an emptyDir volume mounted at /tmp (the root filesystem is read-only)");
                }
            }
            for (JsonNode c : Workloads.containers(w, false)) {
                String cid = id + " container " + c.path("name").asText();
                PROBES.forEach((probe, path) -> {
                    JsonNode p = c.path(probe);
                    if (p.isMissingNode()) {
                        v.add(cid + ": " + probe + " is missing (expected GET " + path + ")");
                        return;
                    }
                    if (!p.path("httpGet").path("path").asText().equals(path)) {
                        v.add(cid + ": " + probe + " must GET " + path + ", not " + p.path("httpGet").path("path").asText());
                    }
                    if (Workloads.resolvePort(c, p.path("httpGet").path("port")).isEmpty()) {
                        v.add(cid + ": " + probe + " port " + p.path("httpGet").path("port") + " is not a port of the container");
                    }
                });
            }
        }
        return v;
    }

    /** Every Deployment has a matching selector, a Service, a PodDisruptionBudget, an HPA and its own NetworkPolicy. */
    public static List<String> coverage(List<ObjectNode> objects) {
        List<String> v = new ArrayList<>();
        for (ObjectNode d : K8s.ofKind(objects, "Deployment")) {
            String id = K8s.id(d);
            String ns = K8s.namespace(d);
            Map<String, String> labels = Workloads.podLabels(d);
            if (!K8s.selects(d.path("spec").path("selector"), labels)) {
                v.add(id + ": spec.selector does not select the pod template's labels");
            }
            int replicas = d.path("spec").path("replicas").asInt(1);

            List<ObjectNode> pdbs = matching(objects, "PodDisruptionBudget", ns, labels);
            if (pdbs.isEmpty()) {
                v.add(id + ": no PodDisruptionBudget selects its pods");
            }
            for (ObjectNode pdb : pdbs) {
                JsonNode min = pdb.path("spec").path("minAvailable");
                if (min.isInt() && min.asInt() >= replicas) {
                    v.add(id + ": " + K8s.id(pdb) + " minAvailable " + min.asInt() + " with " + replicas
                            + " replica(s) blocks every voluntary eviction");
                }
                JsonNode max = pdb.path("spec").path("maxUnavailable");
                if (max.isInt() && max.asInt() == 0) {
                    v.add(id + ": " + K8s.id(pdb) + " maxUnavailable 0 blocks every voluntary eviction");
                }
            }

            List<ObjectNode> hpas = new ArrayList<>();
            for (ObjectNode h : K8s.ofKind(objects, "HorizontalPodAutoscaler")) {
                JsonNode ref = h.path("spec").path("scaleTargetRef");
                if (K8s.namespace(h).equals(ns) && ref.path("kind").asText().equals("Deployment")
                        && ref.path("name").asText().equals(K8s.name(d))) {
                    hpas.add(h);
                }
            }
            if (hpas.size() != 1) {
                v.add(id + ": expected exactly one HorizontalPodAutoscaler targeting it, found " + hpas.size());
            }
            for (ObjectNode h : hpas) {
                if (!K8s.apiVersion(h).equals("autoscaling/v2")) {
                    v.add(K8s.id(h) + ": must be autoscaling/v2");
                }
                int min = h.path("spec").path("minReplicas").asInt(1);
                int max = h.path("spec").path("maxReplicas").asInt(0);
                if (min < 1 || min > max) {
                    v.add(K8s.id(h) + ": minReplicas " + min + " must be between 1 and maxReplicas " + max);
                }
                if (h.path("spec").path("metrics").size() == 0) {
                    v.add(K8s.id(h) + ": has no metrics");
                }
            }

            boolean ownPolicy = false;
            for (ObjectNode p : matching(objects, "NetworkPolicy", ns, labels)) {
                if (!K8s.isEmptySelector(p.path("spec").path("podSelector")) && p.path("spec").path("ingress").size() > 0) {
                    ownPolicy = true;
                }
            }
            if (!ownPolicy) {
                v.add(id + ": no NetworkPolicy of its own (non-empty podSelector with ingress rules) selects its pods");
            }

            List<ObjectNode> services = matching(objects, "Service", ns, labels);
            if (services.isEmpty()) {
                v.add(id + ": no Service selects its pods");
            }
            JsonNode container = Workloads.podSpec(d).path("containers").path(0);
            for (ObjectNode s : services) {
                for (JsonNode port : s.path("spec").path("ports")) {
                    JsonNode target = port.has("targetPort") ? port.get("targetPort") : port.path("port");
                    if (Workloads.resolvePort(container, target).isEmpty()) {
                        v.add(K8s.id(s) + ": targetPort " + target + " is not a port of " + id);
                    }
                }
            }
        }
        return v;
    }

    /** Objects of a kind in a namespace whose spec.selector (or podSelector) selects the labels. */
    private static List<ObjectNode> matching(List<ObjectNode> objects, String kind, String ns, Map<String, String> labels) {
        List<ObjectNode> list = new ArrayList<>();
        for (ObjectNode o : K8s.ofKind(objects, kind)) {
            JsonNode spec = o.path("spec");
            JsonNode selector;
            if (kind.equals("Service")) {
                selector = spec.has("selector") ? mapper().createObjectNode().set("matchLabels", spec.get("selector")) : null;
            } else if (kind.equals("NetworkPolicy")) {
                selector = spec.path("podSelector");
            } else {
                selector = spec.path("selector");
            }
            if (K8s.namespace(o).equals(ns) && K8s.selects(selector, labels)) {
                list.add(o);
            }
        }
        return list;
    }

    private static com.fasterxml.jackson.databind.ObjectMapper mapper() {
        return Yaml.JSON;
    }

    /** Each namespace with workloads has a default deny-all NetworkPolicy for ingress and egress. */
    public static List<String> defaultDeny(List<ObjectNode> objects) {
        List<String> v = new ArrayList<>();
        Set<String> namespaces = new HashSet<>();
        Workloads.all(objects).forEach(w -> namespaces.add(K8s.namespace(w)));
        for (String ns : namespaces) {
            boolean found = false;
            for (ObjectNode p : K8s.ofKind(objects, "NetworkPolicy")) {
                JsonNode spec = p.path("spec");
                Set<String> types = new HashSet<>();
                spec.path("policyTypes").forEach(t -> types.add(t.asText()));
                if (K8s.namespace(p).equals(ns) && K8s.isEmptySelector(spec.path("podSelector"))
                        && types.containsAll(Set.of("Ingress", "Egress"))
                        && spec.path("ingress").size() == 0 && spec.path("egress").size() == 0) {
                    found = true;
                }
            }
            if (!found) {
                v.add("namespace " + ns + ": no default deny-all NetworkPolicy (podSelector {}, policyTypes Ingress"
                        + " and Egress, no rules)");
            }
        }
        return v;
    }

    /** No Secret with literal data or stringData is committed; secrets come from operators or the cluster's admins. */
    public static List<String> noLiteralSecrets(List<ObjectNode> objects) {
        List<String> v = new ArrayList<>();
        for (ObjectNode s : K8s.ofKind(objects, "Secret")) {
            if (s.path("data").size() > 0 || s.path("stringData").size() > 0) {
                v.add(K8s.id(s) + ": a Secret with literal data/stringData must not be committed");
            }
        }
        return v;
    }

    /**
     * Every referenced ConfigMap (and key) exists in the render; every referenced Secret is either a
     * CloudNativePG app Secret of a Cluster in the render (with a key it has), one the cluster's operator must create
     * ({@link #OPERATOR_SECRETS}, documented in deploy/README.md), or marked optional.
     */
    public static List<String> references(List<ObjectNode> objects) {
        List<String> v = new ArrayList<>();
        Map<String, ObjectNode> cnpg = Workloads.cnpgAppSecrets(objects);
        for (ObjectNode w : Workloads.all(objects)) {
            String id = K8s.id(w);
            String ns = K8s.namespace(w);
            JsonNode pod = Workloads.podSpec(w);
            Set<String> volumes = new HashSet<>();
            for (JsonNode vol : pod.path("volumes")) {
                volumes.add(vol.path("name").asText());
                if (vol.has("configMap")) {
                    JsonNode ref = vol.get("configMap");
                    List<String> keys = new ArrayList<>();
                    ref.path("items").forEach(i -> keys.add(i.path("key").asText()));
                    configMapRef(objects, ns, ref, keys, id + " volume " + vol.path("name").asText(), v);
                }
                if (vol.has("secret")) {
                    JsonNode ref = vol.get("secret");
                    secretRef(cnpg, ref.path("secretName").asText(), null, ref.path("optional").asBoolean(false),
                            id + " volume " + vol.path("name").asText(), v);
                }
            }
            for (JsonNode c : Workloads.containers(w, true)) {
                String cid = id + " container " + c.path("name").asText();
                for (JsonNode m : c.path("volumeMounts")) {
                    if (!volumes.contains(m.path("name").asText())) {
                        v.add(cid + ": volumeMount " + m.path("name").asText() + " has no volume");
                    }
                }
                for (JsonNode from : c.path("envFrom")) {
                    if (from.has("configMapRef")) {
                        configMapRef(objects, ns, from.get("configMapRef"), List.of(), cid + " envFrom", v);
                    }
                    if (from.has("secretRef")) {
                        JsonNode ref = from.get("secretRef");
                        secretRef(cnpg, ref.path("name").asText(), null, ref.path("optional").asBoolean(false),
                                cid + " envFrom", v);
                    }
                }
                for (JsonNode e : c.path("env")) {
                    JsonNode from = e.path("valueFrom");
                    String eid = cid + " env " + e.path("name").asText();
                    if (from.has("configMapKeyRef")) {
                        JsonNode ref = from.get("configMapKeyRef");
                        configMapRef(objects, ns, ref, List.of(ref.path("key").asText()), eid, v);
                    }
                    if (from.has("secretKeyRef")) {
                        JsonNode ref = from.get("secretKeyRef");
                        secretRef(cnpg, ref.path("name").asText(), ref.path("key").asText(),
                                ref.path("optional").asBoolean(false), eid, v);
                    }
                }
            }
        }
        return v;
    }

    private static void configMapRef(List<ObjectNode> objects, String ns, JsonNode ref, List<String> keys, String where,
                                     List<String> v) {
        if (ref.path("optional").asBoolean(false)) {
            return;
        }
        String name = ref.path("name").asText();
        Optional<ObjectNode> cm = Workloads.configMap(objects, ns, name);
        if (cm.isEmpty()) {
            v.add(where + ": ConfigMap " + name + " is not in the rendered manifests");
            return;
        }
        for (String key : keys) {
            if (!cm.get().path("data").has(key) && !cm.get().path("binaryData").has(key)) {
                v.add(where + ": ConfigMap " + name + " has no key " + key);
            }
        }
    }

    private static void secretRef(Map<String, ObjectNode> cnpg, String name, String key, boolean optional, String where,
                                  List<String> v) {
        if (cnpg.containsKey(name)) {
            if (key != null && !CNPG_APP_SECRET_KEYS.contains(key)) {
                v.add(where + ": CloudNativePG Secret " + name + " has no key " + key);
            }
            return;
        }
        if (!optional && !OPERATOR_SECRETS.contains(name)) {
            v.add(where + ": Secret " + name + " is neither created by an operator in the render (e.g. <cluster>-app)"
                    + " nor marked optional: true");
        }
    }

    /** Every container image names a tag other than latest, or a digest. */
    public static List<String> images(List<ObjectNode> objects) {
        List<String> v = new ArrayList<>();
        for (ObjectNode w : Workloads.all(objects)) {
            for (JsonNode c : Workloads.containers(w, true)) {
                String image = c.path("image").asText();
                String lastPart = image.substring(image.lastIndexOf('/') + 1);
                boolean digest = image.contains("@sha256:");
                boolean tagged = lastPart.contains(":") && !lastPart.endsWith(":latest");
                if (!digest && !tagged) {
                    v.add(K8s.id(w) + " container " + c.path("name").asText() + ": image '" + image
                            + "' needs a fixed tag (not latest) or a digest");
                }
            }
        }
        return v;
    }

    /** Pods announce their metrics to Prometheus: scrape "true", their HTTP port, path /q/metrics. */
    public static List<String> prometheus(List<ObjectNode> objects) {
        List<String> v = new ArrayList<>();
        for (ObjectNode w : Workloads.all(objects)) {
            Map<String, String> a = K8s.stringMap(w.path("spec").path("template").path("metadata").path("annotations"));
            Set<Integer> ports = new HashSet<>();
            Workloads.containers(w, false).forEach(c -> c.path("ports").forEach(p -> ports.add(p.path("containerPort").asInt())));
            if (!"true".equals(a.get("prometheus.io/scrape"))) {
                v.add(K8s.id(w) + ": pod annotation prometheus.io/scrape must be \"true\"");
            }
            if (!"/q/metrics".equals(a.get("prometheus.io/path"))) {
                v.add(K8s.id(w) + ": pod annotation prometheus.io/path must be /q/metrics");
            }
            String port = a.getOrDefault("prometheus.io/port", "");
            if (!port.matches("\\d+") || !ports.contains(Integer.parseInt(port))) {
                v.add(K8s.id(w) + ": pod annotation prometheus.io/port '" + port + "' is not a container port " + ports);
            }
        }
        return v;
    }

    /** Strimzi objects hang together: pools and topics name an existing Kafka; replication fits the brokers. */
    public static List<String> strimzi(List<ObjectNode> objects) {
        List<String> v = new ArrayList<>();
        Set<String> kafkas = new HashSet<>();
        K8s.ofKind(objects, "Kafka").forEach(k -> kafkas.add(K8s.name(k)));
        for (String kind : List.of("KafkaNodePool", "KafkaTopic")) {
            for (ObjectNode o : K8s.ofKind(objects, kind)) {
                String cluster = K8s.stringMap(o.path("metadata").path("labels")).get("strimzi.io/cluster");
                if (cluster == null || !kafkas.contains(cluster)) {
                    v.add(K8s.id(o) + ": label strimzi.io/cluster '" + cluster + "' names no Kafka in the render " + kafkas);
                }
            }
        }
        for (ObjectNode k : K8s.ofKind(objects, "Kafka")) {
            String name = K8s.name(k);
            int brokers = Workloads.nodes(objects, name, "broker");
            int controllers = Workloads.nodes(objects, name, "controller");
            if (brokers < 1 || controllers < 1) {
                v.add(K8s.id(k) + ": needs node pools with the broker and controller roles (brokers " + brokers
                        + ", controllers " + controllers + ")");
            }
            if (controllers % 2 == 0) {
                v.add(K8s.id(k) + ": an even number of KRaft controllers (" + controllers + ") tolerates no more failures"
                        + " than one fewer");
            }
            JsonNode config = k.path("spec").path("kafka").path("config");
            int rf = config.path("default.replication.factor").asInt(1);
            int isr = config.path("min.insync.replicas").asInt(1);
            if (rf > brokers || isr > rf) {
                v.add(K8s.id(k) + ": needs min.insync.replicas (" + isr + ") <= default.replication.factor (" + rf
                        + ") <= brokers (" + brokers + ")");
            }
            for (String f : List.of("offsets.topic.replication.factor", "transaction.state.log.replication.factor")) {
                if (config.path(f).asInt(3) > brokers) {
                    v.add(K8s.id(k) + ": " + f + " " + config.path(f).asInt(3) + " exceeds the " + brokers + " broker(s)");
                }
            }
            if (config.path("transaction.state.log.min.isr").asInt(2) > config.path("transaction.state.log.replication.factor").asInt(3)) {
                v.add(K8s.id(k) + ": transaction.state.log.min.isr exceeds transaction.state.log.replication.factor");
            }
            for (ObjectNode t : K8s.ofKind(objects, "KafkaTopic")) {
                if (!name.equals(K8s.stringMap(t.path("metadata").path("labels")).get("strimzi.io/cluster"))) {
                    continue;
                }
                int replicas = t.path("spec").path("replicas").asInt(rf);
                int topicIsr = t.path("spec").path("config").path("min.insync.replicas").asInt(isr);
                if (!t.path("spec").has("partitions")) {
                    v.add(K8s.id(t) + ": spec.partitions must be set (keys are partitioned deliberately)");
                }
                if (replicas > brokers) {
                    v.add(K8s.id(t) + ": replicas " + replicas + " exceeds the " + brokers + " broker(s)");
                }
                if (topicIsr > replicas) {
                    v.add(K8s.id(t) + ": min.insync.replicas " + topicIsr + " exceeds replicas " + replicas);
                }
            }
        }
        for (ObjectNode c : K8s.ofKind(objects, "Cluster")) {
            JsonNode initdb = c.path("spec").path("bootstrap").path("initdb");
            if (!initdb.has("database") || !initdb.has("owner")) {
                v.add(K8s.id(c) + ": spec.bootstrap.initdb needs database and owner (the app Secret is for the owner)");
            }
        }
        return v;
    }

    /**
     * Addresses in ConfigMaps point at objects of the render: Kafka bootstrap addresses at a Kafka's plain
     * listener, JDBC URLs at a CNPG Cluster's service and database, in-cluster http URLs at a Service port.
     */
    public static List<String> connectionStrings(List<ObjectNode> objects) {
        List<String> v = new ArrayList<>();
        List<String> bootstraps = Workloads.plainBootstraps(objects);
        for (ObjectNode cm : K8s.ofKind(objects, "ConfigMap")) {
            String ns = K8s.namespace(cm);
            K8s.stringMap(cm.path("data")).forEach((key, value) -> {
                String where = K8s.id(cm) + " " + key;
                if (key.equals("KAFKA_BOOTSTRAP_SERVERS") || Workloads.bootstrapMatcher(value).matches()) {
                    for (String address : value.split(",")) {
                        if (!bootstraps.contains(address.trim())) {
                            v.add(where + ": " + address + " is not the plain listener of a Kafka in the render " + bootstraps);
                        }
                    }
                }
                if (value.startsWith("jdbc:")) {
                    Matcher m = Workloads.jdbcMatcher(value);
                    if (!m.matches()) {
                        v.add(where + ": '" + value + "' is not jdbc:postgresql://<cluster>-rw:5432/<database>");
                    } else {
                        Optional<ObjectNode> cluster = K8s.find(objects, "Cluster", m.group(1));
                        if (cluster.isEmpty()) {
                            v.add(where + ": no CloudNativePG Cluster named " + m.group(1));
                        } else if (!Workloads.jdbcUrl(cluster.get()).equals(value)) {
                            v.add(where + ": '" + value + "' should be " + Workloads.jdbcUrl(cluster.get()));
                        }
                    }
                }
                Matcher url = IN_CLUSTER_URL.matcher(value);
                if (url.matches() && !url.group(1).contains(".")) {
                    String host = url.group(1);
                    int port = url.group(4) != null ? Integer.parseInt(url.group(4)) : value.startsWith("https") ? 443 : 80;
                    Optional<ObjectNode> svc = objects.stream().filter(o -> K8s.kind(o).equals("Service")
                            && K8s.name(o).equals(host) && K8s.namespace(o).equals(ns)).findFirst();
                    boolean ok = svc.isPresent() && svc.get().path("spec").path("ports").findValues("port").stream()
                            .anyMatch(p -> p.asInt() == port);
                    if (!ok) {
                        v.add(where + ": " + value + " names no Service " + host + " with port " + port + " in namespace " + ns);
                    }
                }
            });
        }
        return v;
    }

    /**
     * The replica counts of an overlay: {@code n} Kafka nodes, topic replicas, PostgreSQL instances,
     * Deployment replicas and HPA minimums; {@code minIsr} for min.insync.replicas.
     */
    public static List<String> replication(List<ObjectNode> objects, int n, int minIsr) {
        List<String> v = new ArrayList<>();
        for (ObjectNode k : K8s.ofKind(objects, "Kafka")) {
            for (String role : List.of("broker", "controller")) {
                int nodes = Workloads.nodes(objects, K8s.name(k), role);
                if (nodes != n) {
                    v.add(K8s.id(k) + ": " + nodes + " " + role + " node(s), expected " + n);
                }
            }
            JsonNode config = k.path("spec").path("kafka").path("config");
            Map<String, Integer> expected = Map.of("default.replication.factor", n, "min.insync.replicas", minIsr,
                    "offsets.topic.replication.factor", n, "transaction.state.log.replication.factor", n,
                    "transaction.state.log.min.isr", minIsr);
            expected.forEach((key, value) -> {
                if (config.path(key).asInt(-1) != value) {
                    v.add(K8s.id(k) + ": config " + key + " is " + config.path(key) + ", expected " + value);
                }
            });
        }
        for (ObjectNode t : K8s.ofKind(objects, "KafkaTopic")) {
            if (t.path("spec").path("replicas").asInt(-1) != n) {
                v.add(K8s.id(t) + ": replicas " + t.path("spec").path("replicas") + ", expected " + n);
            }
            if (t.path("spec").path("config").path("min.insync.replicas").asInt(-1) != minIsr) {
                v.add(K8s.id(t) + ": min.insync.replicas " + t.path("spec").path("config").path("min.insync.replicas")
                        + ", expected " + minIsr);
            }
        }
        for (ObjectNode c : K8s.ofKind(objects, "Cluster")) {
            if (c.path("spec").path("instances").asInt(-1) != n) {
                v.add(K8s.id(c) + ": instances " + c.path("spec").path("instances") + ", expected " + n);
            }
        }
        for (ObjectNode d : K8s.ofKind(objects, "Deployment")) {
            if (d.path("spec").path("replicas").asInt(1) != n) {
                v.add(K8s.id(d) + ": replicas " + d.path("spec").path("replicas").asInt(1) + ", expected " + n);
            }
        }
        for (ObjectNode h : K8s.ofKind(objects, "HorizontalPodAutoscaler")) {
            if (h.path("spec").path("minReplicas").asInt(1) != n) {
                v.add(K8s.id(h) + ": minReplicas " + h.path("spec").path("minReplicas").asInt(1) + ", expected " + n);
            }
            if (h.path("spec").path("maxReplicas").asInt(0) < n) {
                v.add(K8s.id(h) + ": maxReplicas below " + n);
            }
        }
        return v;
    }
}
