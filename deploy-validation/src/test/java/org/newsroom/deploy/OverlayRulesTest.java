package org.newsroom.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The rendered dev and prod overlays satisfy every project rule, and their replica counts. */
class OverlayRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyProjectRuleHolds(String overlay) {
        assertThat(ProjectRules.all(Fixtures.render(overlay))).as("violations in overlay " + overlay).isEmpty();
    }

    @Test
    void devRunsOneOfEverything() {
        assertThat(ProjectRules.replication(Fixtures.render("dev"), 1, 1)).isEmpty();
    }

    @Test
    void prodRunsThreeOfEverything() {
        assertThat(ProjectRules.replication(Fixtures.render("prod"), 3, 2)).isEmpty();
    }

    @Test
    void prodIsNotDev() {
        // The replica rule really looks at the numbers: prod measured against dev's counts fails everywhere.
        List<String> v = ProjectRules.replication(Fixtures.render("prod"), 1, 1);
        assertThat(v).anyMatch(s -> s.startsWith("KafkaTopic/newsroom.submissions: replicas 3"))
                .anyMatch(s -> s.startsWith("Cluster/article-db: instances 3"))
                .anyMatch(s -> s.startsWith("Deployment/notify-service: replicas 3"))
                .anyMatch(s -> s.startsWith("Cluster/media-db: instances 3"))
                .anyMatch(s -> s.startsWith("Deployment/media-service: replicas 3"))
                .anyMatch(s -> s.startsWith("HorizontalPodAutoscaler/ingest-service: minReplicas 3"))
                .anyMatch(s -> s.contains("config min.insync.replicas is 2"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyObjectIsInTheNewsroomNamespace(String overlay) {
        for (ObjectNode o : Fixtures.render(overlay)) {
            if (!K8s.kind(o).equals("Namespace")) {
                assertThat(K8s.namespace(o)).as(K8s.id(o)).isEqualTo("newsroom");
            }
        }
    }
}
