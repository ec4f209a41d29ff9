package org.newsroom.bench;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** What one scenario produced: its table rows and the notes a reader needs to interpret them. */
public final class ScenarioResult {

    private final String scenario;
    private final OffsetDateTime startedAt;
    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public ScenarioResult(String scenario, OffsetDateTime startedAt) {
        this.scenario = scenario;
        this.startedAt = startedAt;
    }

    public String scenario() {
        return scenario;
    }

    public OffsetDateTime startedAt() {
        return startedAt;
    }

    public List<Row> rows() {
        return rows;
    }

    public List<String> notes() {
        return notes;
    }

    public ScenarioResult row(String metric, String value, String baseline, String ratioOrTarget, Row.Verdict verdict) {
        rows.add(new Row(scenario, metric, value, baseline, ratioOrTarget, verdict));
        return this;
    }

    public ScenarioResult info(String metric, String value) {
        rows.add(Row.info(scenario, metric, value));
        return this;
    }

    public ScenarioResult note(String note) {
        notes.add(note);
        return this;
    }
}
