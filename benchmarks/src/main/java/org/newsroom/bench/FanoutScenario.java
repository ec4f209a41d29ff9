package org.newsroom.bench;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;


import org.newsroom.stack.LocalStack;
import org.newsroom.stack.Poll;

/**
 * fanout: one issue to 100,000 webhook subscriptions on a local receiver: time from publish until all are delivered.
 * Part of the subscriptions is created through the API (intent verification included, and measured); the rest are
 * copies of an API-made subscription inserted into notify-service's database (benchmark setup).
 */
public final class FanoutScenario implements Scenario {

    static final String SEED = "02-2024-12-12-pujiang-lecture.json";

    @Override
    public String name() {
        return "fanout";
    }

    @Override
    public void run(BenchContext context, ScenarioResult result) throws Exception {
        NewsroomApi api = context.api();
        BenchOptions options = context.options();
        int total = options.subscriptions();
        int viaApi = Math.min(total, Math.max(1, options.apiSubscriptions()));
        try (WebhookReceiver receiver = WebhookReceiver.start(options.webhookHosts());
             Connection db = context.database(LocalStack.NOTIFY_DATABASE)) {
            context.progress("fanout: creating " + Fmt.count(viaApi) + " webhook subscriptions through the API");
            ApiRun made = subscribe(api, receiver, viaApi);
            context.progress("fanout: " + made.created() + " created in " + Fmt.seconds(made.seconds()) + " = "
                    + Fmt.perSecond(made.created() / made.seconds()) + (made.failure() == null ? "" : "; failure: " + made.failure()));
            if (made.created() == 0) {
                throw new IllegalStateException("no subscription could be created: " + made.failure());
            }
            SubscriptionSeeder seeder = new SubscriptionSeeder(db);
            boolean active = Poll.until(Duration.ofSeconds(120), Duration.ofMillis(250),
                    () -> seeder.activeCount() >= made.created());
            long activeApi = seeder.activeCount();
            double activationSeconds = (System.nanoTime() - made.startNanos()) / 1e9;
            result.info("subscriptions via API (incl. verification)", Fmt.count(activeApi) + " active after "
                    + Fmt.seconds(activationSeconds) + " = " + Fmt.perSecond(activeApi / activationSeconds));
            if (!active) {
                result.note("Only " + activeApi + " of " + made.created() + " API subscriptions became active within 120 s.");
            }
            long missing = total - activeApi;
            if (missing > 0) {
                context.progress("fanout: inserting " + Fmt.count(missing) + " more active subscriptions into notify's database");
                long s0 = System.nanoTime();
                seeder.copy(receiver.port(), receiver.hosts(), missing);
                result.note("Setup: " + Fmt.count(activeApi) + " subscriptions were created through `POST /api/v1/subscriptions` "
                        + "(each verified by a challenge GET to the receiver), at the rate in the table; at that rate "
                        + Fmt.count(total) + " would take " + Fmt.seconds(total / (activeApi / activationSeconds))
                        + ", so the other " + Fmt.count(missing) + " were inserted straight into notify-service's database as "
                        + "copies of an API-made active subscription (new id, endpoint, tokens; " + Fmt.seconds((System.nanoTime() - s0) / 1e9)
                        + "). " + seeder.describe());
            }
            long activeTotal = seeder.activeCount();

            IssueTrigger.Prepared trigger = IssueTrigger.prepare(context, SEED, result);
            String issue = trigger.issueId();
            receiver.expect(issue);
            context.progress("fanout: publishing issue " + issue + " to " + Fmt.count(activeTotal) + " active subscriptions");
            Profiler.Session profile = context.profiler().start(name());
            CpuMeter.Snapshot cpu0 = CpuMeter.take(context.stack());
            long t0 = System.nanoTime();
            trigger.publish().run();
            long lastReport = System.nanoTime();
            int lastCount = -1;
            long lastChange = System.nanoTime();
            while (receiver.delivered() < activeTotal) {
                long now = System.nanoTime();
                int delivered = receiver.delivered();
                if (delivered != lastCount) {
                    lastCount = delivered;
                    lastChange = now;
                } else if (now - lastChange > Duration.ofSeconds(60).toNanos() || now - t0 > Duration.ofMinutes(15).toNanos()) {
                    break;
                }
                if (now - lastReport > Duration.ofSeconds(10).toNanos()) {
                    context.progress("  delivered " + Fmt.count(delivered) + " of " + Fmt.count(activeTotal));
                    lastReport = now;
                }
                Waits.pause(Duration.ofMillis(50));
            }
            CpuMeter.Usage cpu = cpu0.until(CpuMeter.take(context.stack()));
            profile.stop(result);
            int delivered = receiver.delivered();
            boolean complete = delivered >= activeTotal;
            double seconds = ((complete ? receiver.lastDeliveryNanos() : lastChange) - t0) / 1e9;
            double firstSeconds = receiver.firstDeliveryNanos() == 0 ? Double.NaN : (receiver.firstDeliveryNanos() - t0) / 1e9;
            context.progress("fanout: " + delivered + " of " + activeTotal + " delivered in " + Fmt.seconds(seconds));
            result.row("publish → all " + Fmt.count(activeTotal) + " delivered", complete ? Fmt.seconds(seconds)
                            : Fmt.count(delivered) + " of " + Fmt.count(activeTotal) + " (stalled at " + Fmt.seconds(seconds) + ")",
                    null, "target ≤ 60 s", Row.Verdict.of(complete && seconds <= 60));
            result.row("deliveries/s", Fmt.perSecond(delivered / seconds), null, null, Row.Verdict.INFO);
            result.info("CPU per delivery, all services", Fmt.millis(1000 * cpu.system() / Math.max(1, delivered)));
            result.note("CPU from publish until the end: " + cpu.describe(delivered, "delivery") + "; the system's CPU cost "
                    + "alone would allow about " + Fmt.perSecond(cpu.ceiling(delivered)) + " on these cores if nothing else ran.");
            result.note("Trigger: " + trigger.describe() + ". First delivery after " + Fmt.seconds(firstSeconds) + "; "
                    + Fmt.count(receiver.posts()) + " POSTs received in all (retries included).");
            result.note("Receiver: Vert.x HTTP servers in the benchmark JVM (two event loops) on port " + receiver.port() + " of "
                    + receiver.hosts() + " loopback addresses 127.0.0.1–" + WebhookReceiver.host(receiver.hosts() - 1)
                    + ", subscriptions spread evenly over them (endpoint i on host i mod " + receiver.hosts() + "): real "
                    + "subscribers sit on many hosts, and notify-service caps concurrency per host "
                    + "(`newsroom.deliveries.per-host-concurrency`, 4) below its global cap (`max-concurrency`, 32). The "
                    + "benchmark therefore allows `127.0.0.0/8` in `NEWSROOM_WEBHOOKS_ALLOWED_HOSTS`. Each answers 200 with "
                    + "an empty body at once; a delivery counts once per `webhook-id` whose body names the issue.");
            HttpResponse<String> counts = api.send("GET", api.notifyUrl() + "/api/v1/issues/" + issue + "/deliveries",
                    api.editorToken(), null);
            result.note("notify-service's own count (`GET /api/v1/issues/{id}/deliveries`): " + counts.statusCode() + " "
                    + NewsroomApi.abbreviate(counts.body()));
        }
    }

    record ApiRun(int created, double seconds, long startNanos, String failure) {
    }

    /** Creates {@code n} webhook subscriptions through the API with 16 concurrent callers. */
    static ApiRun subscribe(NewsroomApi api, WebhookReceiver receiver, int n) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger created = new AtomicInteger();
        AtomicReference<String> failure = new AtomicReference<>();
        long t0 = System.nanoTime();
        try {
            List<Future<?>> workers = new java.util.ArrayList<>();
            for (int w = 0; w < 16; w++) {
                workers.add(pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < n && failure.get() == null) {
                        String body = "{\"channel\":\"webhook\",\"endpoint\":\"" + receiver.baseUrl(i) + "/hooks/api-" + i + "\"}";
                        HttpResponse<String> response = api.send("POST", api.notifyUrl() + "/api/v1/subscriptions", null,
                                body.getBytes(StandardCharsets.UTF_8));
                        if (response.statusCode() == 202) {
                            created.incrementAndGet();
                        } else {
                            failure.compareAndSet(null, response.statusCode() + " " + NewsroomApi.abbreviate(response.body()));
                        }
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return new ApiRun(created.get(), (System.nanoTime() - t0) / 1e9, t0, failure.get());
    }

}
