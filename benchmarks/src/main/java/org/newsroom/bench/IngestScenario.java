package org.newsroom.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.newsroom.contracts.EventJson;
import org.newsroom.contracts.Ids;
import org.newsroom.contracts.article.ArticleSubmitted;
import org.newsroom.contracts.article.Submission;
import org.newsroom.contracts.article.SubmissionFormat;
import org.newsroom.stack.LocalStack;

/**
 * ingest: accepted submissions/s with 32 connections, and end-to-end stored/s until article-service has stored every
 * accepted story; baseline Kafka's ProducerPerformance on the same broker with records of the event's size.
 */
public final class IngestScenario implements Scenario {

    static final String SEED = "03-2024-12-pujiang-ai-conference.json";
    static final String BASELINE_TOPIC = "bench.producer-performance";
    /** article-service's table of articles (one row per article). */
    static final String ARTICLE_TABLE = "article";
    static final String BASELINE_TOPIC_NO_FSYNC = "bench.producer-performance-no-fsync";
    static final int CALIBRATION_RECORDS = 3_000;

    @Override
    public String name() {
        return "ingest";
    }

    @Override
    public void run(BenchContext context, ScenarioResult result) throws Exception {
        NewsroomApi api = context.api();
        BenchOptions options = context.options();
        byte[] body = context.seed(SEED);
        Map<String, String> headers = Map.of("Authorization", "Bearer " + api.reporterToken(),
                "Content-Type", "application/json", "Accept", "application/json");
        String url = api.ingestUrl() + "/api/v1/submissions";
        JavaLoadGenerator generator = context.javaGenerator();

        try (Connection db = context.database(LocalStack.ARTICLE_DATABASE)) {
            long before = count(db);
            context.progress("ingest: warm-up " + options.warmup().toSeconds() + " s, " + options.connections() + " connections");
            LoadResult warmup = generator.run(new LoadSpec("POST", List.of(url), headers, body, options.connections(),
                    Duration.ZERO, options.warmup().isZero() ? Duration.ofSeconds(1) : options.warmup()));
            context.log("ingest warm-up: " + warmup);
            Drain warmDrain = awaitCount(db, before + warmup.statusCounts().getOrDefault(202, 0L), System.nanoTime(),
                    context);
            context.log("ingest warm-up drained: " + warmDrain);

            long count0 = count(db);
            context.progress("ingest: measuring " + options.duration().toSeconds() + " s");
            Profiler.Session profile = context.profiler().start(name());
            CpuMeter.Snapshot cpu0 = CpuMeter.take(context.stack());
            long t0 = System.nanoTime();
            LoadResult load = generator.run(new LoadSpec("POST", List.of(url), headers, body, options.connections(),
                    Duration.ZERO, options.duration()));
            long accepted = load.statusCounts().getOrDefault(202, 0L);
            Drain drain = awaitCount(db, count0 + accepted, t0, context);
            CpuMeter.Usage cpu = cpu0.until(CpuMeter.take(context.stack()));
            profile.stop(result);
            context.progress("ingest: " + load + "; " + drain);

            double acceptedPerSecond = accepted / load.seconds();
            double storedPerSecond = drain.complete() ? accepted / drain.seconds()
                    : (drain.reached() - count0) / drain.seconds();

            // Baseline: the raw producer on the same broker, records as large as the event ingest produces.
            int recordSize = eventSize(body);
            context.stack().kafka().createTopics(Map.of(BASELINE_TOPIC, 3), Map.of());
            context.progress("ingest: baseline ProducerPerformance, " + recordSize + "-byte records, acks=all, 3 partitions");
            CpuMeter.Snapshot raw0 = CpuMeter.take(context.stack());
            ProducerPerf.Summary raw = baseline(context, BASELINE_TOPIC, recordSize);
            CpuMeter.Usage rawCpu = raw0.until(CpuMeter.take(context.stack()));
            long rawRecords = raw.records() + CALIBRATION_RECORDS;
            context.progress("ingest: raw producer " + Fmt.perSecond(raw.recordsPerSecond()) + " (" + raw.records() + " records)");
            // The local broker fsyncs every append (log.flush.interval.messages=1); show what that costs.
            context.stack().kafka().createTopics(Map.of(BASELINE_TOPIC_NO_FSYNC, 3),
                    Map.of(BASELINE_TOPIC_NO_FSYNC, Map.of("flush.messages", Long.toString(Long.MAX_VALUE))));
            ProducerPerf.Summary noFsync = baseline(context, BASELINE_TOPIC_NO_FSYNC, recordSize);
            context.progress("ingest: raw producer without per-append fsync " + Fmt.perSecond(noFsync.recordsPerSecond()));

            double acceptedRatio = acceptedPerSecond / raw.recordsPerSecond();
            double storedRatio = storedPerSecond / raw.recordsPerSecond();
            String baseline = Fmt.perSecond(raw.recordsPerSecond()) + " raw producer";
            result.row("accepted submissions/s", Fmt.perSecond(acceptedPerSecond), baseline,
                    Fmt.ratio(acceptedRatio) + " (target ≥ 0.30×)", Row.Verdict.of(acceptedRatio >= 0.3));
            result.row("stored end-to-end/s", Fmt.perSecond(storedPerSecond) + (drain.complete() ? "" : " (incomplete)"),
                    baseline, Fmt.ratio(storedRatio) + " (target ≥ 0.20×)", Row.Verdict.of(drain.complete() && storedRatio >= 0.2));
            result.info("raw producer, topic without per-append fsync", Fmt.perSecond(noFsync.recordsPerSecond()));
            double cpuPerStory = cpu.system() / Math.max(1, accepted);
            double cpuPerRecord = (rawCpu.of("kafka") + rawCpu.of("bench JVM + tools")) / rawRecords;
            result.row("CPU per story, all services", Fmt.millis(1000 * cpuPerStory),
                    Fmt.millis(1000 * cpuPerRecord) + " per record (broker + producer)",
                    Fmt.ratio(cpuPerStory / cpuPerRecord) + " as costly", Row.Verdict.INFO);
            result.row("POST p50 / p99", Fmt.millis(load.latency().p50()) + " / " + Fmt.millis(load.latency().p99()),
                    Fmt.millis(raw.p50Ms()) + " / " + Fmt.millis(raw.p99Ms()) + " producer", null, Row.Verdict.INFO);

            result.note("Load: " + options.connections() + " connections in a closed loop (" + generator.name() + "), each "
                    + "`POST /api/v1/submissions` of `" + SEED + "` (" + body.length + " bytes) with a reporter token and no "
                    + "Idempotency-Key, so every request is a new story; " + options.warmup().toSeconds() + " s warm-up "
                    + "(drained before measuring), then " + options.duration().toSeconds() + " s measured: " + load + ".");
            result.note("CPU from the start of the window until all were stored: " + cpu.describe(accepted, "story")
                    + "; the system's CPU cost alone would allow about " + Fmt.perSecond(cpu.ceiling(accepted))
                    + " on these cores if nothing else ran. Raw producer runs (calibration included): "
                    + rawCpu.describe(rawRecords, "record") + ".");
            result.note("Stored: " + Fmt.count(accepted) + " accepted in the window; " + drain.describe(count0)
                    + " (counted with `select count(*) from " + ARTICLE_TABLE + "` in article-service's database).");
            if (load.statusCounts().keySet().stream().anyMatch(s -> s != 202) || load.errors() > 0) {
                result.note("Answers other than 202 during the window: " + load.statusCounts() + ", socket errors "
                        + load.errors() + ".");
            }
            result.note("Baseline: `" + ProducerPerf.MAIN_CLASS + "` (Kafka " + MachineInfo.versions().get("Kafka")
                    + ") in its own JVM, topic `" + BASELINE_TOPIC + "` with 3 partitions, `acks=all`, "
                    + "`enable.idempotence=true`, " + recordSize + "-byte records (the `news.article.submitted` JSON of the "
                    + "seed story; the CloudEvents headers, about 200 bytes, are not counted), " + Fmt.count(raw.records())
                    + " records (sized to last about the measurement window after a " + CALIBRATION_RECORDS + "-record calibration run): " + Fmt.perSecond(raw.recordsPerSecond()) + ", "
                    + raw.megabytesPerSecond() + " MB/s, avg latency " + raw.avgLatencyMs() + " ms. It runs after the "
                    + "services have drained, with them idle. The local broker fsyncs every append (`log.flush.interval.messages=1` "
                    + "in `KafkaBroker`); the same producer on a topic with `flush.messages` off (what fsync costs on this "
                    + "disk at that moment) reached "+ Fmt.perSecond(noFsync.recordsPerSecond()) + ".");
        }
    }

