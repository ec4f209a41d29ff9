package org.newsroom.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.newsroom.stack.KafkaBroker;

/**
 * The ingest baseline: Kafka's own {@code org.apache.kafka.tools.ProducerPerformance} in a child JVM (the broker's
 * class path), {@code acks=all}, idempotent, against the same broker.
 */
public final class ProducerPerf {

    public static final String MAIN_CLASS = "org.apache.kafka.tools.ProducerPerformance";
    private static final Pattern SUMMARY = Pattern.compile(
            "(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), ([\\d.]+) ms avg latency, ([\\d.]+) ms max latency"
                    + "(?:, (\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms 99th)?");

    /** The final line of a run. */
    public record Summary(long records, double recordsPerSecond, double megabytesPerSecond, double avgLatencyMs,
            double maxLatencyMs, double p50Ms, double p99Ms) {
    }

    private ProducerPerf() {
    }

    /** Sends {@code records} records of {@code recordSize} bytes as fast as possible; returns the tool's summary. */
    public static Summary run(String bootstrapServers, String topic, long records, int recordSize, Consumer<String> log) {
        List<String> args = new ArrayList<>(List.of("--topic", topic, "--num-records", Long.toString(records),
                "--record-size", Integer.toString(recordSize), "--throughput", "-1",
                "--producer-props", "bootstrap.servers=" + bootstrapServers, "acks=all", "enable.idempotence=true"));
        ProcessBuilder builder = KafkaBroker.tool("512m", MAIN_CLASS, args);
        try {
            Process process = builder.start();
            StringBuilder all = new StringBuilder();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    all.append(line).append('\n');
                    log.accept("[producer-perf] " + line);
                }
            }
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("ProducerPerformance failed: " + all);
            }
            return parse(all.toString());
        } catch (IOException e) {
            throw new IllegalStateException("cannot run ProducerPerformance", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The summary line (the one with percentiles) of ProducerPerformance's output. */
    public static Summary parse(String output) {
        Summary last = null;
        for (String line : output.split("\n")) {
            Matcher m = SUMMARY.matcher(line);
            if (m.find() && m.group(6) != null) {
                last = new Summary(Long.parseLong(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)),
                        Double.parseDouble(m.group(4)), Double.parseDouble(m.group(5)), Double.parseDouble(m.group(6)),
                        Double.parseDouble(m.group(8)));
            }
        }
        if (last == null) {
            throw new IllegalArgumentException("no summary line in ProducerPerformance output: " + output);
        }
        return last;
    }
}
