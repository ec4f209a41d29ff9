package org.newsroom.deploy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The validator itself: each deliberately broken manifest (from src/test/resources/broken, or a copy of
 * the dev overlay changed in one place) fails the rule it breaks, with a message that says what is wrong.
 */
class BrokenManifestsTest {

    private static List<ObjectNode> dev() {
        return Fixtures.render("dev");
    }

    private static ObjectNode notify(List<ObjectNode> objects) {
        return Fixtures.get(objects, "Deployment", "notify-service");
    }

    private static ObjectNode container(ObjectNode deployment) {
        return (ObjectNode) deployment.at("/spec/template/spec/containers/0");
    }

    private static List<String> breakAndCheck(java.util.function.Consumer<List<ObjectNode>> change,
                                              Function<List<ObjectNode>, List<String>> rule) {
        List<ObjectNode> objects = dev();
        assertThat(rule.apply(objects)).as("the rule passes before the change").isEmpty();
        change.accept(objects);
        return rule.apply(objects);
    }

    @Test
    void typoInAFieldNameFailsTheModelAndTheProbeRule() {
        List<ObjectNode> objects = Yaml.readAll(Path.of("src/test/resources/broken/deployment-typo.yaml"));
        assertThat(CoreValidator.validate(objects.get(0)))
                .anyMatch(s -> s.contains("`readynessProbe`") && s.contains("V1Container"));
        assertThat(ProjectRules.containers(objects)).anyMatch(s -> s.contains("readinessProbe is missing"));
    }

    @Test
    void wrongEnumValueFails() {
        List<ObjectNode> objects = dev();
        ObjectNode policy = Fixtures.get(objects, "NetworkPolicy", "default-deny-all");
        ((ArrayNode) policy.at("/spec/policyTypes")).set(1, Yaml.JSON.getNodeFactory().textNode("Egres"));
        assertThat(CoreValidator.validate(policy)).anyMatch(s -> s.contains("policyTypes has value 'Egres'"));

        ObjectNode pool = Yaml.readAll(Path.of("src/test/resources/broken/nodepool-bad-role.yaml")).get(0);
        assertThat(Fixtures.crds().validate(pool)).anyMatch(s -> s.contains("does not have a value in the enumeration"));
    }

    @Test
    void missingProbeFails() {
        List<String> v = breakAndCheck(o -> container(notify(o)).remove("livenessProbe"), ProjectRules::containers);
        assertThat(v).containsExactly("Deployment/notify-service container notify-service: livenessProbe is missing"
                + " (expected GET /q/health/live)");
    }

    @Test
    void probeOnTheWrongPathOrPortFails() {
        List<String> v = breakAndCheck(o -> {
            ((ObjectNode) container(notify(o)).at("/startupProbe/httpGet")).put("path", "/health");
            ((ObjectNode) container(notify(o)).at("/readinessProbe/httpGet")).put("port", "management");
        }, ProjectRules::containers);
        assertThat(v).anyMatch(s -> s.contains("startupProbe must GET /q/health/started"))
                .anyMatch(s -> s.contains("readinessProbe port \"management\" is not a port"));
    }

    @Test
    void missingLimitsFail() {
        List<String> v = breakAndCheck(o -> ((ObjectNode) container(notify(o)).get("resources")).remove("limits"),
                ProjectRules::containers);
        assertThat(v).contains("Deployment/notify-service container notify-service: resources.limits.cpu is missing",
                "Deployment/notify-service container notify-service: resources.limits.memory is missing");
    }

    @Test
    void aLooserSecurityContextFails() {
        List<String> v = breakAndCheck(o -> {
            ObjectNode sc = (ObjectNode) container(notify(o)).get("securityContext");
            sc.put("allowPrivilegeEscalation", true);
            sc.put("readOnlyRootFilesystem", false);
            sc.remove("capabilities");
            sc.remove("seccompProfile");
            sc.remove("runAsNonRoot");
            ObjectNode pod = (ObjectNode) notify(o).at("/spec/template/spec/securityContext");
            pod.remove("seccompProfile");
            pod.put("runAsNonRoot", false);
        }, ProjectRules::containers);
        assertThat(v).anyMatch(s -> s.contains("allowPrivilegeEscalation must be false"))
                .anyMatch(s -> s.contains("readOnlyRootFilesystem must be true"))
                .anyMatch(s -> s.contains("capabilities.drop must contain ALL"))
                .anyMatch(s -> s.contains("seccompProfile.type must be RuntimeDefault"))
                .anyMatch(s -> s.contains("runAsNonRoot must be true"));
    }

