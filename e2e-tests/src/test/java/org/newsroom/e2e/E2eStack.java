package org.newsroom.e2e;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.newsroom.stack.LocalStack;
import org.newsroom.stack.Ports;
import org.newsroom.stack.StackConfig;

/**
 * The whole system for end-to-end tests: the four packaged services (media-service with its S3 server) as separate
 * JVMs on a real Kafka broker and a real PostgreSQL, on free ports and a temporary state directory, started once per
 * test JVM. Its log goes to {@code target/e2e-stack.log}.
 */
final class E2eStack {

    /**
     * Settings that make notify-service's retry schedule fit in a test (seconds instead of a day), let it deliver to and
     * verify many endpoints on the one loopback host at once, and raise its abuse limits for the tests' loopback load
     * (thousands of subscriptions from 127.0.0.1 to 127.0.0.1; the defaults stay those of production).
     */
    static final Map<String, String> TEST_ENVIRONMENT = Map.ofEntries(
            Map.entry("NEWSROOM_NOTIFY_ABUSE_PER_CLIENT_CAPACITY", "1000000"),
            Map.entry("NEWSROOM_NOTIFY_ABUSE_PER_TARGET_CAPACITY", "1000000"),
            Map.entry("NEWSROOM_WEBHOOKS_VERIFY_WORKERS", "8"),
            Map.entry("NEWSROOM_WEBHOOKS_VERIFY_QUEUE", "5000"),
            Map.entry("NEWSROOM_WEBHOOKS_VERIFY_PER_HOST", "64"),
            Map.entry("NEWSROOM_WEBHOOKS_REVERIFY_INTERVAL", "2s"),
            Map.entry("NEWSROOM_WEBHOOKS_REVERIFY_INITIAL_DELAY", "1s"),
            Map.entry("NEWSROOM_WEBHOOKS_REVERIFY_MAX_DELAY", "5s"),
            Map.entry("NEWSROOM_DELIVERIES_PER_HOST_CONCURRENCY", "32"),
            Map.entry("NEWSROOM_DELIVERIES_LEASE", "20s"),
            Map.entry("NEWSROOM_DELIVERIES_FIRST_ATTEMPT_TIMEOUT", "10s"),
            Map.entry("NEWSROOM_DELIVERIES_RETRY_INITIAL_DELAY", "200ms"),
            Map.entry("NEWSROOM_DELIVERIES_RETRY_MAX_DELAY", "1s"),
            Map.entry("NEWSROOM_DELIVERIES_RETRY_MAX_ATTEMPTS", "10"),
            Map.entry("NEWSROOM_DELIVERIES_RETRY_GIVE_UP_AFTER", "120s"));

    private static LocalStack stack;

    private E2eStack() {
    }

    static synchronized LocalStack get() {
        if (stack == null) {
            try {
                Path home = Files.createTempDirectory("newsroom-e2e-");
                StackConfig config = StackConfig.fromEnvironment(projectDir(), Map.of())
                        .withPortsAndHome(home, Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free())
                        .withMedia();
                Path logFile = projectDir().resolve("e2e-tests/target/e2e-stack.log");
                Files.createDirectories(logFile.getParent());
                PrintWriter log = new PrintWriter(Files.newBufferedWriter(logFile, StandardCharsets.UTF_8), true);
                LocalStack started = new LocalStack(config, log::println, TEST_ENVIRONMENT).start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    started.close();
                    deleteTree(home);
                    log.close();
                }, "e2e-stack-stop"));
                stack = started;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return stack;
    }

    static Path projectDir() {
        return Path.of(System.getProperty("newsroom.project.dir", "..")).toAbsolutePath().normalize();
    }

    static Path sharedDir() {
        Path dir = Path.of(System.getProperty("newsroom.shared.dir", "../../shared")).toAbsolutePath().normalize();
        if (!Files.isDirectory(dir.resolve("seed"))) {
            throw new IllegalStateException("shared test data missing at " + dir);
        }
        return dir;
    }

    static List<Path> seedArticles() {
        try (Stream<Path> files = Files.list(sharedDir().resolve("seed/articles"))) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String token(String role, String name) {
        return get().keys().token(role, name, Duration.ofHours(1));
    }

    static void deleteTree(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // temporary directory
        }
    }
}
