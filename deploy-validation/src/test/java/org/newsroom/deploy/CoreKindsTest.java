package org.newsroom.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Core kinds validate strictly against the Kubernetes models; every other object has a CRD schema. */
class CoreKindsTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void coreObjectsOfTheOverlayAreValid(String overlay) {
        List<String> problems = new ArrayList<>();
        int core = 0;
        for (ObjectNode o : Fixtures.render(overlay)) {
            if (CoreValidator.isCore(o)) {
                core++;
                problems.addAll(CoreValidator.validate(o));
            }
        }
        assertThat(problems).isEmpty();
        assertThat(core).isGreaterThanOrEqualTo(20);
    }

    @Test
    void coreObjectsOfEveryBaseFileAreValid() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Path f : ManifestsParseTest.yamlFiles()) {
            for (ObjectNode o : Yaml.readAll(f)) {
                if (CoreValidator.isCore(o)) {
                    problems.addAll(CoreValidator.validate(o));
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyObjectIsACoreKindOrAKnownCustomResource(String overlay) {
        CrdValidator crds = Fixtures.crds();
        for (ObjectNode o : Fixtures.render(overlay)) {
            assertThat(CoreValidator.isCore(o) || crds.knows(o))
                    .as(K8s.id(o) + " (" + K8s.apiVersion(o) + ") has neither a model nor a CRD schema").isTrue();
        }
    }
}
