package org.minga.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.minga.benchmark.PhoneLoad.Kind;
import org.minga.benchmark.PhoneLoad.Window;

/** Finding the highest rate that meets the targets, against a pretend Minga that holds up to a given rate. */
class RateLadderTest {

    private static final long MS = 1_000_000;

    @Test
    void climbsUntilARateMissesThenHalvesTheGapTwice() {
        List<RateLadder.Step> steps = RateLadder.climb(List.of(50, 100, 200, 400), rate -> second(rate, rate <= 120 ? 5 : 80));

        assertThat(steps).extracting(RateLadder.Step::rate).containsExactly(50, 100, 200, 150, 125);
        assertThat(steps).extracting(RateLadder.Step::met).containsExactly(true, true, false, false, false);
        assertThat(RateLadder.highestMet(steps)).isEqualTo(100);
    }

    @Test
    void aMingaThatHoldsEveryRateIsNotPushedFurther() {
        List<RateLadder.Step> steps = RateLadder.climb(List.of(10, 20), rate -> second(rate, 5));

        assertThat(steps).extracting(RateLadder.Step::rate).containsExactly(10, 20);
        assertThat(RateLadder.highestMet(steps)).isEqualTo(20);
    }

    @Test
    void whenTheLowestRateMissesTheLadderGoesBelowIt() {
        List<RateLadder.Step> steps = RateLadder.climb(List.of(10, 20), rate -> second(rate, rate <= 3 ? 5 : 80));

        assertThat(steps).extracting(RateLadder.Step::rate).containsExactly(10, 5, 2);
        assertThat(RateLadder.highestMet(steps)).isEqualTo(2);
    }

    @Test
    void errorsAndUnseenChangesMissTheTargetsWhateverTheLatency() {
        assertThat(second(20, 5).metTargets(20)).isTrue();
        assertThat(second(20, 5, true, false).metTargets(20)).as("one command refused").isFalse();
        assertThat(second(20, 5, false, true).metTargets(20)).as("one change no viewer saw").isFalse();
    }

    private static LoadTally second(int rate, long latencyMs) {
        return second(rate, latencyMs, false, false);
    }

    /** One measured second at {@code rate}: every command answered, and seen, {@code latencyMs} after it was due. */
    private static LoadTally second(int rate, long latencyMs, boolean refuseOne, boolean hideOne) {
        CommandLog log = new CommandLog(rate, 0);
        long start = 1_000 * MS;
        for (int seq = 0; seq < rate; seq++) {
            long due = start + seq * 1_000 * MS / rate;
            log.sent(seq, Kind.REVISE_NEED, due, due);
            boolean refused = refuseOne && seq == 0;
            log.answered(seq, due + latencyMs * MS, refused ? 409 : 200, refused ? "step.closed" : null);
            if (!(hideOne && seq == 0)) {
                log.seen(seq, due + latencyMs * MS);
            }
        }
        return new LoadTally(log, new Window(start, start, start + 1_000 * MS, rate));
    }
}