    @Test
    void noEmptyDirAtTmpFails() {
        List<String> v = breakAndCheck(o -> ((ArrayNode) container(notify(o)).get("volumeMounts")).remove(0),
                ProjectRules::containers);
        assertThat(v).anyMatch(s -> s.contains("needs an emptyDir volume mounted at /tmp"));
    }

    @Test
    void secretWithLiteralDataFails() {
        List<ObjectNode> objects = dev();
        objects.addAll(Yaml.readAll(Path.of("src/test/resources/broken/secret-literal.yaml")));
        assertThat(ProjectRules.noLiteralSecrets(objects))
                .containsExactly("Secret/notify-smtp: a Secret with literal data/stringData must not be committed");
    }

    @Test
    void deploymentWithoutPdbFails() {
        List<String> v = breakAndCheck(o -> o.removeIf(x -> K8s.id(x).equals("PodDisruptionBudget/article-service")),
                ProjectRules::coverage);
        assertThat(v).containsExactly("Deployment/article-service: no PodDisruptionBudget selects its pods");
    }

    @Test
    void pdbThatBlocksEvictionsFails() {
        List<String> v = breakAndCheck(o -> {
            ObjectNode spec = (ObjectNode) Fixtures.get(o, "PodDisruptionBudget", "article-service").get("spec");
            spec.remove("maxUnavailable");
            spec.put("minAvailable", 1);
        }, ProjectRules::coverage);
        assertThat(v).anyMatch(s -> s.contains("minAvailable 1 with 1 replica(s) blocks every voluntary eviction"));
    }

    @Test
    void deploymentWithoutHpaOrOwnNetworkPolicyOrServiceFails() {
        List<String> v = breakAndCheck(o -> o.removeIf(x -> K8s.name(x).equals("ingest-service")
                && List.of("HorizontalPodAutoscaler", "NetworkPolicy", "Service").contains(K8s.kind(x))), ProjectRules::coverage);
        assertThat(v).contains(
                "Deployment/ingest-service: expected exactly one HorizontalPodAutoscaler targeting it, found 0",
                "Deployment/ingest-service: no NetworkPolicy of its own (non-empty podSelector with ingress rules) selects its pods",
                "Deployment/ingest-service: no Service selects its pods");
    }

    @Test
    void pdbWhoseSelectorMissesThePodsFails() {
        List<String> v = breakAndCheck(o -> ((ObjectNode) Fixtures.get(o, "PodDisruptionBudget", "ingest-service")
                .at("/spec/selector/matchLabels")).put("app.kubernetes.io/name", "ingest"), ProjectRules::coverage);
        assertThat(v).contains("Deployment/ingest-service: no PodDisruptionBudget selects its pods");
    }

    @Test
    void missingDefaultDenyFails() {
        List<String> v = breakAndCheck(o -> o.removeIf(x -> K8s.name(x).equals("default-deny-all")), ProjectRules::defaultDeny);
        assertThat(v).containsExactly("namespace newsroom: no default deny-all NetworkPolicy (podSelector {},"
                + " policyTypes Ingress and Egress, no rules)");
    }

    @Test
    void unknownOrUnguardedReferencesFail() {
        List<String> v = breakAndCheck(o -> {
            ((ObjectNode) container(notify(o)).at("/env/2/valueFrom/secretKeyRef")).remove("optional");
            ((ObjectNode) container(notify(o)).at("/envFrom/0/configMapRef")).put("name", "notify-config");
            o.removeIf(x -> K8s.id(x).equals("ConfigMap/newsroom-jwt"));
        }, ProjectRules::references);
        assertThat(v).anyMatch(s -> s.contains("Secret notify-smtp is neither created by an operator"))
                .anyMatch(s -> s.contains("ConfigMap notify-config is not in the rendered manifests"))
                .anyMatch(s -> s.contains("ConfigMap newsroom-jwt is not in the rendered manifests"));
    }

