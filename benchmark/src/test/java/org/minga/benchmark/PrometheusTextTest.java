package org.minga.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrometheusTextTest {

    private static final PrometheusText METRICS = new PrometheusText("""
            # HELP jvm_memory_used_bytes The amount of used memory
            # TYPE jvm_memory_used_bytes gauge
            jvm_memory_used_bytes{application="minga",area="heap",id="G1 Eden Space"} 1048576.0
            jvm_memory_used_bytes{application="minga",area="heap",id="G1 Old Gen"} 3.3554432E7
            jvm_memory_used_bytes{application="minga",area="nonheap",id="Metaspace"} 9.9E7
            # HELP jvm_gc_memory_allocated_bytes_total Incremented for an increase in the size of the (young) heap memory pool after one GC to before the next
            # TYPE jvm_gc_memory_allocated_bytes_total counter
            jvm_gc_memory_allocated_bytes_total{application="minga"} 1.23456789E9
            minga_board_viewers{application="minga"} 3000.0
            minga_board_viewers_other{application="minga"} 5.0
            minga_processor_lag_events{application="minga",processor="board"} 12.0
            minga_processor_lag_events{application="minga",processor="history"} 40.0
            minga_processor_lag_events{application="minga",processor="agenda"} NaN
            """);

    @Test
    void heapIsTheSumOfTheHeapPools() {
        assertThat(METRICS.heapUsedBytes()).isEqualTo(1048576L + 33554432L);
    }

    @Test
    void allocatedBytesIsMicrometersCounterAndItsPoolIsEdenOrTheWholeHeapOfZgc() {
        assertThat(METRICS.allocatedBytes()).isEqualTo(1234567890L);
        assertThat(METRICS.allocationPoolUsedBytes()).isEqualTo(1048576L);
        assertThat(new PrometheusText("""
                jvm_memory_used_bytes{application="minga",area="heap",id="ZHeap"} 5.0E7
                jvm_memory_used_bytes{application="minga",area="nonheap",id="CodeHeap 'non-nmethods'"} 2.0E6
                """).allocationPoolUsedBytes()).isEqualTo(50_000_000L);
    }

    @Test
    void processorLagIsTheFurthestBehindReadModel() {
        assertThat(METRICS.processorLag()).isEqualTo(40);
        assertThat(new PrometheusText("minga_processor_lag_events{processor=\"board\"} NaN\n").processorLag()).isEqualTo(-1);
    }

    @Test
    void boardViewersIsMingasOwnGauge() {
        assertThat(METRICS.boardViewers()).isEqualTo(3000);
    }
}
