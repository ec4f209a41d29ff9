package org.newsroom.deploy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Manifests and services agree: topic names with contracts' Topics.java and the services' channels;
 * Kafka bootstrap, datasource, JWT key file, HTTP port and metrics path with each service's %prod
 * configuration in &lt;service&gt;/src/main/resources/application.properties; credentials only from Secrets.
 */
class ServiceAgreementTest {
    private static final String GOOD_COMMON = "quarkus.http.port=%d\n"
            + "%%dev.kafka.bootstrap.servers=${KAFKA_BOOTSTRAP_SERVERS:127.0.0.1:19092}\n"
            + "%%prod.kafka.bootstrap.servers=${KAFKA_BOOTSTRAP_SERVERS:newsroom-kafka-bootstrap:9092}\n"
            + "%%prod.mp.jwt.verify.publickey.location=${MP_JWT_VERIFY_PUBLICKEY_LOCATION:/etc/newsroom/jwt/publicKey.pem}\n";

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void kafkaTopicsAreExactlyTheTopicsConstants(String overlay) {
        assertThat(ServiceAgreement.topics(ProjectPaths.projectDir(), Fixtures.render(overlay))).isEmpty();
        assertThat(ServiceAgreement.topicConstants(ProjectPaths.projectDir()))
                .containsValues("newsroom.submissions", "newsroom.issues", "newsroom.deliveries", "newsroom.ingest-idempotency");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServicesProdConfigurationAgreesWithTheManifests(String overlay) {
        assertThat(ServiceAgreement.services(ProjectPaths.projectDir(), Fixtures.render(overlay))).isEmpty();
    }

    @Test
    void theExpectedProdKeysAreDerivedFromTheManifests() {
        List<ObjectNode> dev = Fixtures.render("dev");
        assertThat(ServiceAgreement.expectedProdKeys(dev, Fixtures.get(dev, "Deployment", "article-service")))
                .containsExactly(
                        Map.entry("kafka.bootstrap.servers", "${KAFKA_BOOTSTRAP_SERVERS:newsroom-kafka-bootstrap:9092}"),
                        Map.entry("quarkus.datasource.jdbc.url", "${QUARKUS_DATASOURCE_JDBC_URL:jdbc:postgresql://article-db-rw:5432/app}"),
                        Map.entry("mp.jwt.verify.publickey.location", "/etc/newsroom/jwt/publicKey.pem"));
        assertThat(ServiceAgreement.expectedProdKeys(dev, Fixtures.get(dev, "Deployment", "ingest-service")))
                .containsOnlyKeys("kafka.bootstrap.servers", "mp.jwt.verify.publickey.location");
        assertThat(ServiceAgreement.expectedProdKeys(dev, Fixtures.get(dev, "Deployment", "media-service")))
                .containsExactly(
                        Map.entry("kafka.bootstrap.servers", "${KAFKA_BOOTSTRAP_SERVERS:newsroom-kafka-bootstrap:9092}"),
                        Map.entry("quarkus.datasource.jdbc.url", "${QUARKUS_DATASOURCE_JDBC_URL:jdbc:postgresql://media-db-rw:5432/app}"),
                        Map.entry("mp.jwt.verify.publickey.location", "/etc/newsroom/jwt/publicKey.pem"));
    }

    /** A project folder holding application.properties files for the four services (media-service agreeing). */
    private static Path project(Path dir, String ingest, String article, String notify) {
        return project(dir, ingest, article, notify, goodMedia());
    }

    private static Path project(Path dir, String ingest, String article, String notify, String media) {
        Fixtures.writeString(dir.resolve("ingest-service/src/main/resources/application.properties"), ingest);
        Fixtures.writeString(dir.resolve("article-service/src/main/resources/application.properties"), article);
        Fixtures.writeString(dir.resolve("notify-service/src/main/resources/application.properties"), notify);
        Fixtures.writeString(dir.resolve("media-service/src/main/resources/application.properties"), media);
        return dir;
    }

    /** media-service as it agrees with the manifests: its database, its public URL and S3 credentials from the pod. */
    private static String goodMedia() {
        return good(8084, "media-db") + "newsroom.media.public-url=${NEWSROOM_MEDIA_PUBLIC_URL:http://127.0.0.1:8084}\n"
                + "mp.messaging.outgoing.rendition-requests-out.topic=newsroom.media-renditions\n"
                + "%dev.newsroom.media.s3.endpoint=${NEWSROOM_MEDIA_S3_ENDPOINT:http://127.0.0.1:19000}\n"
                + "%dev.newsroom.media.s3.access-key-id=${NEWSROOM_MEDIA_S3_ACCESS_KEY_ID:newsroom-local}\n"
                + "%dev.newsroom.media.s3.secret-access-key=${NEWSROOM_MEDIA_S3_SECRET_ACCESS_KEY:newsroom-local-secret}\n";
    }

    private static String good(int port, String db) {
        return String.format(GOOD_COMMON, port) + (db == null ? ""
                : "%prod.quarkus.datasource.jdbc.url=${QUARKUS_DATASOURCE_JDBC_URL:jdbc:postgresql://" + db + "-rw:5432/app}\n");
    }

    @Test
    void agreeingServicesPass(@TempDir Path dir) {
        String notify = good(8083, "notify-db") + "mp.messaging.incoming.issues.topic=newsroom.issues\n"
                + "mp.messaging.outgoing.deliveries-out.topic=${DELIVERIES_TOPIC:newsroom.deliveries}\n"
                + "mp.messaging.incoming.\"newsroom.deliveries\".connector=smallrye-kafka\n"
                + "%test.mp.messaging.incoming.issues.topic=test-only\n";
        String article = good(8082, "article-db").replace("%prod.quarkus.datasource.jdbc.url=${QUARKUS_DATASOURCE_JDBC_URL:",
                "%prod.quarkus.datasource.jdbc.url=").replace("/app}", "/app");
        Path p = project(dir, good(8081, null), article, notify);
        assertThat(ServiceAgreement.services(p, Fixtures.render("prod"))).isEmpty();
    }

    @Test
    void missingFileOrKeyFailsWithTheExpectedLines(@TempDir Path dir) {
        Fixtures.writeString(dir.resolve("article-service/src/main/resources/application.properties"), good(8082, "article-db"));
        Fixtures.writeString(dir.resolve("notify-service/src/main/resources/application.properties"),
                good(8083, null));
        Fixtures.writeString(dir.resolve("media-service/src/main/resources/application.properties"), goodMedia());
        List<String> v = ServiceAgreement.services(dir, Fixtures.render("dev"));
        assertThat(v).anyMatch(s -> s.startsWith("ingest-service: ") && s.contains("does not exist")
                && s.contains("%prod.kafka.bootstrap.servers=${KAFKA_BOOTSTRAP_SERVERS:newsroom-kafka-bootstrap:9092}"));
        assertThat(v).anyMatch(s -> s.startsWith("notify-service") && s.contains("lacks %prod.quarkus.datasource.jdbc.url"
                + " (expected %prod.quarkus.datasource.jdbc.url=${QUARKUS_DATASOURCE_JDBC_URL:jdbc:postgresql://notify-db-rw:5432/app})"));
        assertThat(v).hasSize(2);
    }

    @Test
    void disagreeingValuesFail(@TempDir Path dir) {
        String ingest = good(8081, null).replace("newsroom-kafka-bootstrap:9092}", "kafka:9092}")
                + "mp.messaging.outgoing.submissions.topic=newsroom.submission\n";
        String article = good(8082, "notify-db").replace("publicKey.pem", "public.pem");
        String notify = good(8083, "notify-db").replace("quarkus.http.port=8083", "quarkus.management.enabled=true")
                + "quarkus.micrometer.export.prometheus.path=/metrics\nmp.messaging.incoming.newsroom-issues.connector=smallrye-kafka\n";
        Path p = project(dir, ingest, article, notify);
        List<String> v = ServiceAgreement.services(p, Fixtures.render("dev"));
        assertThat(v)
                .anyMatch(s -> s.startsWith("ingest-service") && s.contains("gives 'kafka:9092' without the pod's environment"))
                .anyMatch(s -> s.startsWith("ingest-service") && s.contains("uses topic 'newsroom.submission'"))
                .anyMatch(s -> s.startsWith("article-service") && s.contains("jdbc:postgresql://notify-db-rw:5432/app")
                        && s.contains("expected [jdbc:postgresql://article-db-rw:5432/app]"))
                .anyMatch(s -> s.startsWith("article-service") && s.contains("mp.jwt.verify.publickey.location")
                        && s.contains("/etc/newsroom/jwt/public.pem"))
                .anyMatch(s -> s.startsWith("notify-service") && s.contains("quarkus.management.enabled moves /q/health"))
                .anyMatch(s -> s.startsWith("notify-service") && s.contains("serves metrics at /metrics"))
                .anyMatch(s -> s.startsWith("notify-service") && s.contains("uses topic 'newsroom-issues'"));
    }

    @Test
    void loopbackDefaultsMustBeOverriddenInThePod(@TempDir Path dir) {
        String ingest = good(8081, null) + "newsroom.article-service.url=${NEWSROOM_ARTICLE_SERVICE_URL:http://127.0.0.1:8082}\n"
                + "newsroom.search.url=${NEWSROOM_SEARCH_URL:http://localhost:9200}\n"
                + "%dev.newsroom.other.url=http://127.0.0.1:1\n";
        Path p = project(dir, ingest, good(8082, "article-db"), good(8083, "notify-db"));
        assertThat(ServiceAgreement.services(p, Fixtures.render("dev"))).containsExactly("ingest-service ("
                + p.resolve("ingest-service/src/main/resources/application.properties") + "): newsroom.search.url is"
                + " 'http://localhost:9200' in the pod (a loopback address); the manifests must set NEWSROOM_SEARCH_URL for it");
    }

    @Test
    void theEnvironmentOfThePodDecides(@TempDir Path dir) {
        // A plain %prod value that the ConfigMap overrides with something else still disagrees in the pod.
        List<ObjectNode> dev = Fixtures.render("dev");
        ((ObjectNode) Fixtures.get(dev, "ConfigMap", "ingest-service-config").get("data")).put("QUARKUS_HTTP_PORT", "8080");
        Path p = project(dir, good(8081, null), good(8082, "article-db"), good(8083, "notify-db"));
        assertThat(ServiceAgreement.services(p, dev))
                .containsExactly("ingest-service (" + p.resolve("ingest-service/src/main/resources/application.properties")
                        + "): the service listens on 8080 in the pod, the container port is 8081");
    }

    @Test
    void mediaServiceWithoutItsDatabaseOrPublicUrlFails(@TempDir Path dir) {
        List<ObjectNode> dev = Fixtures.render("dev");
        ((ObjectNode) Fixtures.get(dev, "ConfigMap", "media-service-config").get("data")).remove("NEWSROOM_MEDIA_PUBLIC_URL");
        String media = goodMedia().replace("media-db-rw", "article-db-rw");
        Path p = project(dir, good(8081, null), good(8082, "article-db"), good(8083, "notify-db"), media);
        assertThat(ServiceAgreement.services(p, dev))
                .anyMatch(s -> s.startsWith("media-service") && s.contains("jdbc:postgresql://article-db-rw:5432/app")
                        && s.contains("expected [jdbc:postgresql://media-db-rw:5432/app]"))
                .anyMatch(s -> s.startsWith("media-service") && s.contains("newsroom.media.public-url is"
                        + " 'http://127.0.0.1:8084' in the pod (a loopback address); the manifests must set NEWSROOM_MEDIA_PUBLIC_URL"));
    }

    @Test
    void credentialsMustComeFromSecrets(@TempDir Path dir) {
        // The S3 secret key moved into the ConfigMap (in clear), the access key id dropped from the pod altogether,
        // and notify-service's encryption key a literal of its prod profile instead of the Secret's value.
        List<ObjectNode> dev = Fixtures.render("dev");
        removeEnv(dev, "media-service", name -> name.startsWith("NEWSROOM_MEDIA_S3_"));
        removeEnv(dev, "notify-service", name -> name.equals("NEWSROOM_NOTIFY_SECRET_ENCRYPTION_KEY"));
        ((ObjectNode) Fixtures.get(dev, "ConfigMap", "media-service-config").get("data"))
                .put("NEWSROOM_MEDIA_S3_SECRET_ACCESS_KEY", "in-clear");
        String notify = good(8083, "notify-db") + "%prod.newsroom.notify.secret-encryption-key=c2VjcmV0\n";
        Path p = project(dir, good(8081, null), good(8082, "article-db"), notify, goodMedia());
        String media = "media-service (" + p.resolve("media-service/src/main/resources/application.properties") + "): ";
        String notifyWhere = "notify-service (" + p.resolve("notify-service/src/main/resources/application.properties") + "): ";
        assertThat(ServiceAgreement.services(p, dev)).containsExactlyInAnyOrder(
                media + "credential newsroom.media.s3.access-key-id has no value in the pod; the manifests must set"
                        + " NEWSROOM_MEDIA_S3_ACCESS_KEY_ID from a Secret (secretKeyRef)",
                media + "credential newsroom.media.s3.secret-access-key is given in clear in the pod (a ConfigMap or the"
                        + " file); set NEWSROOM_MEDIA_S3_SECRET_ACCESS_KEY from a Secret (secretKeyRef)",
                notifyWhere + "credential newsroom.notify.secret-encryption-key is given in clear in the pod (a ConfigMap"
                        + " or the file); set NEWSROOM_NOTIFY_SECRET_ENCRYPTION_KEY from a Secret (secretKeyRef)");
    }

    /** Removes the env entries of a Deployment's container whose names match. */
    private static void removeEnv(List<ObjectNode> objects, String deployment, Predicate<String> name) {
        ArrayNode env = (ArrayNode) Fixtures.get(objects, "Deployment", deployment).at("/spec/template/spec/containers/0/env");
        for (int i = env.size() - 1; i >= 0; i--) {
            if (name.test(env.get(i).path("name").asText())) {
                env.remove(i);
            }
        }
    }
}
