package org.newsroom.bench;

import java.util.Objects;

/**
 * One line of the benchmark table: a measured figure beside its baseline, the ratio or target it is judged by, and
 * the verdict. Values are already formatted for people.
 */
public record Row(String scenario, String metric, String value, String baseline, String ratioOrTarget, Verdict verdict) {

    /** Whether a figure met its target; {@link #INFO} for figures without one. */
    public enum Verdict {
        PASS("pass"), MISS("miss"), INFO("—"), ERROR("error"), SKIPPED("skipped");

        private final String label;

        Verdict(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public static Verdict ofLabel(String label) {
            for (Verdict v : values()) {
                if (v.label.equals(label.trim())) {
                    return v;
                }
            }
            return INFO;
        }

        public static Verdict of(boolean pass) {
            return pass ? PASS : MISS;
        }
    }

    public Row {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(metric, "metric");
        value = value == null ? "—" : value;
        baseline = baseline == null ? "—" : baseline;
        ratioOrTarget = ratioOrTarget == null ? "—" : ratioOrTarget;
        verdict = verdict == null ? Verdict.INFO : verdict;
    }

    /** A figure with no baseline and no target. */
    public static Row info(String scenario, String metric, String value) {
        return new Row(scenario, metric, value, null, null, Verdict.INFO);
    }
}
