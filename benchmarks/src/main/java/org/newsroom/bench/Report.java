package org.newsroom.bench;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Renders results as the console table and as {@code docs/benchmarks.md}. Each scenario's section is kept between
 * markers, so running one scenario replaces its section and keeps the others from earlier runs; the summary table
 * is rebuilt from all sections.
 */
public final class Report {

    public static final List<String> SCENARIO_ORDER = List.of("ingest", "read", "search", "fanout", "stream", "media");
    static final String[] HEADER = {"scenario", "metric", "value", "baseline", "ratio / target", "result"};
    private static final Pattern BLOCK = Pattern.compile(
            "<!-- bench:scenario (\\w+) -->\\n(.*?)<!-- /bench:scenario \\1 -->", Pattern.DOTALL);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    private Report() {
    }

    /** A markdown table of the rows. */
    public static String markdownTable(List<Row> rows) {
        StringBuilder out = new StringBuilder();
        out.append("| ").append(String.join(" | ", HEADER)).append(" |\n");
        out.append("|---|---|---:|---:|---|---|\n");
        for (Row row : rows) {
            out.append("| ").append(String.join(" | ", cells(row).stream().map(Report::escape).toList())).append(" |\n");
        }
        return out.toString();
    }

    /** The same table as aligned plain text for the terminal. */
    public static String consoleTable(List<Row> rows) {
        List<List<String>> lines = new ArrayList<>();
        lines.add(List.of(HEADER));
        rows.forEach(r -> lines.add(cells(r)));
        int[] widths = new int[HEADER.length];
        for (List<String> line : lines) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], displayWidth(line.get(i)));
            }
        }
        StringBuilder out = new StringBuilder();
        for (int l = 0; l < lines.size(); l++) {
            List<String> line = lines.get(l);
            for (int i = 0; i < widths.length; i++) {
                String cell = line.get(i);
                out.append(cell).append(" ".repeat(widths[i] - displayWidth(cell) + (i < widths.length - 1 ? 2 : 0)));
            }
            out.setLength(out.length() - countTrailingSpaces(out));
            out.append('\n');
            if (l == 0) {
                int total = 0;
                for (int w : widths) {
                    total += w + 2;
                }
                out.append("-".repeat(total - 2)).append('\n');
            }
        }
        return out.toString();
    }

    /** The whole {@code docs/benchmarks.md}: earlier sections of scenarios not run now are kept. */
    public static String render(String previous, List<ScenarioResult> results, RunInfo run) {
        Map<String, String> blocks = new LinkedHashMap<>(previous == null ? Map.of() : parseBlocks(previous));
        for (ScenarioResult result : results) {
            blocks.put(result.scenario(), scenarioBlock(result, run));
        }
        List<String> order = new ArrayList<>(SCENARIO_ORDER);
        blocks.keySet().stream().filter(k -> !order.contains(k)).forEach(order::add);
        List<Row> all = new ArrayList<>();
        StringBuilder sections = new StringBuilder();
        for (String scenario : order) {
            String block = blocks.get(scenario);
            if (block == null) {
                continue;
            }
            all.addAll(parseRows(block));
            sections.append("<!-- bench:scenario ").append(scenario).append(" -->\n").append(block)
                    .append("<!-- /bench:scenario ").append(scenario).append(" -->\n\n");
        }
        return "# Benchmarks\n\n"
                + "Written by `./newsroom bench` (module `benchmarks`); do not edit by hand: each run replaces the sections of\n"
                + "the scenarios it ran and keeps the others. How to run them and what each measures: see the end of this page.\n\n"
                + "## Latest results\n\n"
                + markdownTable(all) + "\n"
                + "Each scenario's section below says when and on what it ran.\n\n"
                + "## Scenarios\n\n"
                + sections
                + HOW_TO;
    }

    /** One scenario's section (without its markers). */
    public static String scenarioBlock(ScenarioResult result, RunInfo run) {
        StringBuilder out = new StringBuilder();
        out.append("### ").append(result.scenario()).append(" — ")
                .append(DATE.format(result.startedAt().withOffsetSameInstant(ZoneOffset.UTC))).append("\n\n");
        out.append("- command: `").append(run.command()).append("`\n");
        out.append("- machine: ").append(run.machine()).append('\n');
        out.append("- versions: ").append(run.versions().entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))).append('\n');
        run.settings().forEach(s -> out.append("- ").append(s).append('\n'));
        out.append('\n').append(markdownTable(result.rows())).append('\n');
        if (!result.notes().isEmpty()) {
            out.append("Notes:\n");
            result.notes().forEach(n -> out.append("- ").append(n.replace("\n", "\n  ")).append('\n'));
            out.append('\n');
        }
        return out.toString();
    }

    /** The sections of an earlier report by scenario name. */
    public static Map<String, String> parseBlocks(String doc) {
        Map<String, String> blocks = new LinkedHashMap<>();
        Matcher m = BLOCK.matcher(doc);
        while (m.find()) {
            blocks.put(m.group(1), m.group(2));
        }
        return blocks;
    }

    /** The table rows of a section. */
    public static List<Row> parseRows(String block) {
        List<Row> rows = new ArrayList<>();
        for (String line : block.split("\n")) {
            if (!line.startsWith("| ") || line.startsWith("| scenario |")) {
                continue;
            }
            List<String> cells = splitCells(line);
            if (cells.size() == HEADER.length) {
                rows.add(new Row(cells.get(0), cells.get(1), cells.get(2), cells.get(3), cells.get(4),
                        Row.Verdict.ofLabel(cells.get(5))));
            }
        }
        return rows;
    }

    private static List<String> cells(Row row) {
        return List.of(row.scenario(), row.metric(), row.value(), row.baseline(), row.ratioOrTarget(), row.verdict().label());
    }

    private static String escape(String cell) {
        return cell.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ");
    }

    private static List<String> splitCells(String line) {
        String inner = line.strip();
        inner = inner.substring(1, inner.length() - (inner.endsWith("|") ? 1 : 0));
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '\\' && i + 1 < inner.length()) {
                cell.append(inner.charAt(++i));
            } else if (c == '|') {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString().strip());
        return cells;
    }

    /** Terminal columns of a string: CJK and full-width characters take two. */
    static int displayWidth(String s) {
        int width = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            boolean wide = script == Character.UnicodeScript.HAN || (cp >= 0xFF00 && cp <= 0xFF60)
                    || (cp >= 0x3000 && cp <= 0x303F);
            width += wide ? 2 : 1;
        }
        return width;
    }

    private static int countTrailingSpaces(StringBuilder out) {
        int n = 0;
        while (n < out.length() && out.charAt(out.length() - 1 - n) == ' ') {
            n++;
        }
        return n;
    }

    static final String HOW_TO = """
            ## How to run

            ```bash
            ./newsroom bench            # all scenarios (about 15–25 minutes on 2 cores)
            ./newsroom bench read       # one scenario: ingest | read | search | fanout | stream | media
            ./newsroom bench read search
            ```

            Each run builds what is missing, starts its own Kafka, PostgreSQL and the packaged services (media-service
            and S3Proxy only for the media scenario) on free loopback ports with a temporary state directory (never the
            `.newsroom/` of `./newsroom up`), runs the scenarios, prints the table and rewrites this page. The stack's log is `benchmarks/target/bench-stack.log`.
            `wrk` and `nginx` (Debian packages `wrk`, `nginx-light`) are used when they are on the `PATH`; without them
            the Java load generator runs and the nginx baseline is skipped with a note.

            | variable | default | meaning |
            |---|---|---|
            | `NEWSROOM_BENCH_DURATION` | 15 | measurement window of each load run, seconds |
            | `NEWSROOM_BENCH_WARMUP` | 10 | warm-up before each measurement, seconds |
            | `NEWSROOM_BENCH_CONNECTIONS` | 32 | concurrent connections (ingest, read) |
            | `NEWSROOM_BENCH_SEARCH_CONNECTIONS` | 4 | concurrent searchers |
            | `NEWSROOM_BENCH_CORPUS` | 100000 | generated articles for search |
            | `NEWSROOM_BENCH_SUBSCRIPTIONS` | 100000 | webhook subscriptions for fan-out |
            | `NEWSROOM_BENCH_API_SUBSCRIPTIONS` | 1000 | of those, how many are created through the API (the rest are inserted) |
            | `NEWSROOM_BENCH_SSE_CLIENTS` | 10000 | concurrent SSE clients for stream |
            | `NEWSROOM_BENCH_WEBHOOK_HOSTS` | 64 | loopback addresses (127.0.0.1…) the fan-out subscribers are spread over |
            | `NEWSROOM_BENCH_MEDIA_PHOTOS` | 20 | 12-megapixel photos uploaded by media |
            | `NEWSROOM_BENCH_LOADGEN` | auto | `wrk` or `java`: force a load generator for read |
            | `NEWSROOM_BENCH_SERVICE_JVM_OPTIONS` | `-XX:TieredStopAtLevel=4` | extra JVM options of the services (the local stack runs them C1-only for fast start; benchmarks re-enable C2) |
            | `NEWSROOM_BENCH_SERVICE_ENV` | — | `KEY=VALUE …` added to every service's environment, to try a setting (named in the report) |
            | `NEWSROOM_BENCH_PROFILE` | — | comma-separated services (`ingest,article,notify`) to record with JFR into `benchmarks/target/jfr/` |
            | `NEWSROOM_SERVICE_HEAP` / `NEWSROOM_KAFKA_HEAP` | 256m / 384m | as for `./newsroom up` |

            ## What each scenario measures

            - **ingest** — accepted submissions per second (`POST /api/v1/submissions`, `202`) from 32 connections
              sending the seed story `03-2024-12-pujiang-ai-conference.json` with a reporter token; then end-to-end
              stored per second: from the start of the window until article-service has stored every accepted story
              (counted in its database). Baseline: Kafka's `ProducerPerformance` on the same broker, `acks=all`,
              idempotent, records of the size of the produced `news.article.submitted` JSON, a topic with the same
              3 partitions. Targets: accepted ≥ 0.3×, stored ≥ 0.2× the raw producer.
            - **read** — `GET /api/v1/articles/{id}` of a published article (reader, no token), 32 connections:
              requests/s, p50, p99. Baseline: nginx (`worker_processes 1`) serving the same bytes as a static file,
              measured with the same load generator. Target ≥ 0.5× nginx.
            - **search** — p50/p95 of `GET /api/v1/search?q=…` with seed words over a generated corpus of 100,000
              stories (seed sentences recombined), produced straight to `newsroom.submissions` as
              `news.article.submitted` events and stored by article-service. Target p95 ≤ 50 ms.
            - **fanout** — one published issue to 100,000 active webhook subscriptions on a local receiver answering
              `200`: time from publish until all are delivered, deliveries/s. Target ≤ 60 s.
            - **stream** — 10,000 concurrent SSE clients on `GET /api/v1/alerts/stream`: time from publish until every
              client has the alert. Target ≤ 2 s.
            - **media** — 20 uploads of a 12-megapixel JPEG (4000 × 3000, IPTC caption and credit, EXIF GPS) to
              `POST /api/v1/media` from 4 connections: uploads/s; then renditions/s from the first upload until every
              photo is `ready` (4 widths each, made through `newsroom.media-renditions`), and media-service's CPU per
              rendition. Baseline, measured in the same run in the benchmark JVM on one thread: the JDK's own decode,
              scale and JPEG encode of the same photo to the same widths (the least a rendition costs with ImageIO).

            Everything shares the machine: the load generator, Kafka, PostgreSQL and the three services run on the same
            cores, and so do the baselines.
            """;
}
