package org.newsroom.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.newsroom.contracts.Topics;

/**
 * The whole system on one machine: Kafka (embedded or external), PostgreSQL (embedded or external) and the three
 * services from their {@code quarkus-run.jar}. Used by {@code ./newsroom up}, the end-to-end tests and the benchmarks.
 */
public final class LocalStack implements AutoCloseable {

    /** Topics and their partition counts on a local broker. */
    public static final Map<String, Integer> TOPIC_PARTITIONS = Map.of(
            Topics.SUBMISSIONS, 3,
            Topics.SUBMISSIONS_DLQ, 1,
            Topics.ISSUES, 3,
            Topics.ISSUES_DLQ, 1,
            Topics.DELIVERIES, 6,
            Topics.INGEST_IDEMPOTENCY, 3,
            Topics.MEDIA_RENDITIONS, 3,
            Topics.PHOTOS, 3);
    public static final Map<String, Map<String, String>> TOPIC_CONFIGS = Map.of(
            Topics.INGEST_IDEMPOTENCY, Map.of("cleanup.policy", "compact"),
            Topics.PHOTOS, Map.of("cleanup.policy", "compact"),
            Topics.SUBMISSIONS, Map.of("max.message.bytes", String.valueOf(Topics.SUBMISSIONS_MAX_MESSAGE_BYTES)),
            Topics.ISSUES, Map.of("max.message.bytes", String.valueOf(Topics.ISSUES_MAX_MESSAGE_BYTES)));

    public static final String INGEST = "ingest";
    public static final String ARTICLE = "article";
    public static final String NOTIFY = "notify";
    public static final String ARTICLE_DATABASE = "articles";
    public static final String NOTIFY_DATABASE = "notify";
    public static final String MEDIA = "media";
    public static final String MEDIA_DATABASE = "media";

    private final StackConfig config;
    private final Consumer<String> log;
    private final Map<String, String> extraServiceEnvironment;
    private KafkaBroker kafka;
    private PostgresServer postgres;
    private S3Server s3;
    private JwtKeys keys;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();

    /**
     * @param log receives every line of every component, already prefixed with its name
     * @param extraServiceEnvironment added to every service's environment (tests shorten timeouts with it)
     */
    public LocalStack(StackConfig config, Consumer<String> log, Map<String, String> extraServiceEnvironment) {
        this.config = config;
        this.log = log;
        this.extraServiceEnvironment = Map.copyOf(extraServiceEnvironment);
    }

    public StackConfig config() {
        return config;
    }

