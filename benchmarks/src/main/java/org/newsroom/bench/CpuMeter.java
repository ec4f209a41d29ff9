package org.newsroom.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.newsroom.stack.LocalStack;
import org.newsroom.stack.ServiceProcess;

/**
 * CPU time each part of the system used during a measurement (from {@code /proc/<pid>/stat}, Linux only). On a
 * shared machine the throughput depends on what else runs, but the CPU a request costs does not: the report gives
 * both.
 */
public final class CpuMeter {

    private static final double TICKS_PER_SECOND = ticksPerSecond();

    /** CPU seconds per component at one instant. */
    public record Snapshot(Map<String, Double> seconds, long nanoTime) {

        /** What each component used between {@code this} and {@code later}. */
        public Usage until(Snapshot later) {
            Map<String, Double> used = new LinkedHashMap<>();
            later.seconds.forEach((name, s) -> used.put(name, Math.max(0, s - seconds.getOrDefault(name, 0.0))));
            return new Usage(used, (later.nanoTime - nanoTime) / 1e9);
        }
    }

    /** CPU seconds used per component over a wall-clock interval. */
    public record Usage(Map<String, Double> seconds, double wallSeconds) {

        public double of(String component) {
            return seconds.getOrDefault(component, 0.0);
        }

        /** CPU seconds of all components but the benchmark JVM (load generator, receiver, tools). */
        public double system() {
            return seconds.entrySet().stream().filter(e -> !e.getKey().startsWith("bench JVM"))
                    .mapToDouble(Map.Entry::getValue).sum();
        }

        /** Operations per second the system's CPU cost would allow on this machine's cores with nothing else running. */
        public double ceiling(long operations) {
            double perOperation = system() / Math.max(1, operations);
            return perOperation <= 0 ? Double.NaN : Runtime.getRuntime().availableProcessors() / perOperation;
        }

        /** {@code article-service 12.1 s (4.03 ms per request), postgres 2.0 s, ...; 30.0 s wall × 2 cores}. */
        public String describe(long operations, String unit) {
            List<String> parts = new ArrayList<>();
            seconds.forEach((name, s) -> {
                if (s >= 0.05) {
                    parts.add(name + " " + String.format(java.util.Locale.ROOT, "%.1f s", s)
                            + (operations > 0 ? " (" + Fmt.millis(1000 * s / operations) + " per " + unit + ")" : ""));
                }
            });
            return String.join(", ", parts) + " — in " + Fmt.seconds(wallSeconds) + " of wall time on "
                    + Runtime.getRuntime().availableProcessors() + " cores";
        }
    }

    private CpuMeter() {
    }

    /** The stack's components (services, Kafka, PostgreSQL with its backends) and this JVM with the tools it ran. */
    public static Snapshot take(LocalStack stack, Map<String, Long> extraProcessTrees) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (String name : List.of(LocalStack.INGEST, LocalStack.ARTICLE, LocalStack.NOTIFY, LocalStack.MEDIA)) {
            ServiceProcess service = stack.service(name);
            if (service != null && service.pid() > 0) {
                seconds.put(name + "-service", cpu(service.pid(), false));
            }
        }
        if (stack.kafka() != null && stack.kafka().pid() > 0) {
            seconds.put("kafka", cpu(stack.kafka().pid(), false));
        }
        if (stack.s3() != null && stack.s3().pid() > 0) {
            seconds.put("s3 (S3Proxy)", cpu(stack.s3().pid(), false));
        }
        long postmaster = postmasterPid(stack);
        if (postmaster > 0) {
            seconds.put("postgres", tree(postmaster));
        }
        extraProcessTrees.forEach((name, pid) -> seconds.put(name, tree(pid)));
        seconds.put("bench JVM + tools", cpu(ProcessHandle.current().pid(), true));
        return new Snapshot(seconds, System.nanoTime());
    }

    public static Snapshot take(LocalStack stack) {
        return take(stack, Map.of());
    }

    private static long postmasterPid(LocalStack stack) {
        try {
            Path pidFile = stack.config().home().resolve("postgres/postmaster.pid");
            return Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** A process and its live children (and, through the parent's counters, its exited ones). */
    static double tree(long pid) {
        double total = cpu(pid, true);
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                long[] stat = stat(Long.parseLong(proc.getFileName().toString()));
                if (stat != null && stat[0] == pid) {
                    total += (stat[1] + stat[2]) / TICKS_PER_SECOND;
                }
            }
        } catch (IOException ignored) {
            // not Linux
        }
        return total;
    }

    /** utime + stime (and cutime + cstime of waited-for children when asked) in seconds. */
    static double cpu(long pid, boolean withChildren) {
        long[] stat = stat(pid);
        if (stat == null) {
            return 0;
        }
        return (stat[1] + stat[2] + (withChildren ? stat[3] + stat[4] : 0)) / TICKS_PER_SECOND;
    }

    /** {ppid, utime, stime, cutime, cstime} of a process, or null. */
    static long[] stat(long pid) {
        try {
            return parseStat(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Parses {@code /proc/<pid>/stat}: fields after the command name, which may itself hold spaces and parentheses. */
    static long[] parseStat(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        // f[0] = state (field 3), f[1] = ppid (4), f[11] = utime (14), f[12] = stime (15), f[13] = cutime, f[14] = cstime
        return new long[] {Long.parseLong(f[1]), Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[13]),
            Long.parseLong(f[14])};
    }

    private static double ticksPerSecond() {
        try {
            return Double.parseDouble(Tools.output(List.of("getconf", "CLK_TCK"), 5).trim());
        } catch (RuntimeException e) {
            return 100;
        }
    }
}
