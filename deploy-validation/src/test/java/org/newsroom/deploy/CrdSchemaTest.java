package org.newsroom.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Strimzi and CloudNativePG objects validate against the CRD schemas in ../shared/crds, unknown fields refused. */
class CrdSchemaTest {

    @Test
    void theSharedCrdsAreLoaded() {
        assertThat(Fixtures.crds().kinds()).contains("kafka.strimzi.io/v1/Kafka", "kafka.strimzi.io/v1/KafkaNodePool",
                "kafka.strimzi.io/v1/KafkaTopic", "postgresql.cnpg.io/v1/Cluster");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void customResourcesOfTheOverlayAreValid(String overlay) {
        CrdValidator crds = Fixtures.crds();
        List<String> problems = new ArrayList<>();
        int custom = 0;
        for (ObjectNode o : Fixtures.render(overlay)) {
            if (!CoreValidator.isCore(o)) {
                custom++;
                problems.addAll(crds.validate(o));
            }
        }
        assertThat(problems).isEmpty();
        assertThat(custom).as("Kafka, node pool, 8 topics, 3 PostgreSQL clusters").isEqualTo(13);
    }

    @Test
    void aTypoInAFieldNameFails() {
        ObjectNode topic = Yaml.readAll(Path.of("src/test/resources/broken/topic-typo.yaml")).get(0);
        assertThat(Fixtures.crds().validate(topic)).anyMatch(s -> s.contains("partitons"));
    }

    @Test
    void aWrongEnumValueFails() {
        ObjectNode pool = Yaml.readAll(Path.of("src/test/resources/broken/nodepool-bad-role.yaml")).get(0);
        assertThat(Fixtures.crds().validate(pool)).anyMatch(s -> s.contains("/spec/roles/1") && s.contains("enumeration"));
    }

    @Test
    void wrongValuesInTheRealManifestsFail() {
        List<ObjectNode> objects = Fixtures.render("dev");
        ObjectNode kafka = Fixtures.get(objects, "Kafka", "newsroom");
        ((ObjectNode) kafka.at("/spec/kafka/listeners/0")).put("type", "internel");
        ((ObjectNode) kafka.at("/spec/kafka")).put("replicas", 3); // gone from the v1 API
        assertThat(Fixtures.crds().validate(kafka))
                .anyMatch(s -> s.contains("type") && s.contains("enum"))
                .anyMatch(s -> s.contains("replicas") && s.contains("not defined in the schema"));

        ObjectNode db = Fixtures.get(objects, "Cluster", "article-db");
        ((ObjectNode) db.get("spec")).remove("instances");
        ((ObjectNode) db.at("/spec/bootstrap/initdb")).put("databse", "app");
        ((ObjectNode) db.get("metadata")).put("nmae", "x");
        assertThat(Fixtures.crds().validate(db))
                .anyMatch(s -> s.contains("instances") && s.contains("required"))
                .anyMatch(s -> s.contains("databse"))
                .anyMatch(s -> s.contains("metadata") && s.contains("nmae"));

        ObjectNode pool = Fixtures.get(objects, "KafkaNodePool", "dual-role");
        ((ObjectNode) pool.get("spec")).remove("storage");
        assertThat(Fixtures.crds().validate(pool)).anyMatch(s -> s.contains("storage") && s.contains("required"));
    }

    @Test
    void preserveUnknownFieldsStaysOpen() {
        // Kafka broker config and topic config are free-form maps in the CRDs: any key is accepted.
        ObjectNode kafka = Fixtures.get(Fixtures.render("dev"), "Kafka", "newsroom");
        ((ObjectNode) kafka.at("/spec/kafka/config")).put("log.retention.hours", 168);
        assertThat(Fixtures.crds().validate(kafka)).isEmpty();
    }

    @Test
    void strictifyClosesObjectsButNotPreservedOnesOrMaps() {
        ObjectNode schema = Yaml.readAll("type: object\nproperties:\n  a: {type: object, properties: {b: {type: string}}}\n"
                + "  free: {type: object, x-kubernetes-preserve-unknown-fields: true}\n"
                + "  map: {type: object, additionalProperties: {type: string}}\n", "schema").get(0);
        CrdValidator.strictify(schema);
        assertThat(schema.path("additionalProperties").asBoolean(true)).isFalse();
        assertThat(schema.at("/properties/a/additionalProperties").asBoolean(true)).isFalse();
        assertThat(schema.at("/properties/free").has("additionalProperties")).isFalse();
        assertThat(schema.at("/properties/free").has("x-kubernetes-preserve-unknown-fields")).isFalse();
        assertThat(schema.at("/properties/map/additionalProperties/type").asText()).isEqualTo("string");
    }

    @Test
    void missingCrdsSkipLocallyButFailOnCi(@org.junit.jupiter.api.io.TempDir Path tmp) {
        Path missing = tmp.resolve("no-such-shared/crds");
        assertThatThrownBy(() -> Fixtures.requireCrdDir(missing, false)).isInstanceOf(TestAbortedException.class);
        assertThatThrownBy(() -> Fixtures.requireCrdDir(missing, true)).isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("CI=true");
        assertThat(Fixtures.requireCrdDir(tmp, true)).isEqualTo(tmp);
    }
}
