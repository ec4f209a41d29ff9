package org.newsroom.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The small kustomize renderer does what kustomize does for the features used, and refuses the rest. */
class KustomizeTest {

    @Test
    void imagesAreRetaggedThroughTheKustomization() {
        for (String overlay : Fixtures.OVERLAYS) {
            List<ObjectNode> objects = Fixtures.render(overlay);
            for (String service : List.of("ingest-service", "article-service", "notify-service")) {
                assertThat(Fixtures.get(objects, "Deployment", service).at("/spec/template/spec/containers/0/image").asText())
                        .isEqualTo("newsroom/" + service + ":1.0.0");
            }
        }
    }

    @Test
    void prodPatchesRaiseTheCountsAndKeepTheRest() {
        List<ObjectNode> prod = Fixtures.render("prod");
        ObjectNode topic = Fixtures.get(prod, "KafkaTopic", "newsroom.ingest-idempotency");
        assertThat(topic.at("/spec/replicas").asInt()).isEqualTo(3);
        assertThat(topic.at("/spec/partitions").asInt()).isEqualTo(3);
        assertThat(topic.at("/spec/config/cleanup.policy").asText()).isEqualTo("compact");
        assertThat(topic.at("/spec/config/min.insync.replicas").asInt()).isEqualTo(2);
        ObjectNode pool = Fixtures.get(prod, "KafkaNodePool", "dual-role");
        assertThat(pool.at("/spec/storage/size").asText()).isEqualTo("100Gi");
        assertThat(pool.at("/spec/storage/type").asText()).isEqualTo("persistent-claim");
        assertThat(pool.at("/metadata/name").asText()).isEqualTo("dual-role");
        ObjectNode db = Fixtures.get(prod, "Cluster", "notify-db");
        assertThat(db.at("/spec/enablePDB").asBoolean()).isTrue();
        assertThat(db.at("/spec/bootstrap/initdb/owner").asText()).isEqualTo("app");
    }

    @Test
    void theJwtConfigMapIsGeneratedFromTheUsersFile() {
        ObjectNode cm = Fixtures.get(Fixtures.render("dev"), "ConfigMap", "newsroom-jwt");
        assertThat(cm.at("/data/publicKey.pem").asText()).isEqualTo(Fixtures.PLACEHOLDER_PEM);
        assertThat(cm.at("/metadata/namespace").asText()).isEqualTo("newsroom");
    }

    @Test
    void renderingWithoutTheJwtFileFailsClearly() {
        // The real overlays: nobody commits the key, so rendering them as they are must explain what is missing.
        Path copy = Fixtures.copyTree(ProjectPaths.deployDir());
        assertThatThrownBy(() -> Kustomize.build(copy.resolve("k8s/overlays/prod")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("configMapGenerator 'newsroom-jwt' needs the file jwt/publicKey.pem")
                .hasMessageContaining("deploy/README.md");
    }

    @Test
    void unsupportedFeaturesAreRefusedNotIgnored(@TempDir Path dir) {
        Fixtures.writeString(dir.resolve("cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {k: v}\n");
        Fixtures.writeString(dir.resolve("kustomization.yaml"), "resources: [cm.yaml]\ncommonLabels: {a: b}\n");
        assertThatThrownBy(() -> Kustomize.build(dir)).hasMessageContaining("field 'commonLabels' is not supported");

        Fixtures.writeString(dir.resolve("kustomization.yaml"), "resources: [cm.yaml]\npatches:\n"
                + "  - target: {kind: ConfigMap}\n    patch: |-\n      - op: replace\n        path: /data/k\n        value: w\n");
        assertThatThrownBy(() -> Kustomize.build(dir)).hasMessageContaining("JSON 6902 patches are not supported");

        Fixtures.writeString(dir.resolve("kustomization.yaml"), "resources: [cm.yaml]\npatches:\n"
                + "  - patch: |-\n      apiVersion: v1\n      kind: ConfigMap\n      metadata: {name: a}\n      data: {list: [1]}\n");
        assertThatThrownBy(() -> Kustomize.build(dir)).hasMessageContaining("lists in strategic-merge patches are not supported");

        Fixtures.writeString(dir.resolve("kustomization.yaml"), "resources: [cm.yaml]\npatches:\n"
                + "  - patch: |-\n      apiVersion: v1\n      kind: ConfigMap\n      metadata: {name: other}\n      data: {k: w}\n");
        assertThatThrownBy(() -> Kustomize.build(dir)).hasMessageContaining("patch matches no resource");

        Fixtures.writeString(dir.resolve("kustomization.yaml"), "resources: [cm.yaml]\nconfigMapGenerator:\n"
                + "  - name: g\n    literals: [a=b]\n");
        assertThatThrownBy(() -> Kustomize.build(dir)).hasMessageContaining("disableNameSuffixHash: true");

        Fixtures.writeString(dir.resolve("kustomization.yaml"), "resources: [../outside.yaml]\n");
        assertThatThrownBy(() -> Kustomize.build(dir)).hasMessageContaining("outside the kustomization root");

        Fixtures.writeString(dir.resolve("kustomization.yaml"), "resources: [cm.yaml, cm.yaml]\n");
        assertThatThrownBy(() -> Kustomize.build(dir)).hasMessageContaining("declared twice");
    }

    @Test
    void strategicMergeReplacesMergesAndDeletes(@TempDir Path dir) {
        Fixtures.writeString(dir.resolve("cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n"
                + "data: {keep: '1', change: '2', drop: '3'}\n");
        Fixtures.writeString(dir.resolve("kustomization.yaml"), "namespace: ns\nresources: [cm.yaml]\npatches:\n"
                + "  - patch: |-\n      apiVersion: v1\n      kind: ConfigMap\n      metadata: {name: a, labels: {x: y}}\n"
                + "      data: {change: '20', drop: null, add: '4'}\n");
        ObjectNode cm = Kustomize.build(dir).get(0);
        assertThat(cm.at("/data").toString()).isEqualTo("{\"keep\":\"1\",\"change\":\"20\",\"add\":\"4\"}");
        assertThat(cm.at("/metadata/labels/x").asText()).isEqualTo("y");
        assertThat(cm.at("/metadata/namespace").asText()).isEqualTo("ns");
    }

    @Test
    void imageReferencesAreRewrittenLikeKustomize() {
        ObjectNode tag = Yaml.readAll("name: newsroom/a\nnewTag: '2'\n", "t").get(0);
        ObjectNode move = Yaml.readAll("name: newsroom/a\nnewName: registry.example.org:5000/team/a\n", "m").get(0);
        ObjectNode digest = Yaml.readAll("name: newsroom/a\ndigest: sha256:abc\n", "d").get(0);
        assertThat(Kustomize.rewrite("newsroom/a", tag)).isEqualTo("newsroom/a:2");
        assertThat(Kustomize.rewrite("newsroom/a:1", tag)).isEqualTo("newsroom/a:2");
        assertThat(Kustomize.rewrite("newsroom/ab:1", tag)).isEqualTo("newsroom/ab:1");
        assertThat(Kustomize.rewrite("newsroom/a:1", move)).isEqualTo("registry.example.org:5000/team/a:1");
        assertThat(Kustomize.rewrite("newsroom/a:1", digest)).isEqualTo("newsroom/a@sha256:abc");
        assertThat(Kustomize.rewrite("localhost:5000/newsroom/a", tag)).isEqualTo("localhost:5000/newsroom/a");
    }
}
