package org.newsroom.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.newsroom.deploy.NetworkPolicies.Endpoint;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The NetworkPolicy evaluator follows the API's semantics. */
class NetworkPoliciesTest {
    private static final Endpoint WEB = Endpoint.pod("ns", Map.of("app", "web"), Map.of("http", 8080));
    private static final Endpoint DB = Endpoint.pod("ns", Map.of("app", "db"));
    private static final Endpoint OTHER_NS = Endpoint.pod("other", Map.of("app", "web"));

    private static NetworkPolicies policies(String yaml) {
        List<ObjectNode> objects = Yaml.readAll(yaml, "policies");
        return new NetworkPolicies(objects, Map.of("other", Map.of("kubernetes.io/metadata.name", "other", "team", "b")));
    }

    @Test
    void unselectedPodsAreOpen() {
        NetworkPolicies np = policies("kind: Namespace\napiVersion: v1\nmetadata: {name: ns}\n");
        assertThat(np.allowed(WEB, DB, 5432)).isTrue();
        assertThat(np.allowed(WEB, Endpoint.external("8.8.8.8"), 53, "UDP")).isTrue();
    }

    @Test
    void defaultDenyThenAllowByPodNamespaceAndPort() {
        NetworkPolicies np = policies("apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\n"
                + "metadata: {name: deny, namespace: ns}\nspec: {podSelector: {}, policyTypes: [Ingress, Egress]}\n---\n"
                + "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: db, namespace: ns}\n"
                + "spec:\n  podSelector: {matchLabels: {app: db}}\n  ingress:\n"
                + "    - from: [{podSelector: {matchLabels: {app: web}}}]\n      ports: [{port: 5432}]\n"
                + "    - from: [{namespaceSelector: {matchLabels: {team: b}}}]\n      ports: [{port: 9000, endPort: 9010}]\n---\n"
                + "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: web, namespace: ns}\n"
                + "spec:\n  podSelector: {matchLabels: {app: web}}\n  policyTypes: [Ingress, Egress]\n"
                + "  ingress: [{ports: [{port: http}]}]\n"
                + "  egress:\n    - to: [{podSelector: {matchLabels: {app: db}}}]\n"
                + "    - to: [{ipBlock: {cidr: 0.0.0.0/0, except: [10.0.0.0/8]}}]\n      ports: [{port: 443}]\n");
        assertThat(np.allowed(WEB, DB, 5432)).isTrue();
        assertThat(np.allowed(WEB, DB, 5433)).isFalse();               // db's ingress allows only 5432
        assertThat(np.allowed(DB, WEB, 8080)).isFalse();               // db has no egress
        assertThat(np.allowed(OTHER_NS, WEB, 8080)).isTrue();          // named port, any source
        assertThat(np.allowed(OTHER_NS, DB, 5432)).isFalse();          // a podSelector alone means the policy's namespace
        assertThat(np.allowed(OTHER_NS, DB, 9005)).isTrue();           // namespaceSelector and endPort
        assertThat(np.allowed(WEB, Endpoint.external("1.2.3.4"), 443)).isTrue();
        assertThat(np.allowed(WEB, Endpoint.external("10.9.8.7"), 443)).isFalse();
        assertThat(np.allowed(WEB, Endpoint.external("1.2.3.4"), 80)).isFalse();
    }

    @Test
    void cidrArithmetic() {
        assertThat(NetworkPolicies.inCidr("172.31.255.255", "172.16.0.0/12")).isTrue();
        assertThat(NetworkPolicies.inCidr("172.32.0.0", "172.16.0.0/12")).isFalse();
        assertThat(NetworkPolicies.inCidr("203.0.113.9", "0.0.0.0/0")).isTrue();
        assertThat(NetworkPolicies.inCidr("169.254.169.254", "169.254.0.0/16")).isTrue();
    }
}
