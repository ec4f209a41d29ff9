package org.newsroom.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Map;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class HarnessTest {

    @Test
    void latencySummaryReadsMillisecondsFromMicroseconds() {
        Histogram h = LatencySummary.newMicrosHistogram();
        for (int i = 1; i <= 100; i++) {
            h.recordValue(i * 1000L);
        }
        LatencySummary s = LatencySummary.ofMicros(h);
        assertThat(s.count()).isEqualTo(100);
        assertThat(s.p50()).isCloseTo(50.0, within(0.1));
        assertThat(s.p95()).isCloseTo(95.0, within(0.1));
        assertThat(s.p99()).isCloseTo(99.0, within(0.1));
        assertThat(s.max()).isCloseTo(100.0, within(0.1));
        assertThat(LatencySummary.ofMicros(LatencySummary.newMicrosHistogram()).p50()).isNaN();
    }

    @Test
    void scenarioSelection() {
        assertThat(BenchMain.selection(new String[0])).containsExactlyElementsOf(BenchMain.RUN_ORDER);
        assertThat(BenchMain.selection(new String[] {"all"})).containsExactlyElementsOf(BenchMain.RUN_ORDER);
        assertThat(BenchMain.selection(new String[] {"stream", "READ", "read"})).containsExactly("stream", "read");
        assertThatThrownBy(() -> BenchMain.selection(new String[] {"bogus"})).hasMessageContaining("bogus");
        assertThat(BenchMain.scenarios()).containsOnlyKeys(BenchMain.RUN_ORDER);
    }

    @Test
    void optionsHaveDefaultsAndRejectNonsense() {
        BenchOptions defaults = BenchOptions.fromEnvironment(Map.of());
        assertThat(defaults.duration()).isEqualTo(Duration.ofSeconds(15));
        assertThat(defaults.connections()).isEqualTo(32);
        assertThat(defaults.corpus()).isEqualTo(100_000);
        assertThat(defaults.serviceJvmOptions()).containsExactly("-XX:TieredStopAtLevel=4");
        assertThat(BenchOptions.fromEnvironment(Map.of("NEWSROOM_BENCH_PROFILE", "article, notify")).profile())
                .containsExactly("article", "notify");
        assertThat(BenchOptions.fromEnvironment(Map.of("NEWSROOM_BENCH_SERVICE_ENV", "A_B=1  C=x=y")).serviceEnvironment())
                .containsExactly(Map.entry("A_B", "1"), Map.entry("C", "x=y"));
        assertThatThrownBy(() -> BenchOptions.fromEnvironment(Map.of("NEWSROOM_BENCH_SERVICE_ENV", "lower=1")))
                .hasMessageContaining("KEY=VALUE");
        assertThatThrownBy(() -> BenchOptions.fromEnvironment(Map.of("NEWSROOM_BENCH_DURATION", "0")))
                .hasMessageContaining("NEWSROOM_BENCH_DURATION");
    }

    @Test
    void formatting() {
        assertThat(Fmt.perSecond(12_345.6)).isEqualTo("12,346/s");
        assertThat(Fmt.perSecond(42.25)).isEqualTo("42.3/s");
        assertThat(Fmt.millis(0.456)).isEqualTo("0.46 ms");
        assertThat(Fmt.millis(3.14)).isEqualTo("3.1 ms");
        assertThat(Fmt.ratio(0.4242)).isEqualTo("0.42×");
        assertThat(Fmt.ratio(Double.NaN)).isEqualTo("—");
    }

    @Test
    void nginxConfigServesOneFileWithOneWorker() {
        String config = NginxServer.config(java.nio.file.Path.of("/tmp/x"), 1234, "application/json;charset=UTF-8");
        assertThat(config).contains("worker_processes 1;").contains("listen 127.0.0.1:1234;")
                .contains("default_type \"application/json;charset=UTF-8\";").contains("daemon off;");
    }

    @Test
    void procStatParsingSurvivesOddProcessNames() {
        String stat = "4242 (java (main) x) S 17 4242 4242 0 -1 4194560 100 0 0 0 1234 56 7 8 20 0 30 0 250299 0 0";
        assertThat(CpuMeter.parseStat(stat)).containsExactly(17L, 1234L, 56L, 7L, 8L);
        assertThat(CpuMeter.cpu(ProcessHandle.current().pid(), false)).isGreaterThan(0.0);
    }

    @Test
    void cpuUsageIsTheDifferenceOfTwoSnapshots() {
        CpuMeter.Snapshot a = new CpuMeter.Snapshot(Map.of("article-service", 1.0, "bench JVM + tools", 5.0), 0);
        CpuMeter.Snapshot b = new CpuMeter.Snapshot(Map.of("article-service", 3.0, "bench JVM + tools", 6.0), 2_000_000_000L);
        CpuMeter.Usage u = a.until(b);
        assertThat(u.of("article-service")).isEqualTo(2.0);
        assertThat(u.system()).isEqualTo(2.0);
        assertThat(u.wallSeconds()).isEqualTo(2.0);
        assertThat(u.ceiling(1000)).isCloseTo(Runtime.getRuntime().availableProcessors() * 500.0, within(1e-6));
        assertThat(u.describe(1000, "request")).contains("article-service 2.0 s (2.0 ms per request)");
    }
}
