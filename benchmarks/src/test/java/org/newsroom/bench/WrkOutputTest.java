package org.newsroom.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WrkOutputTest {

    static final String OUTPUT = """
            Running 15s test @ http://127.0.0.1:41723/a.json
              2 threads and 32 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency     1.03ms    1.37ms  31.10ms   91.64%
                Req/Sec    17.76k     2.00k   22.54k    70.33%
              Latency Distribution
                 50%  845.00us
                 75%    1.20ms
                 90%    1.80ms
                 99%    1.10s
              530123 requests in 15.00s, 1.58GB read
              Socket errors: connect 0, read 2, write 0, timeout 3
              Non-2xx or 3xx responses: 7
            Requests/sec:  35341.53
            Transfer/sec:    107.63MB
            """;

    @Test
    void parsesCountsPercentilesAndErrors() {
        LoadResult r = WrkOutput.parse("wrk 4.1.0", OUTPUT);
        assertThat(r.requests()).isEqualTo(530_123);
        assertThat(r.seconds()).isEqualTo(15.0);
        assertThat(r.requestsPerSecond()).isCloseTo(35_341.5, within(1.0));
        assertThat(r.latency().p50()).isCloseTo(0.845, within(1e-9));
        assertThat(r.latency().p99()).isCloseTo(1100.0, within(1e-9));
        assertThat(r.latency().max()).isCloseTo(31.1, within(1e-9));
        assertThat(r.latency().p95()).isNaN();
        assertThat(r.errors()).isEqualTo(5);
        assertThat(r.unexpected()).isEqualTo(7);
    }

    @Test
    void refusesWhatIsNotAWrkReport() {
        assertThatThrownBy(() -> WrkOutput.parse("wrk", "unable to connect to 127.0.0.1:1 Connection refused"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void convertsEveryUnit() {
        assertThat(WrkOutput.toMillis("2", "m")).isEqualTo(120_000.0);
        assertThat(WrkOutput.toMillis("500", "us")).isEqualTo(0.5);
    }
}
