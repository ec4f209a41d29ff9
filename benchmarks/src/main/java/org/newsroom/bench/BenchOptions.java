package org.newsroom.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Settings of a benchmark run, from {@code NEWSROOM_BENCH_*} environment variables (see docs/benchmarks.md). */
public record BenchOptions(
        Duration warmup,
        Duration duration,
        int connections,
        int searchConnections,
        int corpus,
        int subscriptions,
        int apiSubscriptions,
        int sseClients,
        int webhookHosts,
        int mediaPhotos,
        String loadGenerator,
        List<String> serviceJvmOptions,
        List<String> profile,
        java.util.Map<String, String> serviceEnvironment) {

    public static BenchOptions fromEnvironment(Map<String, String> env) {
        return new BenchOptions(
                Duration.ofSeconds(integer(env, "NEWSROOM_BENCH_WARMUP", 10, 0)),
                Duration.ofSeconds(integer(env, "NEWSROOM_BENCH_DURATION", 15, 1)),
                integer(env, "NEWSROOM_BENCH_CONNECTIONS", 32, 1),
                integer(env, "NEWSROOM_BENCH_SEARCH_CONNECTIONS", 4, 1),
                integer(env, "NEWSROOM_BENCH_CORPUS", 100_000, 1),
                integer(env, "NEWSROOM_BENCH_SUBSCRIPTIONS", 100_000, 1),
                integer(env, "NEWSROOM_BENCH_API_SUBSCRIPTIONS", 1_000, 0),
                integer(env, "NEWSROOM_BENCH_SSE_CLIENTS", 10_000, 1),
                Math.min(250, integer(env, "NEWSROOM_BENCH_WEBHOOK_HOSTS", 64, 1)),
                integer(env, "NEWSROOM_BENCH_MEDIA_PHOTOS", 20, 1),
                env.getOrDefault("NEWSROOM_BENCH_LOADGEN", "auto").trim(),
                words(env.getOrDefault("NEWSROOM_BENCH_SERVICE_JVM_OPTIONS", "-XX:TieredStopAtLevel=4")),
                Arrays.stream(env.getOrDefault("NEWSROOM_BENCH_PROFILE", "").split(","))
                        .map(String::trim).filter(s -> !s.isEmpty()).toList(),
                assignments(env.getOrDefault("NEWSROOM_BENCH_SERVICE_ENV", "")));
    }

    private static int integer(Map<String, String> env, String name, int fallback, int min) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < min) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number ≥ " + min + ", got '" + value + "'");
        }
    }

    /** {@code KEY=VALUE KEY2=VALUE2} (space-separated) as a map, for experiments with service settings. */
    static java.util.Map<String, String> assignments(String value) {
        java.util.Map<String, String> map = new java.util.LinkedHashMap<>();
        for (String word : words(value)) {
            int eq = word.indexOf('=');
            if (eq < 1 || !word.substring(0, eq).matches("[A-Z_][A-Z0-9_]*")) {
                throw new IllegalArgumentException("NEWSROOM_BENCH_SERVICE_ENV takes KEY=VALUE pairs, got '" + word + "'");
            }
            map.put(word.substring(0, eq), word.substring(eq + 1));
        }
        return map;
    }

    private static List<String> words(String value) {
        return Arrays.stream(value.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    }
}
