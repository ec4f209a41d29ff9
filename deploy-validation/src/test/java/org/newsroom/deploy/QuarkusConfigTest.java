package org.newsroom.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** application.properties is read the way the prod profile of SmallRye Config reads it. */
class QuarkusConfigTest {

    private static QuarkusConfig config(Path dir, String text) {
        Path file = dir.resolve("application.properties");
        Fixtures.writeString(file, text);
        return QuarkusConfig.load(file);
    }

    @Test
    void profilesDefaultsAndEnvironment(@TempDir Path dir) {
        QuarkusConfig c = config(dir, "kafka.bootstrap.servers=localhost:9092\n"
                + "%prod.kafka.bootstrap.servers=${KAFKA_BOOTSTRAP_SERVERS:newsroom-kafka-bootstrap:9092}\n"
                + "%dev.quarkus.http.port=9999\nquarkus.http.port=8082\n"
                + "%prod.quarkus.datasource.jdbc.url=jdbc:postgresql://article-db-rw:5432/app\n"
                + "nested=${A:${B:deep}}\n");
        assertThat(c.value("kafka.bootstrap.servers")).contains("newsroom-kafka-bootstrap:9092");
        assertThat(c.value("quarkus.http.port")).contains("8082");
        assertThat(c.value("nested")).contains("deep");
        assertThat(c.value("missing")).isEmpty();

        QuarkusConfig pod = c.withEnv(Map.of("KAFKA_BOOTSTRAP_SERVERS", "k:1", "QUARKUS_HTTP_PORT", "8083",
                "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://x-rw:5432/app", "B", "from-env"));
        assertThat(pod.value("kafka.bootstrap.servers")).contains("k:1");
        assertThat(pod.value("quarkus.http.port")).contains("8083");
        // An environment variable (ordinal 300) beats even a %prod key of application.properties (250).
        assertThat(pod.value("quarkus.datasource.jdbc.url")).contains("jdbc:postgresql://x-rw:5432/app");
        assertThat(pod.value("nested")).contains("from-env");
    }

    @Test
    void unresolvableExpressionsFail(@TempDir Path dir) {
        QuarkusConfig c = config(dir, "a=${NOT_SET}\n");
        assertThatThrownBy(() -> c.value("a")).hasMessageContaining("cannot resolve ${NOT_SET}");
    }

    @Test
    void environmentVariableNames() {
        assertThat(QuarkusConfig.envName("kafka.bootstrap.servers")).isEqualTo("KAFKA_BOOTSTRAP_SERVERS");
        assertThat(QuarkusConfig.envName("mp.jwt.verify.publickey.location")).isEqualTo("MP_JWT_VERIFY_PUBLICKEY_LOCATION");
        assertThat(QuarkusConfig.envName("newsroom.article-service.url")).isEqualTo("NEWSROOM_ARTICLE_SERVICE_URL");
    }
}
