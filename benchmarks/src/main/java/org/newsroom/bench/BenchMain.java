package org.newsroom.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.newsroom.stack.LocalStack;
import org.newsroom.stack.Ports;
import org.newsroom.stack.StackConfig;

/**
 * {@code ./newsroom bench [ingest|read|search|fanout|stream|all]}: starts a private stack (free ports, temporary state
 * directory), runs the scenarios, prints the table and rewrites {@code docs/benchmarks.md}.
 */
public final class BenchMain {

    private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    /** The order scenarios run in: search's corpus before ingest's copies; stream before fan-out's 100k webhooks. */
    static final List<String> RUN_ORDER = List.of("read", "search", "ingest", "stream", "fanout", "media");

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        // The Kafka client logs through SLF4J; its failures reach us through callbacks, so no logger is bound.
        System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
        List<String> scenarios;
        try {
            scenarios = selection(args);
        } catch (IllegalArgumentException e) {
            System.err.println("newsroom bench: " + e.getMessage());
            System.err.println("usage: ./newsroom bench [ingest|read|search|fanout|stream|media|all]...");
            System.exit(2);
            return;
        }
        Path projectDir = Path.of(System.getProperty("newsroom.project.dir", ".")).toAbsolutePath().normalize();
        Path sharedDir = Path.of(System.getProperty("newsroom.shared.dir", projectDir.resolve("../shared").toString()))
                .toAbsolutePath().normalize();
        if (!Files.isDirectory(sharedDir.resolve("seed/articles"))) {
            System.err.println("newsroom bench: the seed stories are missing at " + sharedDir + "/seed/articles "
                    + "(set NEWSROOM_SHARED_DIR)");
            System.exit(2);
            return;
        }
        BenchOptions options = BenchOptions.fromEnvironment(System.getenv());
        Map<String, Scenario> all = scenarios();

