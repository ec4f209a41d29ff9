package org.newsroom.bench;

import org.HdrHistogram.Histogram;

/** The percentiles a benchmark reports, in milliseconds, taken from a histogram of microseconds. */
public record LatencySummary(long count, double p50, double p95, double p99, double max, double mean, double min) {

    public static final LatencySummary EMPTY = new LatencySummary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    /** @param micros a histogram whose values are microseconds */
    public static LatencySummary ofMicros(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return EMPTY;
        }
        return new LatencySummary(micros.getTotalCount(),
                micros.getValueAtPercentile(50) / 1000.0,
                micros.getValueAtPercentile(95) / 1000.0,
                micros.getValueAtPercentile(99) / 1000.0,
                micros.getMaxValue() / 1000.0,
                micros.getMean() / 1000.0,
                micros.getMinValue() / 1000.0);
    }

    /** A histogram sized for HTTP latencies: 1 µs to 10 min, 3 significant digits. */
    public static Histogram newMicrosHistogram() {
        return new Histogram(1, 600_000_000L, 3);
    }

    @Override
    public String toString() {
        return "p50 " + Fmt.millis(p50) + ", p95 " + Fmt.millis(p95) + ", p99 " + Fmt.millis(p99) + ", max " + Fmt.millis(max)
                + " (" + Fmt.count(count) + " samples)";
    }
}
