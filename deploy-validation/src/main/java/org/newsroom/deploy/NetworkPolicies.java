package org.newsroom.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Evaluates {@code networking.k8s.io/v1} NetworkPolicies the way the API defines them: a pod selected by
 * no policy of a direction is open in that direction; once selected, only what some rule allows passes;
 * a connection needs both the source's egress and the destination's ingress.
 * Simplification: ipBlock peers match only endpoints outside the cluster (given by IP address),
 * pod and namespace selectors only pods.
 */
public final class NetworkPolicies {
    private final List<ObjectNode> policies;
    private final Map<String, Map<String, String>> namespaceLabels;

    /** One end of a connection: a pod (namespace, labels, named ports) or an address outside the cluster. */
    public record Endpoint(String namespace, Map<String, String> labels, Map<String, Integer> namedPorts, String ip) {
        /** A pod. */
        public static Endpoint pod(String namespace, Map<String, String> labels) {
            return new Endpoint(namespace, labels, Map.of(), null);
        }

        /** A pod with named container ports. */
        public static Endpoint pod(String namespace, Map<String, String> labels, Map<String, Integer> namedPorts) {
            return new Endpoint(namespace, labels, namedPorts, null);
        }

        /** An IPv4 address outside the cluster. */
        public static Endpoint external(String ip) {
            return new Endpoint(null, null, Map.of(), ip);
        }

        boolean isPod() {
            return ip == null;
        }
    }

    /**
     * @param objects         rendered objects; their NetworkPolicies and Namespaces are used
     * @param namespaceLabels labels of namespaces not among the objects (e.g. kube-system)
     */
    public NetworkPolicies(List<ObjectNode> objects, Map<String, Map<String, String>> namespaceLabels) {
        this.policies = K8s.ofKind(objects, "NetworkPolicy");
        this.namespaceLabels = new java.util.HashMap<>(namespaceLabels);
        for (ObjectNode ns : K8s.ofKind(objects, "Namespace")) {
            Map<String, String> labels = new java.util.HashMap<>(K8s.stringMap(ns.path("metadata").path("labels")));
            labels.put("kubernetes.io/metadata.name", K8s.name(ns));
            this.namespaceLabels.put(K8s.name(ns), labels);
        }
    }

    /** Whether a TCP connection from {@code from} to {@code to} on {@code port} is allowed. */
    public boolean allowed(Endpoint from, Endpoint to, int port) {
        return allowed(from, to, port, "TCP");
    }

    /** Whether a connection from {@code from} to {@code to} on {@code port}/{@code protocol} is allowed. */
    public boolean allowed(Endpoint from, Endpoint to, int port, String protocol) {
        boolean egress = !from.isPod() || direction(from, "Egress", "egress", "to", to, port, protocol);
        boolean ingress = !to.isPod() || direction(to, "Ingress", "ingress", "from", from, port, protocol);
        return egress && ingress;
    }

    /** The policies that select a pod for a direction (Ingress or Egress). */
    public List<ObjectNode> selecting(Endpoint pod, String type) {
        return policies.stream()
                .filter(p -> K8s.namespace(p).equals(pod.namespace()))
                .filter(p -> K8s.selects(p.path("spec").path("podSelector"), pod.labels()))
                .filter(p -> types(p).contains(type))
                .collect(Collectors.toList());
    }

    private boolean direction(Endpoint subject, String type, String rulesField, String peersField, Endpoint peer,
                              int port, String protocol) {
        List<ObjectNode> selecting = selecting(subject, type);
        if (selecting.isEmpty()) {
            return true;
        }
        Endpoint destination = type.equals("Ingress") ? subject : peer;
        for (ObjectNode p : selecting) {
            for (JsonNode rule : p.path("spec").path(rulesField)) {
                if (peersMatch(rule.path(peersField), K8s.namespace(p), peer)
                        && portsMatch(rule.path("ports"), port, protocol, destination)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<String> types(JsonNode p) {
        JsonNode declared = p.path("spec").path("policyTypes");
        if (declared.isArray() && declared.size() > 0) {
            java.util.List<String> t = new java.util.ArrayList<>();
            declared.forEach(n -> t.add(n.asText()));
            return t;
        }
        return p.path("spec").has("egress") ? List.of("Ingress", "Egress") : List.of("Ingress");
    }

    private boolean peersMatch(JsonNode peers, String policyNamespace, Endpoint peer) {
        if (!peers.isArray() || peers.size() == 0) {
            return true;
        }
        for (JsonNode p : peers) {
            if (p.has("ipBlock")) {
                if (!peer.isPod() && inBlock(peer.ip(), p.get("ipBlock"))) {
                    return true;
                }
                continue;
            }
            if (!peer.isPod()) {
                continue;
            }
            boolean nsOk;
            if (p.has("namespaceSelector")) {
                nsOk = K8s.selects(p.get("namespaceSelector"),
                        namespaceLabels.getOrDefault(peer.namespace(), Map.of("kubernetes.io/metadata.name", peer.namespace())));
            } else {
                nsOk = policyNamespace.equals(peer.namespace());
            }
            boolean podOk = !p.has("podSelector") || K8s.selects(p.get("podSelector"), peer.labels());
            if (nsOk && podOk) {
                return true;
            }
        }
        return false;
    }

    private static boolean portsMatch(JsonNode ports, int port, String protocol, Endpoint destination) {
        if (!ports.isArray() || ports.size() == 0) {
            return true;
        }
        for (JsonNode p : ports) {
            if (!p.path("protocol").asText("TCP").equals(protocol)) {
                continue;
            }
            JsonNode value = p.path("port");
            if (value.isMissingNode()) {
                return true;
            }
            int from;
            if (value.isInt()) {
                from = value.asInt();
            } else if (destination.namedPorts().containsKey(value.asText())) {
                from = destination.namedPorts().get(value.asText());
            } else {
                continue;
            }
            int to = p.path("endPort").asInt(from);
            if (port >= from && port <= to) {
                return true;
            }
        }
        return false;
    }

    static boolean inBlock(String ip, JsonNode block) {
        if (!inCidr(ip, block.path("cidr").asText())) {
            return false;
        }
        for (JsonNode except : block.path("except")) {
            if (inCidr(ip, except.asText())) {
                return false;
            }
        }
        return true;
    }

    static boolean inCidr(String ip, String cidr) {
        if (ip.contains(":") || cidr.contains(":")) {
            return false; // IPv6 is not evaluated.
        }
        String[] parts = cidr.split("/");
        int bits = Integer.parseInt(parts[1]);
        long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
        return (toLong(ip) & mask) == (toLong(parts[0]) & mask);
    }

    private static long toLong(String ip) {
        String[] o = ip.split("\\.");
        if (o.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address: " + ip);
        }
        long v = 0;
        for (String s : o) {
            v = (v << 8) | Integer.parseInt(s);
        }
        return v;
    }
}