        Path home = Files.createTempDirectory("newsroom-bench-");
        Map<String, String> env = new HashMap<>();
        for (String key : List.of("NEWSROOM_SERVICE_HEAP", "NEWSROOM_KAFKA_HEAP")) {
            if (System.getenv(key) != null) {
                env.put(key, System.getenv(key));
            }
        }
        // The services run from a copy of their packaged apps, so that a rebuild during the run cannot disturb them.
        Path apps;
        try {
            apps = snapshotServices(projectDir, home.resolve("apps"));
        } catch (IOException | RuntimeException e) {
            deleteTree(home);
            System.err.println("newsroom bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        StackConfig config = StackConfig.fromEnvironment(apps, env)
                .withPortsAndHome(home, Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free());
        if (scenarios.contains("media")) {
            // media-service reads every submission (for the photos it references): it runs only when measured, so
            // that the other scenarios compare with their earlier runs on the same stack
            config = config.withMedia();
        }
        Path logFile = projectDir.resolve("benchmarks/target/bench-stack.log");
        Files.createDirectories(logFile.getParent());
        PrintWriter log = new PrintWriter(Files.newBufferedWriter(logFile, StandardCharsets.UTF_8), true);
        Map<String, String> serviceEnv = new HashMap<>();
        if (!options.serviceJvmOptions().isEmpty()) {
            // Read by the JVM after its command line, so it overrides the local stack's start-up oriented -XX options.
            serviceEnv.put("_JAVA_OPTIONS", String.join(" ", options.serviceJvmOptions()));
        }
        // Fan-out spreads its subscribers over loopback addresses 127.0.0.x (see FanoutScenario).
        serviceEnv.put("NEWSROOM_WEBHOOKS_ALLOWED_HOSTS", "127.0.0.0/8,localhost,::1");
        // Every benchmark client is 127.0.0.1 and the fan-out subscribes thousands of webhooks on a few loopback hosts:
        // raise notify-service's abuse limits for this private stack (production defaults stay as they are).
        serviceEnv.put("NEWSROOM_NOTIFY_ABUSE_PER_CLIENT_CAPACITY", "100000000");
        serviceEnv.put("NEWSROOM_NOTIFY_ABUSE_PER_TARGET_CAPACITY", "100000000");
        serviceEnv.put("NEWSROOM_WEBHOOKS_VERIFY_QUEUE", "100000");
        serviceEnv.put("NEWSROOM_WEBHOOKS_VERIFY_PER_HOST", "256");
        serviceEnv.put("NEWSROOM_WEBHOOKS_REVERIFY_INTERVAL", "5s");
        serviceEnv.put("NEWSROOM_WEBHOOKS_REVERIFY_INITIAL_DELAY", "1s");
        // The stream scenario holds 10,000 SSE connections from 127.0.0.1.
        serviceEnv.put("NEWSROOM_ALERTS_MAX_CLIENTS", "100000");
        serviceEnv.put("NEWSROOM_ALERTS_MAX_CLIENTS_PER_ADDRESS", "100000");
        serviceEnv.putAll(options.serviceEnvironment());
        OUT.println("bench: starting a private stack in " + home + " (log: " + projectDir.relativize(logFile) + ")");
        LocalStack stack = new LocalStack(config, line -> {
            synchronized (log) {
                log.println(line);
            }
        }, serviceEnv);
        Thread cleanup = new Thread(() -> {
            stack.close();
            BenchVertx.close();
            deleteTree(home);
        }, "bench-stop");
        Runtime.getRuntime().addShutdownHook(cleanup);
        List<ScenarioResult> results = new ArrayList<>();
        boolean errors = false;
        OffsetDateTime started = OffsetDateTime.now();
        try {
            long t0 = System.nanoTime();
            stack.start();
            OUT.println("bench: stack ready in " + Fmt.seconds((System.nanoTime() - t0) / 1e9));
            stack.addresses().forEach(a -> OUT.println("  " + a));
            BenchContext context = new BenchContext(stack, options, sharedDir, projectDir, line -> {
                synchronized (log) {
                    log.println(line);
                }
            });
            for (String name : RUN_ORDER) {
                if (!scenarios.contains(name)) {
                    continue;
                }
                ScenarioResult result = new ScenarioResult(name, OffsetDateTime.now());
                OUT.println();
                OUT.println("bench: === " + name + " ===");
                long s0 = System.nanoTime();
                String loadBefore = MachineInfo.loadAverage();
                try {
                    all.get(name).run(context, result);
                } catch (Exception | AssertionError e) {
                    errors = true;
                    String message = e.getMessage() == null ? e.toString() : e.getMessage();
                    result.row("run", "error", null, null, Row.Verdict.ERROR);
                    result.note("The scenario failed: " + NewsroomApi.abbreviate(message));
                    OUT.println("bench: " + name + " failed: " + message);
                    e.printStackTrace(log);
                }
                result.note("Scenario wall time " + Fmt.seconds((System.nanoTime() - s0) / 1e9) + "; load average (1/5/15 min) "
                        + loadBefore + " at its start, " + MachineInfo.loadAverage() + " at its end.");
                results.add(result);
                OUT.println();
                OUT.print(Report.consoleTable(result.rows()));
            }
        } catch (RuntimeException e) {
            OUT.println("bench: the stack did not start: " + e.getMessage() + " (see " + logFile + ")");
            errors = true;
        } finally {
            Runtime.getRuntime().removeShutdownHook(cleanup);
            cleanup.run();
            log.close();
        }
        if (!results.isEmpty()) {
            results.sort(Comparator.comparingInt(r -> Report.SCENARIO_ORDER.indexOf(r.scenario())));
            List<Row> rows = results.stream().flatMap(r -> r.rows().stream()).toList();
            OUT.println();
            OUT.print(Report.consoleTable(rows));
            RunInfo run = new RunInfo(started, command(args), MachineInfo.describe(), versions(), settings(config, options));
            Path doc = projectDir.resolve("docs/benchmarks.md");
            Files.createDirectories(doc.getParent());
            String previous = Files.exists(doc) ? Files.readString(doc, StandardCharsets.UTF_8) : null;
            Files.writeString(doc, Report.render(previous, results, run), StandardCharsets.UTF_8);
            OUT.println();
            OUT.println("bench: written to " + projectDir.relativize(doc));
        }
        System.exit(errors ? 1 : 0);
    }

    /** The scenarios named on the command line (none or {@code all}: every one), validated. */
    static List<String> selection(String[] args) {
        Set<String> chosen = new LinkedHashSet<>();
        for (String arg : args) {
            String name = arg.trim().toLowerCase(java.util.Locale.ROOT);
            if (name.equals("all")) {
                chosen.addAll(RUN_ORDER);
            } else if (RUN_ORDER.contains(name)) {
                chosen.add(name);
            } else {
                throw new IllegalArgumentException("unknown scenario '" + arg + "'");
            }
        }
        if (chosen.isEmpty()) {
            chosen.addAll(RUN_ORDER);
        }
        return List.copyOf(chosen);
    }

    static Map<String, Scenario> scenarios() {
        Map<String, Scenario> map = new LinkedHashMap<>();
        for (Scenario s : List.of(new IngestScenario(), new ReadScenario(), new SearchScenario(), new FanoutScenario(),
                new StreamScenario(), new MediaScenario())) {
            map.put(s.name(), s);
        }
        return map;
    }

    private static String command(String[] args) {
        StringBuilder command = new StringBuilder();
        System.getenv().entrySet().stream().filter(e -> e.getKey().startsWith("NEWSROOM_BENCH_")
                        || e.getKey().equals("NEWSROOM_SERVICE_HEAP") || e.getKey().equals("NEWSROOM_KAFKA_HEAP"))
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> command.append(e.getKey()).append('=').append(e.getValue()).append(' '));
        command.append("./newsroom bench");
        for (String arg : args) {
            command.append(' ').append(arg);
        }
        return command.toString();
    }

