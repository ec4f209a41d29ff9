package org.newsroom.bench;

import java.util.Map;
import java.util.TreeMap;

/** What a load run measured within its measurement window (after warm-up). */
public record LoadResult(String generator, long requests, double seconds, LatencySummary latency,
        Map<Integer, Long> statusCounts, long errors) {

    public LoadResult {
        statusCounts = new TreeMap<>(statusCounts);
    }

    /** Completed requests per second, whatever their status. */
    public double requestsPerSecond() {
        return seconds <= 0 ? Double.NaN : requests / seconds;
    }

    /** Answers with the given status per second. */
    public double perSecond(int status) {
        return seconds <= 0 ? Double.NaN : statusCounts.getOrDefault(status, 0L) / seconds;
    }

    /** Answers outside 2xx/3xx (wrk counts those together when it cannot tell them apart: key 0). */
    public long unexpected() {
        return statusCounts.entrySet().stream().filter(e -> e.getKey() < 200 || e.getKey() >= 400)
                .mapToLong(Map.Entry::getValue).sum();
    }

    @Override
    public String toString() {
        return generator + ": " + Fmt.count(requests) + " requests in " + Fmt.seconds(seconds) + " = "
                + Fmt.perSecond(requestsPerSecond()) + ", " + latency + ", statuses " + statusCounts + ", errors " + errors;
    }
}