    /** A calibration run, then one sized to last about the measurement window; returns the second's summary. */
    private static ProducerPerf.Summary baseline(BenchContext context, String topic, int recordSize) {
        String bootstrap = context.stack().kafkaBootstrapServers();
        ProducerPerf.Summary calibration = ProducerPerf.run(bootstrap, topic, CALIBRATION_RECORDS, recordSize, context::log);
        long records = Math.max(CALIBRATION_RECORDS,
                (long) (calibration.recordsPerSecond() * context.options().duration().toSeconds()));
        return ProducerPerf.run(bootstrap, topic, records, recordSize, context::log);
    }

    /** The size of the {@code news.article.submitted} JSON that ingest-service produces for this body. */
    static int eventSize(byte[] submissionJson) throws java.io.IOException {
        Submission submission = EventJson.mapper().readValue(submissionJson, Submission.class).withDefaults();
        ArticleSubmitted event = new ArticleSubmitted(submission, Ids.newV7(), 1, "曹香玉", OffsetDateTime.now(),
                SubmissionFormat.JSON, null);
        return EventJson.write(event).length;
    }

    static long count(Connection db) throws SQLException {
        try (Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("select count(*) from " + ARTICLE_TABLE)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** How far the stored count got and when. */
    record Drain(long target, long reached, double seconds, boolean complete) {
        String describe(long from) {
            return complete ? "all stored " + Fmt.seconds(seconds) + " after the window opened"
                    : "only " + Fmt.count(reached - from) + " of " + Fmt.count(target - from) + " stored after "
                    + Fmt.seconds(seconds) + " (stalled)";
        }
    }

    /** Polls the stored count until it reaches {@code target}, or has not grown for 60 s. */
    static Drain awaitCount(Connection db, long target, long startNanos, BenchContext context) throws SQLException {
        long last = -1;
        long lastChange = System.nanoTime();
        long lastReport = System.nanoTime();
        while (true) {
            long now = System.nanoTime();
            long count = count(db);
            if (count >= target) {
                return new Drain(target, count, (System.nanoTime() - startNanos) / 1e9, true);
            }
            if (count != last) {
                last = count;
                lastChange = now;
            } else if (now - lastChange > Duration.ofSeconds(60).toNanos()) {
                return new Drain(target, count, (lastChange - startNanos) / 1e9, false);
            }
            if (now - lastReport > Duration.ofSeconds(10).toNanos()) {
                context.progress("  stored " + Fmt.count(count) + " of " + Fmt.count(target));
                lastReport = now;
            }
            Waits.pause(Duration.ofMillis(100));
        }
    }

}
