package org.newsroom.bench;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses what {@code wrk --latency} prints (no Lua script): request count, duration, latency percentiles, errors. */
public final class WrkOutput {

    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in ([\\d.]+)(us|ms|s|m|h),");
    private static final Pattern PERCENTILE = Pattern.compile("^\\s*(50|75|90|99)(?:\\.\\d+)?%\\s+([\\d.]+)(us|ms|s|m|h)\\s*$",
            Pattern.MULTILINE);
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile(
            "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
    private static final Pattern MAX = Pattern.compile("^\\s*Latency\\s+\\S+\\s+\\S+\\s+([\\d.]+)(us|ms|s|m|h)", Pattern.MULTILINE);
    private static final Pattern MEAN = Pattern.compile("^\\s*Latency\\s+([\\d.]+)(us|ms|s|m|h)", Pattern.MULTILINE);

    private WrkOutput() {
    }

    /** @throws IllegalArgumentException when the text is not wrk's report */
    public static LoadResult parse(String generator, String text) {
        Matcher requests = REQUESTS.matcher(text);
        if (!requests.find()) {
            throw new IllegalArgumentException("not a wrk report: " + text);
        }
        long count = Long.parseLong(requests.group(1));
        double seconds = toMillis(requests.group(2), requests.group(3)) / 1000.0;
        double p50 = Double.NaN;
        double p99 = Double.NaN;
        Matcher percentile = PERCENTILE.matcher(text);
        while (percentile.find()) {
            double ms = toMillis(percentile.group(2), percentile.group(3));
            switch (percentile.group(1)) {
                case "50" -> p50 = ms;
                case "99" -> p99 = ms;
                default -> { }
            }
        }
        Matcher max = MAX.matcher(text);
        double maxMs = max.find() ? toMillis(max.group(1), max.group(2)) : Double.NaN;
        Matcher mean = MEAN.matcher(text);
        double meanMs = mean.find() ? toMillis(mean.group(1), mean.group(2)) : Double.NaN;
        Matcher non2xx = NON_2XX.matcher(text);
        long bad = non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0;
        long errors = 0;
        Matcher socket = SOCKET_ERRORS.matcher(text);
        if (socket.find()) {
            for (int g = 1; g <= 4; g++) {
                errors += Long.parseLong(socket.group(g));
            }
        }
        // wrk does not tell statuses apart: key 200 holds the 2xx/3xx answers, key 0 the others.
        Map<Integer, Long> statuses = bad == 0 ? Map.of(200, count) : Map.of(200, count - bad, 0, bad);
        return new LoadResult(generator, count, seconds,
                new LatencySummary(count, p50, Double.NaN, p99, maxMs, meanMs, Double.NaN), statuses, errors);
    }

    static double toMillis(String number, String unit) {
        double value = Double.parseDouble(number);
        return switch (unit.toLowerCase(Locale.ROOT)) {
            case "us" -> value / 1000.0;
            case "ms" -> value;
            case "s" -> value * 1000.0;
            case "m" -> value * 60_000.0;
            case "h" -> value * 3_600_000.0;
            default -> throw new IllegalArgumentException("unknown unit " + unit);
        };
    }
}
