package org.minga.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.minga.benchmark.PhoneLoad.Kind;
import org.minga.benchmark.RoomRhythm.Beat;
import org.minga.benchmark.RoomRhythm.Shape;

/** The schedule of a room's rhythm, at the size: when steps open, when tables send, and that a seed replays it. */
class RoomRhythmTest {

    private static final Shape HALL = new Shape(100, 25, Duration.ofSeconds(30), Duration.ofSeconds(70), Duration.ofSeconds(60), 18);
    private static final long SECOND = 1_000_000_000L;

    @Test
    void eachAssemblyOpensTheStepsInOrderAGapApartFromAStaggeredStart() {
        RoomRhythm rhythm = RoomRhythm.plan(HALL);

        List<Long> starts = new ArrayList<>();
        for (int a = 0; a < HALL.assemblies(); a++) {
            List<Beat> opened = openings(rhythm, a);
            assertThat(opened).extracting(Beat::step).containsExactly(MethodStep.NEEDS, MethodStep.SOLUTIONS, MethodStep.WORK_PLAN,
                    MethodStep.SPOKESPEOPLE);
            for (int s = 1; s < opened.size(); s++) {
                assertThat(opened.get(s).atNanos() - opened.get(s - 1).atNanos()).isEqualTo(70 * SECOND);
            }
            starts.add(opened.get(0).atNanos());
        }
        assertThat(starts).isSorted().doesNotHaveDuplicates().allSatisfy(start -> assertThat(start).isBetween(0L, 30 * SECOND - 1));
        assertThat(starts.get(0)).isZero();
        assertThat(starts.get(99)).isGreaterThan(29 * SECOND);
        assertThat(rhythm.openings()).isEqualTo(400);
        assertThat(rhythm.beats()).extracting(Beat::atNanos).isSorted();
    }

    @Test
    void everyTableSendsItsStepsPiecesInsideTheBurstAfterTheStepOpens() {
        RoomRhythm rhythm = RoomRhythm.plan(HALL);

        int expected = 0;
        for (int a = 0; a < HALL.assemblies(); a++) {
            Map<MethodStep, Long> opened = new LinkedHashMap<>();
            openings(rhythm, a).forEach(beat -> opened.put(beat.step(), beat.atNanos()));
            for (int t = 0; t < HALL.tables(); t++) {
                int needs = rhythm.needs(a, t);
                assertThat(needs).isBetween(1, 2);
                expected += 3 * needs + 2;
                for (MethodStep step : MethodStep.values()) {
                    List<Beat> sent = pieces(rhythm, a, t, step);
                    assertThat(sent).allSatisfy(beat -> assertThat(beat.atNanos() - opened.get(step))
                            .as("assembly %d table %d %s", beat.assembly(), beat.table(), step)
                            .isGreaterThanOrEqualTo(SECOND) // no phone before it has seen the step open (1/60 of 60 s)
                            .isLessThan(60 * SECOND));
                    List<Kind> kinds = sent.stream().map(Beat::kind).toList();
                    switch (step) {
                        case NEEDS -> assertThat(kinds).hasSize(needs).containsOnly(Kind.ADD_NEED);
                        case SOLUTIONS -> assertThat(kinds).hasSize(needs).containsOnly(Kind.SOLUTION);
                        case WORK_PLAN -> assertThat(kinds).hasSize(needs).containsOnly(Kind.WORK_PLAN);
                        case SPOKESPEOPLE -> assertThat(kinds).containsExactly(Kind.ELECT_SPOKESPERSON, Kind.PIN);
                    }
                    if (step != MethodStep.SPOKESPEOPLE) {
                        assertThat(sent).extracting(Beat::need).containsExactlyElementsOf(needs == 1 ? List.of(0) : List.of(0, 1));
                    }
                    if (sent.size() == 2) {
                        // The second piece is typed after the first: 2 to 6 s later.
                        assertThat(sent.get(1).atNanos() - sent.get(0).atNanos()).isBetween(2 * SECOND, 6 * SECOND);
                    }
                }
            }
        }
        assertThat(rhythm.pieces()).isEqualTo(expected);
        // One or two needs a table, as many solutions and work plans, an election and a pin: about 1.5 × 3 + 2 commands each.
        assertThat(expected).isBetween(2500 * 6, 2500 * 7);
    }

