package org.newsroom.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * A real single-node KRaft Kafka broker running in a child JVM from the kafka_2.13 jars, so that broker and service
 * class paths never mix. Its log directory survives {@link #stop()} and {@link #start()}, which tests use to
 * simulate a broker outage.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final String CLASSPATH_RESOURCE = "newsroom/kafka-broker.classpath";

    private final Path home;
    private final int port;
    private final int controllerPort;
    private final String heap;
    private final Consumer<String> log;
    private Process process;

    /**
     * @param home directory for the broker's configuration and log segments (created when missing)
     * @param port client port on 127.0.0.1
     * @param heap maximum heap of the broker JVM, e.g. {@code 384m}
     * @param log receives each line the broker prints
     */
    public KafkaBroker(Path home, int port, String heap, Consumer<String> log) {
        this.home = home;
        this.port = port;
        this.controllerPort = Ports.free();
        this.heap = heap;
        this.log = log;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Formats the storage on first use, starts the broker and waits until it serves metadata. */
    public synchronized KafkaBroker start() {
        if (isRunning()) {
            return this;
        }
        try {
            Files.createDirectories(home.resolve("data"));
            Path config = writeConfig();
            if (!Files.exists(home.resolve("data/meta.properties"))) {
                String clusterId = clusterId();
                Process format = java("kafka.tools.StorageTool", "format", "-t", clusterId, "-c", config.toString(),
                        "--ignore-formatted").start();
                pump(format.getInputStream(), "format");
                if (!format.waitFor(120, TimeUnit.SECONDS) || format.exitValue() != 0) {
                    throw new IllegalStateException("kafka storage format failed with exit " + format.exitValue());
                }
            }
            process = java("kafka.Kafka", config.toString()).start();
            pump(process.getInputStream(), "broker");
            awaitReady(Duration.ofSeconds(90));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops the broker (SIGTERM, then SIGKILL after 30 s), keeping its data. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        ChildJvm.stop(process, Duration.ofSeconds(30), port);
        process = null;
    }

    /** Kills the broker at once (SIGKILL), as a crash would. */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    public synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    @Override
    public void close() {
        stop();
    }

    /** Creates the topics that do not exist yet. */
    public void createTopics(Map<String, Integer> partitionsByTopic, Map<String, Map<String, String>> configsByTopic) {
        try (Admin admin = Admin.create(adminConfig())) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = partitionsByTopic.entrySet().stream()
                    .filter(e -> !existing.contains(e.getKey()))
                    .map(e -> new NewTopic(e.getKey(), e.getValue(), (short) 1)
                            .configs(configsByTopic.getOrDefault(e.getKey(), Map.of())))
                    .collect(Collectors.toList());
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot create topics", e);
        }
    }

    private Map<String, Object> adminConfig() {
        return Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
    }

    private void awaitReady(Duration timeout) {
        Exception[] last = new Exception[1];
        boolean ready = Poll.until(timeout, Duration.ofMillis(200), () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("kafka broker exited with " + process.exitValue());
            }
            if (!Ports.isListening(port)) {
                return false;
            }
            try (Admin admin = Admin.create(adminConfig())) {
                return !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty();
            } catch (Exception e) {
                last[0] = e;
                return false;
            }
        });
        if (!ready) {
            throw new IllegalStateException("kafka broker not ready within " + timeout, last[0]);
        }
    }

    private Path writeConfig() throws IOException {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        p.setProperty("log.dirs", home.resolve("data").toAbsolutePath().toString());
        p.setProperty("num.partitions", "3");
        p.setProperty("auto.create.topics.enable", "true");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "10");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("num.network.threads", "2");
        p.setProperty("num.io.threads", "4");
        Path config = home.resolve("server.properties");
        try (var out = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
            p.store(out, "written by the Newsroom local stack");
        }
        Files.writeString(home.resolve("log4j2.properties"), String.join("\n",
                "status = warn",
                "appender.console.type = Console",
                "appender.console.name = STDOUT",
                "appender.console.layout.type = PatternLayout",
                "appender.console.layout.pattern = %d{HH:mm:ss} %-5p %c{1} - %m%n",
                "rootLogger.level = warn",
                "rootLogger.appenderRef.stdout.ref = STDOUT",
                "logger.kafka.name = kafka.server.KafkaRaftServer",
                "logger.kafka.level = info",
                ""), StandardCharsets.UTF_8);
        return config;
    }

    private String clusterId() throws IOException {
        Path file = home.resolve("cluster.id");
        if (Files.exists(file)) {
            return Files.readString(file).trim();
        }
        String id;
        do {
            id = base64(UUID.randomUUID());
        } while (id.startsWith("-"));
        Files.writeString(file, id);
        return id;
    }

    /**
     * Kafka's cluster id form of a UUID: 22 characters of URL-safe base64. One id in 64 begins with {@code -}, which
     * the storage tool reads as an option ({@code -t -x…} fails with exit 1), so such ids are drawn again — as Kafka's
     * own {@code Uuid.randomUuid} does.
     */
    static String base64(UUID uuid) {
        byte[] bytes = new byte[16];
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (uuid.getMostSignificantBits() >>> (8 * (7 - i)));
            bytes[i + 8] = (byte) (uuid.getLeastSignificantBits() >>> (8 * (7 - i)));
        }
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private ProcessBuilder java(String mainClass, String... args) throws IOException {
        return new ProcessBuilder(ChildJvm.command(heap, "64m", List.of(
                "-Dlog4j2.configurationFile=" + home.resolve("log4j2.properties").toAbsolutePath(),
                "-Dnewsroom.stack.home=" + home.toAbsolutePath()), brokerClasspath(), mainClass, List.of(args)))
                .redirectErrorStream(true);
    }

    /**
     * A child JVM that runs one of Kafka's command-line tools (e.g. {@code org.apache.kafka.tools.ProducerPerformance})
     * from the broker's class path; its output is merged into standard output. Used by {@code ./newsroom bench}.
     */
    public static ProcessBuilder tool(String heap, String mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heap);
        command.add("-Djava.awt.headless=true");
        command.add("-cp");
        try {
            command.add(brokerClasspath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        command.add(mainClass);
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true);
    }

    private static String brokerClasspath() throws IOException {
        return ChildJvm.classpath(CLASSPATH_RESOURCE, "kafka-broker");
    }

    private void pump(InputStream in, String name) {
        ChildJvm.pump(in, log, "kafka-" + name + "-log");
    }
}