    @Test
    void latestOrUntaggedImagesFail() {
        List<String> v = breakAndCheck(o -> {
            container(notify(o)).put("image", "newsroom/notify-service:latest");
            container(Fixtures.get(o, "Deployment", "ingest-service")).put("image", "newsroom/ingest-service");
        }, ProjectRules::images);
        assertThat(v).hasSize(2);
    }

    @Test
    void missingPrometheusAnnotationsFail() {
        List<String> v = breakAndCheck(o -> ((ObjectNode) notify(o).at("/spec/template/metadata/annotations"))
                .put("prometheus.io/port", "9000"), ProjectRules::prometheus);
        assertThat(v).containsExactly("Deployment/notify-service: pod annotation prometheus.io/port '9000' is not a"
                + " container port [8083]");
    }

    @Test
    void connectionStringsThatPointNowhereFail() {
        List<String> v = breakAndCheck(o -> {
            ObjectNode data = (ObjectNode) Fixtures.get(o, "ConfigMap", "ingest-service-config").get("data");
            data.put("KAFKA_BOOTSTRAP_SERVERS", "kafka-bootstrap:9092");
            data.put("NEWSROOM_ARTICLE_SERVICE_URL", "http://article-service:8080");
            ((ObjectNode) Fixtures.get(o, "ConfigMap", "notify-service-config").get("data"))
                    .put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://notify-rw:5432/app");
        }, ProjectRules::connectionStrings);
        assertThat(v).anyMatch(s -> s.contains("kafka-bootstrap:9092 is not the plain listener of a Kafka"))
                .anyMatch(s -> s.contains("names no Service article-service with port 8080"))
                .anyMatch(s -> s.contains("no CloudNativePG Cluster named notify"));
    }

    @Test
    void strimziObjectsThatDoNotFitTogetherFail() {
        List<String> v = breakAndCheck(o -> {
            ((ObjectNode) Fixtures.get(o, "KafkaTopic", "newsroom.issues").get("spec")).put("replicas", 3);
            ((ObjectNode) Fixtures.get(o, "KafkaTopic", "newsroom.deliveries").at("/metadata/labels"))
                    .put("strimzi.io/cluster", "news");
            ((ObjectNode) Fixtures.get(o, "KafkaNodePool", "dual-role").get("spec")).put("replicas", 2);
        }, ProjectRules::strimzi);
        assertThat(v).anyMatch(s -> s.contains("KafkaTopic/newsroom.issues: replicas 3 exceeds the 2 broker(s)"))
                .anyMatch(s -> s.contains("KafkaTopic/newsroom.deliveries: label strimzi.io/cluster 'news'"))
                .anyMatch(s -> s.contains("an even number of KRaft controllers (2)"));
    }

    @Test
    void networkPolicyHolesAndGapsFail() {
        List<String> v = breakAndCheck(o -> {
            // notify-service's webhook rule loses its private-range exceptions (SSRF) ...
            ((ObjectNode) Fixtures.get(o, "NetworkPolicy", "notify-service").at("/spec/egress/2/to/0/ipBlock")).remove("except");
            // ... and ingest-service can no longer reach article-service.
            ((ArrayNode) Fixtures.get(o, "NetworkPolicy", "ingest-service").at("/spec/egress")).remove(1);
        }, Flows::check);
        assertThat(v).anyMatch(s -> s.contains("Deployment/notify-service -> private 10.1.2.3:443 (SSRF) is allowed, must be denied"))
                .anyMatch(s -> s.contains("Deployment/ingest-service -> Deployment/article-service 8082 is denied, must be allowed"));
    }

