package org.minga.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.minga.benchmark.PhoneLoad.Kind;

/**
 * A room's rhythm as a facilitator sees a hall (issue 18, target 3): each assembly walks the
 * method's steps in order, its facilitator opening the next one a fixed gap after the last; the
 * assemblies start at staggered times; and within a burst after a step opens, each of its tables
 * sends that step's pieces. Needs: its one or two needs; solutions: a solution on each; work plan:
 * a work plan on each; spokespeople: the election, then the pin. Most tables start in the first
 * third of the burst (20 s of 60), as a room does when the facilitator says "go", and the rest
 * trickle in; a table's second piece follows its first after a few seconds of typing. The plan
 * is drawn from a seeded {@link Random}, so the same settings give the same schedule.
 */
final class RoomRhythm {

    /** The part of a burst in which most tables send their first piece: 20 s of 60. */
    static final double FRONT_OF_BURST = 1.0 / 3;
    /** How many tables start in that front part. */
    static final double TABLES_IN_FRONT = 0.8;
    /** A phone sends once it has seen the step open: nothing earlier than this part of the burst (1 s of 60). */
    static final double REACTION_OF_BURST = 1.0 / 60;
    /** A table's next piece follows the one before after this part of the burst, at least and at most: 2 to 6 s of 60. */
    static final double NEXT_PIECE_MIN_OF_BURST = 1.0 / 30;
    static final double NEXT_PIECE_MAX_OF_BURST = 1.0 / 10;
    /** The steps in which tables send pieces, in the order a facilitator opens them. */
    static final List<MethodStep> STEPS = List.of(MethodStep.values());

    /** The size of the hall and its timing. */
    record Shape(int assemblies, int tables, Duration stagger, Duration gap, Duration burst, long seed) {

        Shape {
            if (assemblies < 1 || tables < 1) {
                throw new IllegalArgumentException("A rhythm needs at least one assembly of one table");
            }
            if (burst.isNegative() || burst.isZero() || gap.compareTo(burst) <= 0 || stagger.isNegative()) {
                throw new IllegalArgumentException("A burst is positive and shorter than the gap between steps, and the stagger not negative");
            }
        }

        static Shape of(BenchmarkSettings settings) {
            return new Shape(settings.rhythmAssemblies(), settings.tablesPerAssembly(), settings.rhythmStagger(), settings.rhythmGap(),
                    settings.rhythmBurst(), settings.rhythmSeed());
        }

        Shape withTables(int tablesPerAssembly) {
            return new Shape(assemblies, tablesPerAssembly, stagger, gap, burst, seed);
        }

        /** From the first step opened to the end of the last burst. */
        Duration span() {
            return stagger.multipliedBy(assemblies - 1).dividedBy(assemblies)
                    .plus(gap.multipliedBy(STEPS.size() - 1)).plus(burst);
        }
    }

    /**
     * One command of the plan, {@code atNanos} after the phase starts: a step opened by an
     * assembly's facilitator ({@code table} -1, kind {@link Kind#OPEN_STEP}) or a table's piece
     * ({@code need} the index of the need it is about, -1 for the election and the pin).
     */
    record Beat(long atNanos, int assembly, int table, MethodStep step, Kind kind, int need) {

        boolean opensStep() {
            return kind == Kind.OPEN_STEP;
        }
    }

    private final Shape shape;
    private final List<Beat> beats;
    private final int[][] needsPerTable;

    private RoomRhythm(Shape shape, List<Beat> beats, int[][] needsPerTable) {
        this.shape = shape;
        this.beats = beats;
        this.needsPerTable = needsPerTable;
    }

