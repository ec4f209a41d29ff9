package org.newsroom.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ReportTest {

    private static final RunInfo RUN = new RunInfo(OffsetDateTime.of(2026, 11, 28, 12, 0, 0, 0, ZoneOffset.UTC),
            "./newsroom bench read", "2 cores, 23.5 GiB RAM", Map.of("Quarkus", "3.33.2"), List.of("windows: 5 s warm-up"));

    private static ScenarioResult result(String scenario, String value) {
        ScenarioResult r = new ScenarioResult(scenario, RUN.date());
        r.row("requests/s", value, "1,000/s nginx", "0.50× (target ≥ 0.50×)", Row.Verdict.PASS);
        r.info("p50 latency", "1.2 ms");
        r.note("a note | with a pipe");
        return r;
    }

    @Test
    void markdownTableEscapesPipesAndRoundTrips() {
        Row row = new Row("read", "a | b", "1", null, null, Row.Verdict.MISS);
        String table = Report.markdownTable(List.of(row));
        assertThat(table).contains("a \\| b").contains("| miss |").startsWith("| scenario | metric |");
        assertThat(Report.parseRows(table)).containsExactly(row);
    }

    @Test
    void renderKeepsSectionsOfScenariosNotRunAgainAndReplacesTheOthers() {
        String first = Report.render(null, List.of(result("ingest", "500/s"), result("read", "900/s")), RUN);
        assertThat(Report.parseBlocks(first)).containsOnlyKeys("ingest", "read");

        String second = Report.render(first, List.of(result("read", "1,100/s")), RUN);
        Map<String, String> blocks = Report.parseBlocks(second);
        assertThat(blocks).containsOnlyKeys("ingest", "read");
        assertThat(blocks.get("ingest")).contains("500/s");
        assertThat(blocks.get("read")).contains("1,100/s").doesNotContain("900/s");
        String summary = second.substring(second.indexOf("## Latest results"), second.indexOf("## Scenarios"));
        assertThat(summary).contains("| ingest | requests/s | 500/s |").contains("| read | requests/s | 1,100/s |");
        assertThat(summary.indexOf("| ingest |")).isLessThan(summary.indexOf("| read |"));
        assertThat(second).contains("./newsroom bench read").contains("## How to run");
    }

    @Test
    void consoleTableAlignsWideCharacters() {
        String table = Report.consoleTable(List.of(Row.info("search", "人工智能 hits", "20"), Row.info("search", "ab", "3")));
        List<String> lines = table.lines().toList();
        assertThat(lines).hasSize(4);
        int column = Report.displayWidth(lines.get(2).substring(0, lines.get(2).indexOf("20")));
        assertThat(Report.displayWidth(lines.get(3).substring(0, lines.get(3).indexOf("3")))).isEqualTo(column);
    }
}
