package org.newsroom.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A closed-loop HTTP load: {@code connections} clients each send the next request as soon as the previous answer
 * arrived, cycling through {@code urls}; answers during {@code warmup} are not counted.
 */
public record LoadSpec(String method, List<String> urls, Map<String, String> headers, byte[] body, int connections,
        Duration warmup, Duration duration) {

    public LoadSpec {
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("no url");
        }
        if (connections < 1) {
            throw new IllegalArgumentException("connections must be at least 1");
        }
        urls = List.copyOf(urls);
        headers = Map.copyOf(headers);
    }

    /** The warm-up alone, as a run of its own. */
    public LoadSpec warmupRun() {
        return new LoadSpec(method, urls, headers, body, connections, Duration.ZERO, warmup);
    }

    /** The measurement alone, as a run of its own (after {@link #warmupRun()}). */
    public LoadSpec measuredRun() {
        return new LoadSpec(method, urls, headers, body, connections, Duration.ZERO, duration);
    }

    public static LoadSpec get(String url, int connections, Duration warmup, Duration duration) {
        return new LoadSpec("GET", List.of(url), Map.of(), null, connections, warmup, duration);
    }
}
