package org.newsroom.stack;

import java.nio.file.Path;
import java.util.Map;

/**
 * Settings of a local stack, read from environment variables (all optional; see the README):
 * <ul>
 * <li>{@code NEWSROOM_HOME} — state directory (default {@code <project>/.newsroom});</li>
 * <li>{@code NEWSROOM_INGEST_PORT}, {@code NEWSROOM_ARTICLE_PORT}, {@code NEWSROOM_NOTIFY_PORT} — 8081, 8082, 8083;</li>
 * <li>{@code NEWSROOM_KAFKA_PORT} — embedded broker port, 19092; {@code KAFKA_BOOTSTRAP_SERVERS} — use an existing Kafka;</li>
 * <li>{@code NEWSROOM_POSTGRES_PORT} — embedded PostgreSQL port, 15432; {@code NEWSROOM_POSTGRES_URL} (a JDBC URL of
 * an existing server, e.g. {@code jdbc:postgresql://db:5432}), {@code NEWSROOM_POSTGRES_USER},
 * {@code NEWSROOM_POSTGRES_PASSWORD} — use an existing PostgreSQL;</li>
 * <li>{@code NEWSROOM_SERVICE_HEAP} (256m), {@code NEWSROOM_KAFKA_HEAP} (384m) — JVM heaps;</li>
 * <li>{@code NEWSROOM_SMTP_HOST}, {@code NEWSROOM_SMTP_PORT} — an SMTP relay for notify-service (without it mail is logged);</li>
 * <li>{@code NEWSROOM_PUBLIC_BASE_URL} — public URL of article-service used in links (default its local address).</li>
 * <li>{@code NEWSROOM_MEDIA_PORT} — media-service, 8084; {@code NEWSROOM_S3_PORT} — embedded S3 server (S3Proxy), 19000;
 * {@code NEWSROOM_S3_ENDPOINT} — use an existing S3-compatible store instead (credentials then from
 * {@code NEWSROOM_MEDIA_S3_ACCESS_KEY_ID} and {@code NEWSROOM_MEDIA_S3_SECRET_ACCESS_KEY}).</li>
 * </ul>
 */
public record StackConfig(
        Path projectDir,
        Path home,
        int ingestPort,
        int articlePort,
        int notifyPort,
        int kafkaPort,
        String externalKafka,
        int postgresPort,
        String externalPostgresUrl,
        String postgresUser,
        String postgresPassword,
        String serviceHeap,
        String kafkaHeap,
        String smtpHost,
        String smtpPort,
        String publicBaseUrl,
        int mediaPort,
        int s3Port,
        String externalS3Endpoint) {

    public static StackConfig fromEnvironment(Path projectDir, Map<String, String> env) {
        Path home = Path.of(env.getOrDefault("NEWSROOM_HOME", projectDir.resolve(".newsroom").toString()))
                .toAbsolutePath().normalize();
        int articlePort = port(env, "NEWSROOM_ARTICLE_PORT", 8082);
        String externalPostgres = blankToNull(env.get("NEWSROOM_POSTGRES_URL"));
        return new StackConfig(projectDir, home,
                port(env, "NEWSROOM_INGEST_PORT", 8081),
                articlePort,
                port(env, "NEWSROOM_NOTIFY_PORT", 8083),
                port(env, "NEWSROOM_KAFKA_PORT", 19092),
                blankToNull(env.get("KAFKA_BOOTSTRAP_SERVERS")),
                port(env, "NEWSROOM_POSTGRES_PORT", 15432),
                externalPostgres,
                env.getOrDefault("NEWSROOM_POSTGRES_USER", PostgresServer.USER),
                env.getOrDefault("NEWSROOM_POSTGRES_PASSWORD", externalPostgres == null ? PostgresServer.PASSWORD : ""),
                env.getOrDefault("NEWSROOM_SERVICE_HEAP", "256m"),
                env.getOrDefault("NEWSROOM_KAFKA_HEAP", "384m"),
                blankToNull(env.get("NEWSROOM_SMTP_HOST")),
                env.getOrDefault("NEWSROOM_SMTP_PORT", "25"),
                env.getOrDefault("NEWSROOM_PUBLIC_BASE_URL", "http://127.0.0.1:" + articlePort),
                port(env, "NEWSROOM_MEDIA_PORT", 8084),
                port(env, "NEWSROOM_S3_PORT", 19000),
                blankToNull(env.get("NEWSROOM_S3_ENDPOINT")));
    }

    /**
     * The same settings with other ports and state directory (tests run beside a developer's stack), without
     * media-service and its S3 server (add them with {@link #withMedia()}).
     */
    public StackConfig withPortsAndHome(Path newHome, int ingest, int article, int notify, int kafka, int postgres) {
        return new StackConfig(projectDir, newHome, ingest, article, notify, kafka, externalKafka, postgres,
                externalPostgresUrl, postgresUser, postgresPassword, serviceHeap, kafkaHeap, smtpHost, smtpPort,
                "http://127.0.0.1:" + article, 0, 0, externalS3Endpoint);
    }

    /** The same settings with media-service and the embedded S3 server on free ports. */
    public StackConfig withMedia() {
        return new StackConfig(projectDir, home, ingestPort, articlePort, notifyPort, kafkaPort, externalKafka,
                postgresPort, externalPostgresUrl, postgresUser, postgresPassword, serviceHeap, kafkaHeap, smtpHost,
                smtpPort, publicBaseUrl, Ports.free(), Ports.free(), externalS3Endpoint);
    }

    /** Whether the stack runs media-service (and, without an external store, the S3 server). */
    public boolean media() {
        return mediaPort > 0;
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number, got '" + value + "'");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