    @Test
    void objectStoreFlowsFollowTheEndpoint() {
        // Without its object-store policy media-service cannot reach the bucket; with the rule opened to every
        // address (cloud metadata included) and to plain HTTP, it reaches what it must not.
        List<String> gone = breakAndCheck(o -> o.removeIf(x -> K8s.id(x).equals("NetworkPolicy/media-service-object-store")),
                Flows::check);
        assertThat(gone).containsExactly("network flow Deployment/media-service -> internet 198.51.100.7:443 is denied,"
                        + " must be allowed",
                "network flow Deployment/media-service -> object store s3.example.org:443 (198.51.100.7) is denied,"
                        + " must be allowed");

        List<String> open = breakAndCheck(o -> {
            ObjectNode rule = (ObjectNode) Fixtures.get(o, "NetworkPolicy", "media-service-object-store").at("/spec/egress/0");
            ((ObjectNode) rule.at("/to/0/ipBlock")).remove("except");
            ((ArrayNode) rule.get("ports")).addObject().put("protocol", "TCP").put("port", 80);
        }, Flows::check);
        assertThat(open).anyMatch(s -> s.equals("network flow Deployment/media-service -> private 169.254.169.254:443 (SSRF)"
                        + " is allowed, must be denied"))
                .anyMatch(s -> s.equals("network flow Deployment/media-service -> internet 198.51.100.7:80 is allowed,"
                        + " must be denied"))
                .noneMatch(s -> s.contains("notify-service"));

        // A store on its own port (MinIO's 9000) by name: the default policy (443) does not reach it.
        List<String> port = breakAndCheck(o -> ((ObjectNode) Fixtures.get(o, "ConfigMap", "media-service-config").get("data"))
                .put("NEWSROOM_MEDIA_S3_ENDPOINT", "http://minio.example.org:9000"), Flows::check);
        assertThat(port).containsExactly("network flow Deployment/media-service -> internet 198.51.100.7:443 is allowed,"
                        + " must be denied",
                "network flow Deployment/media-service -> object store minio.example.org:9000 (198.51.100.7) is denied,"
                        + " must be allowed");

        // A store at a private address: that address and port must be let through, by a rule of the operator's.
        List<String> address = breakAndCheck(o -> ((ObjectNode) Fixtures.get(o, "ConfigMap", "media-service-config")
                .get("data")).put("NEWSROOM_MEDIA_S3_ENDPOINT", "https://10.20.0.5"), Flows::check);
        assertThat(address).contains("network flow Deployment/media-service -> object store 10.20.0.5:443 (10.20.0.5) is"
                + " denied, must be allowed");
    }

    @Test
    void wideOpenEgressFails() {
        List<String> v = breakAndCheck(o -> ((ArrayNode) Fixtures.get(o, "NetworkPolicy", "article-service")
                .at("/spec/egress")).addObject(), Flows::check);
        assertThat(v).anyMatch(s -> s.contains("article-service -> internet 198.51.100.7:443 is allowed, must be denied"))
                .anyMatch(s -> s.contains("article-service -> Deployment/notify-service 8083 is allowed, must be denied"))
                // notify-db's own ingress policy still keeps article-service out.
                .noneMatch(s -> s.contains("PostgreSQL notify-db"));
    }

    @Test
    void prodWithSingleReplicaTopicsFails() {
        List<ObjectNode> prod = Fixtures.render("prod");
        ObjectNode topic = Fixtures.get(prod, "KafkaTopic", "newsroom.submissions");
        ((ObjectNode) topic.get("spec")).put("replicas", 1);
        ((ObjectNode) topic.at("/spec/config")).put("min.insync.replicas", 1);
        ((ObjectNode) Fixtures.get(prod, "HorizontalPodAutoscaler", "notify-service").get("spec")).put("minReplicas", 2);
        assertThat(ProjectRules.replication(prod, 3, 2)).containsExactlyInAnyOrder(
                "KafkaTopic/newsroom.submissions: replicas 1, expected 3",
                "KafkaTopic/newsroom.submissions: min.insync.replicas 1, expected 2",
                "HorizontalPodAutoscaler/notify-service: minReplicas 2, expected 3");
    }
}
