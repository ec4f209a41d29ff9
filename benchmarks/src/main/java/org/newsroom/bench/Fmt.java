package org.newsroom.bench;

import java.util.Locale;

/** Number formatting shared by the table and the notes, so that every figure reads the same way. */
public final class Fmt {
    private Fmt() {
    }

    /** A rate per second: {@code 12,345/s}, or with one decimal below 100. */
    public static String perSecond(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "—";
        }
        return (value < 100 ? String.format(Locale.ROOT, "%.1f", value) : String.format(Locale.ROOT, "%,.0f", value)) + "/s";
    }

    /** Milliseconds with sensible precision: {@code 0.42 ms}, {@code 3.1 ms}, {@code 120 ms}. */
    public static String millis(double ms) {
        if (Double.isNaN(ms) || Double.isInfinite(ms)) {
            return "—";
        }
        if (ms < 1) {
            return String.format(Locale.ROOT, "%.2f ms", ms);
        }
        if (ms < 100) {
            return String.format(Locale.ROOT, "%.1f ms", ms);
        }
        return String.format(Locale.ROOT, "%,.0f ms", ms);
    }

    /** Seconds with one decimal: {@code 12.3 s}. */
    public static String seconds(double s) {
        if (Double.isNaN(s) || Double.isInfinite(s)) {
            return "—";
        }
        return String.format(Locale.ROOT, "%.2f s", s);
    }

    /** A ratio of a figure to its baseline: {@code 0.42×}. */
    public static String ratio(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "—";
        }
        return String.format(Locale.ROOT, "%.2f×", value);
    }

    /** An integer count with thousands separators. */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