    private static Map<String, String> versions() {
        Map<String, String> versions = new LinkedHashMap<>(MachineInfo.versions());
        WrkLoadGenerator.find().ifPresent(w -> versions.put("wrk", w.name().replace("wrk ", "")));
        NginxServer.find().ifPresent(n -> versions.put("nginx", NginxServer.version(n).replace("nginx ", "")));
        return versions;
    }

    private static List<String> settings(StackConfig config, BenchOptions options) {
        return List.of("stack: services `-Xmx" + config.serviceHeap() + " -XX:+UseSerialGC` with `"
                        + String.join(" ", options.serviceJvmOptions()) + "` (overrides the local stack's C1-only start-up setting), "
                        + "Kafka `-Xmx" + config.kafkaHeap() + "`, embedded PostgreSQL with `fsync=on`; everything on this one machine",
                "windows: " + options.warmup().toSeconds() + " s warm-up, " + options.duration().toSeconds() + " s measured"
                        + (options.serviceEnvironment().isEmpty() ? ""
                        : "; services' environment changed for this run: `" + options.serviceEnvironment() + "`"));
    }

    /** Copies each service's {@code target/quarkus-app} into {@code into/<module>/target/quarkus-app}. */
    static Path snapshotServices(Path projectDir, Path into) throws IOException {
        for (String module : List.of("ingest-service", "article-service", "notify-service", "media-service")) {
            Path from = projectDir.resolve(module).resolve("target/quarkus-app");
            if (!Files.isRegularFile(from.resolve("quarkus-run.jar"))) {
                throw new IllegalStateException(from.resolve("quarkus-run.jar") + " is missing: build with "
                        + "./mvnw -B package -DskipTests");
            }
            Path to = into.resolve(module).resolve("target/quarkus-app");
            try (Stream<Path> files = Files.walk(from)) {
                for (Path file : files.toList()) {
                    Path target = to.resolve(from.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(file, target);
                    }
                }
            }
        }
        return into;
    }

    static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
