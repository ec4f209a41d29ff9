package org.newsroom.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import org.newsroom.stack.LocalStack;
import org.newsroom.stack.ServiceProcess;

/**
 * Optional profiling of the services during a scenario ({@code NEWSROOM_BENCH_PROFILE=article,notify}): a JFR
 * recording started and dumped with {@code jcmd}, then summarised (hottest methods, busiest threads, GC pauses) into
 * the scenario's notes.
 */
public final class Profiler {

    private final LocalStack stack;
    private final List<String> services;
    private final Path dir;
    private final Consumer<String> progress;

    public Profiler(LocalStack stack, List<String> services, Path dir, Consumer<String> progress) {
        this.stack = stack;
        this.services = services;
        this.dir = dir;
        this.progress = progress;
    }

    /** A recording on each profiled service; close it to dump and summarise. */
    public Session start(String scenario) {
        return new Session(scenario);
    }

    /** One scenario's recordings. */
    public final class Session {
        private final String scenario;
        private final String name;
        private final List<String> started = new ArrayList<>();

        private Session(String scenario) {
            this.scenario = scenario;
            this.name = "bench-" + scenario;
            for (String service : services) {
                ServiceProcess process = stack.service(service);
                if (process == null || !process.isAlive()) {
                    continue;
                }
                String out = jcmd(process.pid(), "JFR.start", "name=" + name, "settings=profile");
                if (out.contains("Started recording")) {
                    started.add(service);
                } else {
                    progress.accept("profiling " + service + " did not start: " + out);
                }
            }
        }

        /** Dumps the recordings and adds their summaries to the result's notes. */
        public void stop(ScenarioResult result) {
            for (String service : started) {
                ServiceProcess process = stack.service(service);
                try {
                    Files.createDirectories(dir);
                    Path file = dir.resolve(scenario + "-" + service + ".jfr").toAbsolutePath();
                    jcmd(process.pid(), "JFR.dump", "name=" + name, "filename=" + file);
                    jcmd(process.pid(), "JFR.stop", "name=" + name);
                    String summary = summarise(file);
                    progress.accept("profile of " + service + " during " + scenario + " (" + file + "):\n" + summary);
                    result.note("Profile of " + service + "-service (JFR `" + dir.relativize(file) + "` in "
                            + "benchmarks/target/jfr):\n" + summary);
                } catch (IOException e) {
                    progress.accept("cannot summarise the profile of " + service + ": " + e);
                }
            }
        }
    }

    /** Top frames, the hottest Newsroom methods (inclusive), busiest threads and GC pauses of a recording. */
    public static String summarise(Path recording) throws IOException {
        Map<String, Integer> topFrames = new HashMap<>();
        Map<String, Integer> newsroom = new HashMap<>();
        Map<String, Integer> threads = new HashMap<>();
        Map<String, Integer> selfPackages = new HashMap<>();
        Map<String, Integer> subsystems = new HashMap<>();
        int samples = 0;
        Duration gcPause = Duration.ZERO;
        int gcs = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            String type = event.getEventType().getName();
            if ("jdk.ExecutionSample".equals(type)) {
                RecordedStackTrace stack = event.getStackTrace();
                if (stack == null || stack.getFrames().isEmpty()) {
                    continue;
                }
                samples++;
                topFrames.merge(frame(stack.getFrames().get(0)), 1, Integer::sum);
                selfPackages.merge(packageOf(stack.getFrames().get(0)), 1, Integer::sum);
                Set<String> seen = new HashSet<>();
                Set<String> seenSubsystems = new HashSet<>();
                for (RecordedFrame f : stack.getFrames()) {
                    String method = frame(f);
                    if (method.startsWith("org.newsroom.") && seen.add(method)) {
                        newsroom.merge(method, 1, Integer::sum);
                    }
                    String subsystem = subsystem(method);
                    if (subsystem != null && seenSubsystems.add(subsystem)) {
                        subsystems.merge(subsystem, 1, Integer::sum);
                    }
                }
                String thread = event.getThread("sampledThread") == null ? "?" : event.getThread("sampledThread").getJavaName();
                threads.merge(thread == null ? "?" : thread.replaceAll("-\\d+$", "-N").replaceAll("#\\d+", "#N"), 1, Integer::sum);
            } else if ("jdk.GarbageCollection".equals(type)) {
                gcs++;
                gcPause = gcPause.plus(event.getDuration("sumOfPauses"));
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(samples).append(" CPU samples; ").append(gcs).append(" GCs, ").append(gcPause.toMillis())
                .append(" ms paused\n");
        out.append("self time by package: ").append(top(selfPackages, samples, 8)).append('\n');
        out.append("on the stack (inclusive): ").append(top(subsystems, samples, 12)).append('\n');
        out.append("top frames: ").append(top(topFrames, samples, 8)).append('\n');
        out.append("Newsroom code on the stack: ").append(top(newsroom, samples, 8)).append('\n');
        out.append("busiest threads: ").append(top(threads, samples, 5));
        return out.toString();
    }

    /** Subsystems worth naming when they show up on a stack, by class-name prefix. */
    private static final String[][] SUBSYSTEMS = {
        {"org.hibernate.", "Hibernate ORM"}, {"io.agroal.", "Agroal pool"}, {"org.postgresql.", "PostgreSQL JDBC"},
        {"com.fasterxml.jackson.", "Jackson"}, {"io.smallrye.jwt.", "JWT"}, {"org.jose4j.", "JWT (jose4j)"},
        {"io.netty.", "Netty"}, {"io.vertx.", "Vert.x"}, {"org.jboss.resteasy.reactive.", "Quarkus REST"},
        {"io.quarkus.security.", "Quarkus security"}, {"io.micrometer.", "Micrometer"}, {"org.jboss.logmanager.", "logging"},
        {"org.apache.kafka.", "Kafka client"}, {"io.smallrye.reactive.messaging.", "Reactive Messaging"},
        {"org.apache.lucene.", "Lucene analysis"}, {"io.smallrye.mutiny.", "Mutiny"}, {"com.arjuna.", "Narayana JTA"},
        {"io.quarkus.narayana.", "Narayana JTA"}, {"org.hibernate.validator.", "Bean Validation"},
        {"sun.security.", "JDK crypto"}, {"javax.crypto.", "JDK crypto"}, {"java.util.regex.", "regex"},
        {"java.text.Normalizer", "Unicode NFC"}, {"jdk.internal.icu.", "Unicode NFC"}, {"org.newsroom.", "Newsroom code"},
    };

    static String subsystem(String method) {
        String found = null;
        for (String[] s : SUBSYSTEMS) {
            if (method.startsWith(s[0])) {
                found = s[1];
            }
        }
        return found;
    }

    private static String packageOf(RecordedFrame f) {
        String type = f.getMethod().getType().getName();
        String[] parts = type.split("\\.");
        int keep = Math.min(parts.length - 1, 3);
        return keep <= 0 ? type : String.join(".", java.util.Arrays.copyOf(parts, keep));
    }

    private static String frame(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    private static String top(Map<String, Integer> counts, int total, int n) {
        if (counts.isEmpty()) {
            return "none";
        }
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(n)
                .map(e -> String.format(java.util.Locale.ROOT, "`%s` %.0f%%", e.getKey(), 100.0 * e.getValue() / Math.max(1, total)))
                .collect(Collectors.joining(", "));
    }

    private static String jcmd(long pid, String... command) {
        List<String> args = new ArrayList<>();
        args.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        args.add(Long.toString(pid));
        args.addAll(List.of(command));
        return Tools.output(args, 60);
    }
}
