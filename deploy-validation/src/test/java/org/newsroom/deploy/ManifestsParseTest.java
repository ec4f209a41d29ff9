package org.newsroom.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every YAML document under deploy/ and in each rendered overlay parses, and names its apiVersion, kind and name. */
class ManifestsParseTest {

    static List<Path> yamlFiles() throws IOException {
        try (Stream<Path> s = Files.walk(ProjectPaths.deployDir())) {
            return s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted()
                    .collect(Collectors.toList());
        }
    }

    @Test
    void everyYamlFileUnderDeployParses() throws IOException {
        List<Path> files = yamlFiles();
        assertThat(files).hasSizeGreaterThanOrEqualTo(11);
        for (Path f : files) {
            List<ObjectNode> docs = Yaml.readAll(f);
            assertThat(docs).as(f.toString()).isNotEmpty();
            for (ObjectNode d : docs) {
                assertThat(K8s.apiVersion(d)).as(f + " apiVersion").isNotEmpty();
                assertThat(K8s.kind(d)).as(f + " kind").isNotEmpty();
                if (!K8s.kind(d).equals("Kustomization")) {
                    assertThat(K8s.name(d)).as(f + " " + K8s.kind(d) + " metadata.name").isNotEmpty();
                }
            }
        }
    }

    @Test
    void noFileUnderDeployCommitsASecretWithValues() throws IOException {
        List<ObjectNode> all = new java.util.ArrayList<>();
        for (Path f : yamlFiles()) {
            all.addAll(Yaml.readAll(f));
        }
        assertThat(ProjectRules.noLiteralSecrets(all)).isEmpty();
        assertThat(all).noneMatch(o -> K8s.kind(o).equals("Secret"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void renderedOverlayParsesBack(String overlay) {
        List<ObjectNode> objects = Fixtures.render(overlay);
        List<ObjectNode> reparsed = Yaml.readAll(Yaml.write(objects), overlay);
        assertThat(reparsed).isEqualTo(objects);
        assertThat(objects).extracting(K8s::kind).contains("Namespace", "Kafka", "KafkaNodePool", "KafkaTopic",
                "Cluster", "ConfigMap", "Deployment", "Service", "HorizontalPodAutoscaler", "PodDisruptionBudget",
                "NetworkPolicy");
    }

    @Test
    void duplicateKeysAndBrokenYamlAreRejected() {
        assertThatThrownBy(() -> Yaml.readAll("kind: A\nkind: B\n", "dup.yaml"))
                .hasMessageContaining("dup.yaml").hasMessageContaining("Duplicate field 'kind'");
        assertThatThrownBy(() -> Yaml.readAll("a: [1, 2\n", "broken.yaml")).hasMessageContaining("broken.yaml");
        assertThatThrownBy(() -> Yaml.readAll("- a\n- b\n", "list.yaml")).hasMessageContaining("not a mapping");
    }
}
