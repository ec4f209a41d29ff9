package org.newsroom.bench;

import java.time.Duration;

import org.newsroom.stack.Poll;

/**
 * stream: 10,000 concurrent SSE clients on notify-service's {@code /api/v1/alerts/stream}; time from publishing an
 * issue (through article-service, so the outbox relay and Kafka are in the path) until every client has the alert.
 */
public final class StreamScenario implements Scenario {

    static final String SEED = "01-2024-12-17-district-visit.json";

    @Override
    public String name() {
        return "stream";
    }

    @Override
    public void run(BenchContext context, ScenarioResult result) {
        NewsroomApi api = context.api();
        int n = context.options().sseClients();
        IssueTrigger.Prepared trigger = IssueTrigger.prepare(context, SEED, result);
        String url = api.notifyUrl() + "/api/v1/alerts/stream";
        context.progress("stream: opening " + Fmt.count(n) + " SSE connections to " + url + " (open files limit "
                + MachineInfo.openFilesLimit() + ")");
        try (SseClients clients = new SseClients(url, n)) {
            long c0 = System.nanoTime();
            clients.connect(200, Duration.ofSeconds(180), context::progress);
            double connectSeconds = (System.nanoTime() - c0) / 1e9;
            context.progress("stream: " + clients.connected() + " open, " + clients.failed() + " failed in "
                    + Fmt.seconds(connectSeconds) + (clients.failed() > 0 ? " (last failure: " + clients.lastFailure() + ")" : ""));
            if (clients.connected() == 0) {
                throw new IllegalStateException("no SSE stream could be opened: " + clients.lastFailure());
            }
            String issue = trigger.issueId();
            Profiler.Session profile = context.profiler().start(name());
            CpuMeter.Snapshot cpu0 = CpuMeter.take(context.stack());
            long t0 = System.nanoTime();
            clients.expect(issue, t0);
            trigger.publish().run();
            long publishAnswered = System.nanoTime();
            int expected = clients.connected();
            Poll.until(Duration.ofSeconds(60), Duration.ofMillis(20), () -> clients.received() >= expected);
            CpuMeter.Usage cpu = cpu0.until(CpuMeter.take(context.stack()));
            profile.stop(result);
            result.note("CPU from publish until every client had the alert: " + cpu.describe(0, "") + ".");
            LatencySummary latency = LatencySummary.ofMicros(clients.latencies());
            boolean all = clients.received() >= n;
            context.progress("stream: " + clients.received() + " of " + expected + " got the alert; " + latency);
            result.row("all " + Fmt.count(n) + " clients have the alert", all ? Fmt.seconds(latency.max() / 1000)
                            : clients.received() + " of " + n + " within 60 s", null, "target ≤ 2 s",
                    Row.Verdict.of(all && latency.max() <= 2000));
            result.row("first client / p50 / p99", Fmt.millis(latency.min()) + " / " + Fmt.millis(latency.p50()) + " / "
                    + Fmt.millis(latency.p99()), null, null, Row.Verdict.INFO);
            result.note("Trigger: " + trigger.describe() + "; the publish call returned "
                    + Fmt.millis((publishAnswered - t0) / 1e6) + " after the clock started.");
            result.note("Clients: " + Fmt.count(clients.connected()) + " of " + Fmt.count(n) + " streams open (" + clients.failed()
                    + " failed" + (clients.failed() > 0 ? ", last: " + clients.lastFailure() : "") + "), opened in "
                    + Fmt.seconds(connectSeconds) + " with at most 200 connection attempts in flight, one Vert.x HTTP "
                    + "connection each, in the benchmark JVM; open files limit " + MachineInfo.openFilesLimit()
                    + " (each JVM raises its soft limit to the hard one).");
            result.note("Latency from publish to each client's event: " + latency + "; events seen in all: " + clients.events() + ".");
        }
    }
}
