package org.minga.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * The highest rate that still meets the latency targets with no errors: short loads on the
 * same rooms and viewers at rising rates, stopping at the first rate that misses (a higher one would
 * only bury Minga deeper), then {@value #REFINEMENTS} halvings of the gap between the last rate met
 * and the first missed.
 */
final class RateLadder {

    static final int REFINEMENTS = 2;

    /** One short load: its rate and what it added up to. */
    record Step(int rate, LoadTally tally) {

        boolean met() {
            return tally.metTargets(rate);
        }
    }

    private RateLadder() {
    }

    /** Runs {@code loadAt} at each of {@code rates} (ascending) until one misses, then refines; answers every step run. */
    static List<Step> climb(List<Integer> rates, IntFunction<LoadTally> loadAt) {
        List<Step> steps = new ArrayList<>();
        int met = 0;
        int missed = 0;
        for (int rate : rates) {
            Step step = new Step(rate, loadAt.apply(rate));
            steps.add(step);
            if (!step.met()) {
                missed = rate;
                break;
            }
            met = rate;
        }
        for (int i = 0; i < REFINEMENTS && missed > 0; i++) {
            int between = (met + missed) / 2;
            if (between <= met) {
                break;
            }
            Step step = new Step(between, loadAt.apply(between));
            steps.add(step);
            if (step.met()) {
                met = between;
            } else {
                missed = between;
            }
        }
        return steps;
    }

    /** The highest rate met, or 0 when none was. */
    static int highestMet(List<Step> steps) {
        return steps.stream().filter(Step::met).mapToInt(Step::rate).max().orElse(0);
    }

    static Measurement measurement(List<Step> steps, BenchmarkSettings settings) {
        Measurement.Builder ladder = new Measurement.Builder(String.format(
                "Rate ladder: the highest rate meeting the latency targets (%d assemblies × %d tables × %d viewers, %d s per rate after %d s warmup)",
                settings.assemblies(), settings.tablesPerAssembly(), settings.viewersPerAssembly(),
                settings.ladderDuration().toSeconds(), settings.ladderWarmup().toSeconds()));
        int highest = highestMet(steps);
        ladder.figure("highestRateMeetingTargets", highest > 0
                ? Figure.of("highest rate that met every target below (commands/s)", highest, "/s")
                : Figure.notMeasured("highest rate that met every target below", "/s", "no rate tried met them, the lowest being "
                        + steps.stream().mapToInt(Step::rate).min().orElse(0) + "/s"));
        for (Step step : steps) {
            LoadTally tally = step.tally();
            String at = "at " + step.rate() + "/s: ";
            ladder.figure("commandP99MsAt" + step.rate(), Figure.of(at + "command latency p99", tally.commandLatency.summary().p99(), "ms"))
                    .figure("viewerP99MsAt" + step.rate(), tally.viewerLatency.count() == 0
                            ? Figure.notMeasured(at + "command → first viewer p99", "ms", "no viewer saw a command")
                            : Figure.of(at + "command → first viewer p99", tally.viewerLatency.summary().p99(), "ms"))
                    .figure("perSecondAt" + step.rate(), Figure.of(at + "commands/s sustained", tally.perSecond, "/s"))
                    .figure("errorsAt" + step.rate(), Figure.of(at + "errors and commands no viewer saw within "
                            + LoadTally.SEEN_WITHIN.toSeconds() + " s", tally.errorCount() + tally.unseen, ""))
                    .detail("at " + step.rate() + "/s", step.met() ? "met every target" : "missed");
        }
        return ladder.note("A rate meets the targets when its command latency p99 ≤ " + Figure.format(LoadTally.COMMAND_P99_TARGET_MS)
                        + " ms, command → first viewer p99 ≤ " + Figure.format(LoadTally.VIEWER_P99_TARGET_MS) + " ms, at least "
                        + Math.round(LoadTally.SUSTAINED_SHARE * 100) + " % of the rate is sustained, and no command fails or goes unseen.")
                .note("Rates are tried in the order " + settings.ladder().stream().map(String::valueOf).collect(Collectors.joining(", "))
                        + " until one misses; then the gap between the last rate met and "
                        + "the first missed is halved " + REFINEMENTS + " times. Before the first, a warm-up load at the first rate, as "
                        + "long as a rung and not measured, lets a freshly started Minga compile its hot code. Each rate starts once the read models have caught up "
                        + "with the one before, on the same rooms and viewers, with the same mix of commands as the main load (no pins: "
                        + "a pinned table takes no more changes).")
                .build();
    }
}