    @Test
    void mostTablesStartInTheFirstTwentySeconds() {
        RoomRhythm rhythm = RoomRhythm.plan(HALL);

        int starts = 0;
        int early = 0;
        for (int a = 0; a < HALL.assemblies(); a++) {
            Map<MethodStep, Long> opened = new LinkedHashMap<>();
            openings(rhythm, a).forEach(beat -> opened.put(beat.step(), beat.atNanos()));
            for (int t = 0; t < HALL.tables(); t++) {
                for (MethodStep step : MethodStep.values()) {
                    starts++;
                    if (pieces(rhythm, a, t, step).get(0).atNanos() - opened.get(step) < 20 * SECOND) {
                        early++;
                    }
                }
            }
        }
        assertThat(early / (double) starts).isBetween(0.77, 0.83);
    }

    @Test
    void theSameSeedGivesTheSameScheduleAndAnotherSeedAnother() {
        assertThat(RoomRhythm.plan(HALL).beats()).isEqualTo(RoomRhythm.plan(HALL).beats());

        Shape other = new Shape(100, 25, Duration.ofSeconds(30), Duration.ofSeconds(70), Duration.ofSeconds(60), 19);
        assertThat(RoomRhythm.plan(other).beats()).isNotEqualTo(RoomRhythm.plan(HALL).beats());
        assertThat(RoomRhythm.plan(other).openings()).isEqualTo(RoomRhythm.plan(HALL).openings());
    }

    @Test
    void theBurstsOfOverlappingAssembliesPeakAboveTheAverage() {
        RoomRhythm rhythm = RoomRhythm.plan(HALL);
        long[] due = rhythm.beats().stream().filter(beat -> !beat.opensStep()).mapToLong(Beat::atNanos).toArray();

        int perSecond = RoomRhythm.peak(due, Duration.ofSeconds(1));
        int perTenSeconds = RoomRhythm.peak(due, Duration.ofSeconds(10));
        double average = due.length / (double) HALL.span().toSeconds();
        assertThat(perSecond).isGreaterThan((int) average);
        assertThat(perTenSeconds).isGreaterThan(perSecond).isLessThanOrEqualTo(10 * perSecond);
        assertThat(HALL.span()).isEqualTo(Duration.ofMillis(29_700 + 3 * 70_000 + 60_000));
    }

    @Test
    void peakCountsTheMostDueInAnyWindow() {
        long[] due = {0, 100, 900_000_000L, 1_000_000_000L, 1_050_000_000L, 5 * SECOND};

        assertThat(RoomRhythm.peak(due, Duration.ofSeconds(1))).isEqualTo(3);
        assertThat(RoomRhythm.peak(due, Duration.ofSeconds(10))).isEqualTo(6);
        assertThat(RoomRhythm.peak(new long[0], Duration.ofSeconds(1))).isZero();
    }

    @Test
    void aBurstMustEndBeforeTheNextStepOpens() {
        assertThatThrownBy(() -> new Shape(2, 2, Duration.ZERO, Duration.ofSeconds(60), Duration.ofSeconds(60), 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<Beat> openings(RoomRhythm rhythm, int assembly) {
        return rhythm.beats().stream().filter(beat -> beat.opensStep() && beat.assembly() == assembly).toList();
    }

    private static List<Beat> pieces(RoomRhythm rhythm, int assembly, int table, MethodStep step) {
        return BY_TABLE.computeIfAbsent(rhythm, r -> r.beats().stream().filter(beat -> !beat.opensStep())
                        .collect(Collectors.groupingBy(beat -> new TableStep(beat.assembly(), beat.table(), beat.step()))))
                .getOrDefault(new TableStep(assembly, table, step), List.of());
    }

    private record TableStep(int assembly, int table, MethodStep step) {
    }

    /** The pieces of each plan by table and step, found once: the plan has about 25,000 beats. */
    private static final Map<RoomRhythm, Map<TableStep, List<Beat>>> BY_TABLE = new IdentityHashMap<>();
}
