package org.newsroom.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/** What a benchmark ran on (cores, memory, Java, OS, limits) and with which versions, for the report. */
public final class MachineInfo {
    private MachineInfo() {
    }

    /** One line: {@code 2 cores (AMD EPYC), 23.5 GiB RAM, OpenJDK 17.0.15+6, Debian GNU/Linux 12 (Linux 6.1 amd64)}. */
    public static String describe() {
        String cpu = firstValue(Path.of("/proc/cpuinfo"), "model name").map(m -> " (" + m + ")").orElse("");
        String memory = firstValue(Path.of("/proc/meminfo"), "MemTotal")
                .map(v -> String.format(Locale.ROOT, "%.1f GiB RAM", Long.parseLong(v.replaceAll("\\D", "")) / 1024.0 / 1024.0))
                .orElse("memory unknown");
        String os = osRelease().orElse(System.getProperty("os.name"));
        return Runtime.getRuntime().availableProcessors() + " cores" + cpu + ", " + memory + ", "
                + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + ", "
                + os + " (" + System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch") + ")";
    }

    /** Soft and hard limit of open files of this process, e.g. {@code 20000/20000}. */
    public static String openFilesLimit() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (line.startsWith("Max open files")) {
                    String[] parts = line.substring("Max open files".length()).trim().split("\\s+");
                    return parts[0] + " soft / " + parts[1] + " hard";
                }
            }
        } catch (IOException ignored) {
            // not Linux
        }
        return "unknown";
    }

    /** The 1, 5 and 15 minute load averages, e.g. {@code 1.52 0.80 0.40} (other work on the machine skews results). */
    public static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** Versions of the parts under test, from the build ({@code newsroom/bench-versions.properties}). */
    public static Map<String, String> versions() {
        Map<String, String> versions = new LinkedHashMap<>();
        Properties p = new Properties();
        try (InputStream in = MachineInfo.class.getClassLoader().getResourceAsStream("newsroom/bench-versions.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException ignored) {
            // versions stay unknown
        }
        versions.put("Quarkus", p.getProperty("quarkus", "?"));
        versions.put("Kafka", p.getProperty("kafka", "?"));
        versions.put("PostgreSQL (embedded binaries)", p.getProperty("postgresql", "?"));
        versions.put("Java", System.getProperty("java.runtime.version"));
        return versions;
    }

    private static Optional<String> osRelease() {
        return firstValue(Path.of("/etc/os-release"), "PRETTY_NAME").map(v -> v.replace("\"", ""));
    }

    private static Optional<String> firstValue(Path file, String key) {
        try {
            for (String line : Files.readAllLines(file)) {
                int sep = line.indexOf(line.contains("=") && !line.contains(":") ? '=' : ':');
                if (sep > 0 && line.substring(0, sep).trim().equals(key)) {
                    return Optional.of(line.substring(sep + 1).trim());
                }
            }
        } catch (IOException ignored) {
            // not there
        }
        return Optional.empty();
    }
}
