package org.newsroom.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProducerPerfTest {

    @Test
    void takesTheSummaryLineNotTheIntervalLines() {
        String output = """
                [2026-11-28] some log line
                2656 records sent, 528.0 records/sec (1.46 MB/sec), 1982.0 ms avg latency, 4072.0 ms max latency.
                4330 records sent, 561.1 records/sec (1.55 MB/sec), 3361.94 ms avg latency, 6662.00 ms max latency, 3034 ms 50th, 6494 ms 95th, 6645 ms 99th, 6662 ms 99.9th.
                """;
        ProducerPerf.Summary s = ProducerPerf.parse(output);
        assertThat(s.records()).isEqualTo(4330);
        assertThat(s.recordsPerSecond()).isEqualTo(561.1);
        assertThat(s.megabytesPerSecond()).isEqualTo(1.55);
        assertThat(s.p50Ms()).isEqualTo(3034);
        assertThat(s.p99Ms()).isEqualTo(6645);
    }

    @Test
    void failsWithoutASummary() {
        assertThatThrownBy(() -> ProducerPerf.parse("2656 records sent, 528.0 records/sec (1.46 MB/sec), 1.0 ms avg latency, 2.0 ms max latency."))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