    /** The whole plan for {@code shape}: every opening and every piece, in the order they are due. */
    static RoomRhythm plan(Shape shape) {
        Random random = new Random(shape.seed());
        int[][] needs = new int[shape.assemblies()][shape.tables()];
        for (int[] assembly : needs) {
            for (int t = 0; t < assembly.length; t++) {
                assembly[t] = 1 + random.nextInt(RoomSetup.NEEDS_PER_TABLE);
            }
        }
        long burst = shape.burst().toNanos();
        List<Beat> beats = new ArrayList<>();
        for (int a = 0; a < shape.assemblies(); a++) {
            // Evenly over the stagger: the facilitators of a hall start one after another, not all at once.
            long start = shape.stagger().toNanos() * a / shape.assemblies();
            for (int s = 0; s < STEPS.size(); s++) {
                MethodStep step = STEPS.get(s);
                long opened = start + s * shape.gap().toNanos();
                beats.add(new Beat(opened, a, -1, step, Kind.OPEN_STEP, -1));
                for (int t = 0; t < shape.tables(); t++) {
                    List<Kind> pieces = piecesOf(step, needs[a][t]);
                    long next = Math.round(burst * uniform(random, NEXT_PIECE_MIN_OF_BURST, NEXT_PIECE_MAX_OF_BURST));
                    long first = Math.min(firstPiece(random, burst), burst - 1 - (pieces.size() - 1) * next);
                    for (int p = 0; p < pieces.size(); p++) {
                        Kind kind = pieces.get(p);
                        int need = kind == Kind.ELECT_SPOKESPERSON || kind == Kind.PIN ? -1 : p;
                        beats.add(new Beat(opened + first + p * next, a, t, step, kind, need));
                    }
                }
            }
        }
        // Stable: an opening stays before its own pieces, and a table's pieces in their order, should two fall on one nanosecond.
        beats.sort(Comparator.comparingLong(Beat::atNanos));
        return new RoomRhythm(shape, List.copyOf(beats), needs);
    }

    /** What a table sends in {@code step}, in order. */
    private static List<Kind> piecesOf(MethodStep step, int needs) {
        return switch (step) {
            case NEEDS -> Collections.nCopies(needs, Kind.ADD_NEED);
            case SOLUTIONS -> Collections.nCopies(needs, Kind.SOLUTION);
            case WORK_PLAN -> Collections.nCopies(needs, Kind.WORK_PLAN);
            case SPOKESPEOPLE -> List.of(Kind.ELECT_SPOKESPERSON, Kind.PIN);
        };
    }

    /** When a table sends its first piece after the step opens: most in the front of the burst, none before the reaction time. */
    private static long firstPiece(Random random, long burst) {
        long reaction = Math.round(burst * REACTION_OF_BURST);
        long front = Math.round(burst * FRONT_OF_BURST);
        return random.nextDouble() < TABLES_IN_FRONT
                ? reaction + (long) (random.nextDouble() * (front - reaction))
                : front + (long) (random.nextDouble() * (burst - front));
    }

    private static double uniform(Random random, double from, double to) {
        return from + random.nextDouble() * (to - from);
    }

    Shape shape() {
        return shape;
    }

    List<Beat> beats() {
        return beats;
    }

    /** How many needs table {@code table} of assembly {@code assembly} writes: one or two. */
    int needs(int assembly, int table) {
        return needsPerTable[assembly][table];
    }

    /** The tables' commands, every one inside a burst. */
    int pieces() {
        return (int) beats.stream().filter(beat -> !beat.opensStep()).count();
    }

    /** The facilitators' step openings. */
    int openings() {
        return beats.size() - pieces();
    }

    /**
     * The most pieces due in any {@code window} (their count, not per second), over the whole plan:
     * how hard the bursts of assemblies that overlap press on Minga at once.
     */
    static int peak(long[] dueNanos, Duration window) {
        long[] due = dueNanos.clone();
        Arrays.sort(due);
        int most = 0;
        int from = 0;
        for (int to = 0; to < due.length; to++) {
            while (due[to] - due[from] >= window.toNanos()) {
                from++;
            }
            most = Math.max(most, to - from + 1);
        }
        return most;
    }
}
