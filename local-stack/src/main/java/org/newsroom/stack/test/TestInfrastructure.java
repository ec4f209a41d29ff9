package org.newsroom.stack.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.newsroom.stack.JwtKeys;
import org.newsroom.stack.KafkaBroker;
import org.newsroom.stack.LocalStack;
import org.newsroom.stack.Ports;
import org.newsroom.stack.PostgresServer;
import org.newsroom.stack.S3Server;

/**
 * The real Kafka broker and PostgreSQL server (and, on first use, the S3 server) of one test JVM: started once, on free loopback ports and in a
 * temporary directory, stopped when the JVM exits. Tests reach it to stop and restart the broker or the database.
 */
public final class TestInfrastructure {

    private static TestInfrastructure instance;

    private final Path home;
    private final KafkaBroker kafka;
    private final PostgresServer postgres;
    private final JwtKeys keys = JwtKeys.generate();
    private S3Server s3;

    private TestInfrastructure() {
        try {
            home = Files.createTempDirectory("newsroom-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean quiet = !Boolean.getBoolean("newsroom.test.kafka-log");
        kafka = new KafkaBroker(home.resolve("kafka"), Ports.free(), "384m",
                line -> {
                    if (!quiet) {
                        System.out.println("[kafka] " + line);
                    }
                });
        postgres = new PostgresServer(home.resolve("postgres"), Ports.free());
        CompletableFuture<KafkaBroker> kafkaStart = CompletableFuture.supplyAsync(kafka::start);
        postgres.start();
        kafkaStart.join();
        kafka.createTopics(LocalStack.TOPIC_PARTITIONS, LocalStack.TOPIC_CONFIGS);
        Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown, "newsroom-test-infrastructure"));
    }

    /** The infrastructure of this JVM, started on first use. */
    public static synchronized TestInfrastructure get() {
        if (instance == null) {
            instance = new TestInfrastructure();
        }
        return instance;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    /** The real S3 API server (S3Proxy, filesystem backend), started on first use. */
    public synchronized S3Server s3() {
        if (s3 == null) {
            boolean quiet = !Boolean.getBoolean("newsroom.test.s3-log");
            s3 = new S3Server(home.resolve("s3"), Ports.free(), "128m", line -> {
                if (!quiet) {
                    System.out.println("[s3] " + line);
                }
            });
        }
        return s3.start();
    }

    public JwtKeys keys() {
        return keys;
    }

    /** A bearer token for {@code name} with {@code role}, valid for an hour. */
    public String token(String role, String name) {
        return keys.token(role, name, Duration.ofHours(1));
    }

    public Path home() {
        return home;
    }

    private void shutdown() {
        try {
            synchronized (this) {
                if (s3 != null) {
                    s3.stop();
                }
            }
            kafka.stop();
        } finally {
            postgres.stop();
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException ignored) {
                // temporary directory
            }
        }
    }
}
