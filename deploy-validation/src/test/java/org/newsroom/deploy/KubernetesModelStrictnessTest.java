package org.newsroom.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubernetes.client.openapi.models.V1Deployment;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Shows that client-java-api 24's generated models really are strict, which the core-kind validation
 * relies on: unknown fields (at any depth) and missing required fields throw.
 */
class KubernetesModelStrictnessTest {
    private static final String DEPLOYMENT = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: demo}\n"
            + "spec:\n  selector: {matchLabels: {app: demo}}\n  template:\n    metadata: {labels: {app: demo}}\n"
            + "    spec:\n      containers:\n        - name: demo\n          image: demo:1\n";

    private static ObjectNode deployment() {
        return Yaml.readAll(DEPLOYMENT, "demo").get(0);
    }

    @Test
    void aValidDeploymentPasses() throws Exception {
        V1Deployment.validateJsonElement(CoreValidator.toGson(deployment()));
        V1Deployment d = V1Deployment.fromJson(Yaml.JSON.writeValueAsString(deployment()));
        assertThat(d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo("demo:1");
    }

    @Test
    void unknownTopLevelFieldThrows() {
        ObjectNode d = deployment();
        ((ObjectNode) d.get("spec")).put("replica", 3);
        assertThatThrownBy(() -> V1Deployment.validateJsonElement(CoreValidator.toGson(d)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("The field `replica` in the JSON string is not defined in the `V1DeploymentSpec` properties");
    }

    @Test
    void unknownDeeplyNestedFieldThrows() {
        ObjectNode d = deployment();
        ((ObjectNode) d.at("/spec/template/spec/containers/0")).putObject("securityContex").put("runAsNonRoot", true);
        assertThatThrownBy(() -> V1Deployment.fromJson(Yaml.JSON.writeValueAsString(d)))
                .hasMessageContaining("`securityContex`").hasMessageContaining("V1Container");
    }

    @Test
    void missingRequiredFieldThrows() {
        ObjectNode d = deployment();
        ((ObjectNode) d.at("/spec/template/spec/containers/0")).remove("name");
        assertThatThrownBy(() -> V1Deployment.validateJsonElement(CoreValidator.toGson(d)))
                .hasMessageContaining("required field `name`");
        ObjectNode noSelector = deployment();
        ((ObjectNode) noSelector.get("spec")).remove("selector");
        assertThatThrownBy(() -> V1Deployment.validateJsonElement(CoreValidator.toGson(noSelector)))
                .hasMessageContaining("selector");
    }

    @Test
    void coreValidatorReportsWhatTheModelsMiss() {
        // The models keep enums as strings and coerce numbers to strings; CoreValidator adds those checks.
        ObjectNode d = deployment();
        ObjectNode c = (ObjectNode) d.at("/spec/template/spec/containers/0");
        c.put("imagePullPolicy", "Sometimes");
        ((ObjectNode) d.at("/spec/template/metadata")).putObject("annotations").put("prometheus.io/port", 8080);
        c.putObject("resources").putObject("limits").put("memory", "lots");
        assertThat(CoreValidator.validate(d))
                .anyMatch(s -> s.contains("imagePullPolicy has value 'Sometimes'"))
                .anyMatch(s -> s.contains("prometheus.io/port must be a string"))
                .anyMatch(s -> s.contains("limits/memory is not a quantity"));
    }
}
