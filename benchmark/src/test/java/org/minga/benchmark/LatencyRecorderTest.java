package org.minga.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatencyRecorderTest {

    @Test
    void percentilesAreNearestRank() {
        LatencyRecorder recorder = new LatencyRecorder();
        for (int ms = 100; ms >= 1; ms--) {
            recorder.record(ms * 1_000_000L);
        }

        LatencyRecorder.Summary summary = recorder.summary();

        assertThat(summary.count()).isEqualTo(100);
        assertThat(summary.p50()).isEqualTo(50.0);
        assertThat(summary.p95()).isEqualTo(95.0);
        assertThat(summary.p99()).isEqualTo(99.0);
        assertThat(summary.max()).isEqualTo(100.0);
    }

    @Test
    void oneValueIsEveryPercentile() {
        LatencyRecorder recorder = new LatencyRecorder();
        recorder.record(7_000_000L);

        assertThat(recorder.summary()).isEqualTo(new LatencyRecorder.Summary(1, 7.0, 7.0, 7.0, 7.0));
    }

    @Test
    void nothingRecordedIsZero() {
        assertThat(new LatencyRecorder().summary()).isEqualTo(new LatencyRecorder.Summary(0, 0, 0, 0, 0));
    }

    @Test
    void growsBeyondItsFirstArray() {
        LatencyRecorder recorder = new LatencyRecorder();
        for (int i = 1; i <= 5000; i++) {
            recorder.record(i);
        }

        assertThat(recorder.count()).isEqualTo(5000);
        assertThat(recorder.percentile(99)).isEqualTo(4950);
    }
}