    public JwtKeys keys() {
        return keys;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    /** The embedded S3 server, or null when the stack uses an external S3-compatible store. */
    public S3Server s3() {
        return s3;
    }

    public String s3Endpoint() {
        return config.externalS3Endpoint() != null ? config.externalS3Endpoint() : s3.endpoint();
    }

    public ServiceProcess service(String name) {
        return services.get(name);
    }

    public String kafkaBootstrapServers() {
        return config.externalKafka() != null ? config.externalKafka() : kafka.bootstrapServers();
    }

    /** Starts infrastructure and services and waits until every service is ready. */
    public LocalStack start() {
        try {
            Files.createDirectories(config.home().resolve("run"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        keys = JwtKeys.loadOrCreate(config.home().resolve("jwt"));
        startInfrastructure();
        for (ServiceProcess service : createServices()) {
            services.put(service.name(), service);
            service.start();
            writePid(service.name(), service.pid());
        }
        for (ServiceProcess service : services.values()) {
            service.awaitReady(Duration.ofSeconds(180));
        }
        return this;
    }

    private void startInfrastructure() {
        if (config.externalKafka() == null) {
            kafka = new KafkaBroker(config.home().resolve("kafka"), config.kafkaPort(), config.kafkaHeap(),
                    line -> log.accept("[kafka]   " + line));
            kafka.start();
            writePid("kafka", kafka.pid());
            kafka.createTopics(TOPIC_PARTITIONS, TOPIC_CONFIGS);
        }
        if (config.externalPostgresUrl() == null) {
            postgres = new PostgresServer(config.home().resolve("postgres"), config.postgresPort()).start();
            postgres.createDatabase(ARTICLE_DATABASE);
            postgres.createDatabase(NOTIFY_DATABASE);
            postgres.createDatabase(MEDIA_DATABASE);
        } else {
            String admin = config.externalPostgresUrl().replaceAll("/+$", "") + "/postgres";
            PostgresServer.ensureDatabase(admin, config.postgresUser(), config.postgresPassword(), ARTICLE_DATABASE);
            PostgresServer.ensureDatabase(admin, config.postgresUser(), config.postgresPassword(), NOTIFY_DATABASE);
            PostgresServer.ensureDatabase(admin, config.postgresUser(), config.postgresPassword(), MEDIA_DATABASE);
        }
        if (config.media() && config.externalS3Endpoint() == null) {
            s3 = new S3Server(config.home().resolve("s3"), config.s3Port(), "128m", line -> log.accept("[s3]      " + line));
            s3.start();
            writePid("s3", s3.pid());
        }
    }

    private String jdbcUrl(String database) {
        return config.externalPostgresUrl() == null ? postgres.jdbcUrl(database)
                : config.externalPostgresUrl().replaceAll("/+$", "") + "/" + database;
    }

    private List<ServiceProcess> createServices() {
        List<ServiceProcess> list = new ArrayList<>();
        Map<String, String> common = new HashMap<>();
        common.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers());
        common.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", config.home().resolve("jwt/public.pem").toString());
        common.put("MP_JWT_VERIFY_ISSUER", JwtKeys.ISSUER);
        common.put("NEWSROOM_PUBLIC_BASE_URL", config.publicBaseUrl());
        common.put("QUARKUS_HTTP_HOST", "127.0.0.1");

        Map<String, String> ingest = new HashMap<>(common);
        ingest.put("QUARKUS_HTTP_PORT", String.valueOf(config.ingestPort()));
        ingest.put("NEWSROOM_ARTICLE_SERVICE_URL", "http://127.0.0.1:" + config.articlePort());
        list.add(service(INGEST, "ingest-service", config.ingestPort(), ingest));

        Map<String, String> article = new HashMap<>(common);
        article.put("QUARKUS_HTTP_PORT", String.valueOf(config.articlePort()));
        article.putAll(datasource(ARTICLE_DATABASE));
        list.add(service(ARTICLE, "article-service", config.articlePort(), article));

        Map<String, String> notify = new HashMap<>(common);
        notify.put("QUARKUS_HTTP_PORT", String.valueOf(config.notifyPort()));
        notify.putAll(datasource(NOTIFY_DATABASE));
        notify.put("NEWSROOM_WEBHOOKS_ALLOWED_HOSTS", "127.0.0.1,localhost,::1");
        // local receivers (the demo's, the tests', the benchmarks') speak plain http on loopback
        notify.put("NEWSROOM_WEBHOOKS_ALLOW_HTTP", "true");
        notify.put("NEWSROOM_NOTIFY_SECRET_ENCRYPTION_KEY", secretEncryptionKey());
        // Every local client and webhook is on loopback (the demo, a developer's scripts): a developer running the demo
        // again and again must not meet the per-client / per-target limits meant for the public internet.
        notify.put("NEWSROOM_NOTIFY_ABUSE_PER_CLIENT_CAPACITY", "10000");
        notify.put("NEWSROOM_NOTIFY_ABUSE_PER_TARGET_CAPACITY", "10000");
        if (config.smtpHost() != null) {
            notify.put("QUARKUS_MAILER_HOST", config.smtpHost());
            notify.put("QUARKUS_MAILER_PORT", config.smtpPort());
        } else {
            notify.put("QUARKUS_MAILER_MOCK", "true");
        }
        list.add(service(NOTIFY, "notify-service", config.notifyPort(), notify));

        if (!config.media()) {
            return list;
        }
        Map<String, String> media = new HashMap<>(common);
        media.put("QUARKUS_HTTP_PORT", String.valueOf(config.mediaPort()));
        media.putAll(datasource(MEDIA_DATABASE));
        media.put("NEWSROOM_MEDIA_PUBLIC_URL", "http://127.0.0.1:" + config.mediaPort());
        media.put("NEWSROOM_MEDIA_S3_ENDPOINT", s3Endpoint());
        if (s3 != null) {
            media.put("NEWSROOM_MEDIA_S3_ACCESS_KEY_ID", S3Server.ACCESS_KEY);
            media.put("NEWSROOM_MEDIA_S3_SECRET_ACCESS_KEY", S3Server.SECRET_KEY);
            media.put("NEWSROOM_MEDIA_S3_CREATE_BUCKET", "true");
        }
        list.add(service(MEDIA, "media-service", config.mediaPort(), media));
        return list;
    }

    /** The AES-256 key encrypting webhook secrets at rest: generated on first start, kept in the state directory. */
    private String secretEncryptionKey() {
        Path file = config.home().resolve("notify/secret-encryption.key");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] key = new byte[32];
                new java.security.SecureRandom().nextBytes(key);
                Files.writeString(file, java.util.Base64.getEncoder().encodeToString(key));
                try {
                    Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system
                }
            }
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, String> datasource(String database) {
        return Map.of("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl(database),
                "QUARKUS_DATASOURCE_USERNAME", config.postgresUser(),
                "QUARKUS_DATASOURCE_PASSWORD", config.postgresPassword());
    }

    private ServiceProcess service(String name, String module, int port, Map<String, String> environment) {
        Map<String, String> env = new HashMap<>(environment);
        env.putAll(extraServiceEnvironment);
        Path jar = config.projectDir().resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        List<String> jvm = List.of("-Xmx" + config.serviceHeap(), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dfile.encoding=UTF-8", "-Dnewsroom.stack.home=" + config.home());
        String prefix = String.format("[%-7s] ", name);
        return new ServiceProcess(name, jar, port, env, jvm, line -> log.accept(prefix + line));
    }

    /** The addresses a user needs, one per line. */
    public List<String> addresses() {
        List<String> lines = new ArrayList<>();
        lines.add("kafka            " + kafkaBootstrapServers());
        lines.add("postgresql       " + (config.externalPostgresUrl() == null
                ? "127.0.0.1:" + postgres.port() + " (databases " + ARTICLE_DATABASE + ", " + NOTIFY_DATABASE + ", "
                        + MEDIA_DATABASE + ")"
                : config.externalPostgresUrl()));
        lines.add("ingest-service   http://127.0.0.1:" + config.ingestPort());
        lines.add("article-service  http://127.0.0.1:" + config.articlePort());
        lines.add("notify-service   http://127.0.0.1:" + config.notifyPort());
        if (config.media()) {
            lines.add("media            http://127.0.0.1:" + config.mediaPort() + " (media-service)");
            lines.add("s3               " + s3Endpoint() + (s3 != null ? " (S3Proxy, bucket newsroom-media)" : ""));
        }
        return lines;
    }

    /** Stops services first, then Kafka and PostgreSQL; keeps all data. */
    @Override
    public void close() {
        List<ServiceProcess> reversed = new ArrayList<>(services.values());
        java.util.Collections.reverse(reversed);
        reversed.parallelStream().forEach(ServiceProcess::stop);
        if (kafka != null) {
            kafka.stop();
        }
        if (postgres != null) {
            postgres.stop();
        }
        if (s3 != null) {
            s3.stop();
        }
        try (var files = Files.list(config.home().resolve("run"))) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException ignored) {
            // nothing to clean
        }
    }

    private void writePid(String name, long pid) {
        try {
            Files.writeString(config.home().resolve("run").resolve(name + ".pid"), Long.toString(pid));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
