package org.minga.benchmark.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.minga.assembly.api.AddNeedPieceCommand;
import org.minga.assembly.api.AgeGroup;
import org.minga.assembly.api.Area;
import org.minga.assembly.api.AxisDefinition;
import org.minga.assembly.api.Gender;
import org.minga.assembly.api.MonthRange;
import org.minga.assembly.api.OpenStepCommand;
import org.minga.assembly.api.ParticipantProfile;
import org.minga.assembly.api.RegisterParticipantCommand;
import org.minga.assembly.api.ReviseNeedPieceCommand;
import org.minga.assembly.api.ScheduleAssemblyCommand;
import org.minga.assembly.api.SplitIntoTablesCommand;
import org.minga.assembly.api.Step;
import org.minga.assembly.api.TableAssignment;
import org.minga.assembly.api.TableLabels;
import org.minga.assembly.api.TablesFormed;

/**
 * Fills a fresh data directory with at least the given number of events, the way rooms produce
 * them: Minga's own commands through its {@link CommandGateway}, in-process (no HTTP), with the
 * read models' processors running. Each assembly is the live room's: scheduled with one axis per
 * five of its {@value #TABLES} tables, two people registered per table, split into tables of two,
 * the needs step opened, each table adding its two needs, then {@value #REVISIONS_PER_NEED}
 * revisions of every need (what the 60 s at 500 commands/s over 100 such assemblies
 * leaves). Minga's snapshots (every 250 events) are taken as in use. Assemblies are built
 * {@value #FACILITATORS} at a time, each command awaited as the web layer awaits it; then the
 * read models are allowed to catch up, and Minga's context is closed as a clean stop does.
 *
 * <p>Asked for a deep assembly, it also builds {@value #SHALLOW_ASSEMBLIES} shallow ones, the same
 * room with no revisions ({@value #EVENTS_BEFORE_REVISIONS} events each), and then {@value #DEEP_ASSEMBLY},
 * the same room whose needs are revised round the tables until it holds the events asked for:
 * what issue 7's assembly-depth figures compare.
 */
final class RoomDataset {

    static final int TABLES = 25;
    static final int PEOPLE_PER_TABLE = 2;
    static final int TABLES_PER_AXIS = 5;
    static final int NEEDS_PER_TABLE = 2;
    static final int REVISIONS_PER_NEED = 6;
    static final int FACILITATORS = 2;
    /** Schedule, registrations, split, needs step opened, needs added. */
    static final int EVENTS_BEFORE_REVISIONS = 1 + TABLES * PEOPLE_PER_TABLE + 1 + 1 + TABLES * NEEDS_PER_TABLE;
    static final int EVENTS_PER_ASSEMBLY = EVENTS_BEFORE_REVISIONS + TABLES * NEEDS_PER_TABLE * REVISIONS_PER_NEED;
    static final String DEEP_ASSEMBLY = "store-deep";
    static final int SHALLOW_ASSEMBLIES = 4;
    private static final Duration CATCH_UP_LIMIT = Duration.ofMinutes(15);
    private static final int PROGRESS_EVERY = 10;
    private static final long COMMAND_TIMEOUT_SECONDS = 30;
    private static final String[] ORGANIZATIONS = {"Junta de Acción Comunal", "Cooperativa Lechera", "Asociación de Mujeres",
            "Colegio Rural", "Cabildo Indígena", "Acueducto Veredal", "Mesa de Víctimas"};
    private static final Instant NEEDS_OPENED = Instant.parse("2026-03-14T14:00:00Z");

    private RoomDataset() {
    }

    /** At least {@code events} in room-shaped assemblies; with {@code deepEvents} above 0, the deep and shallow assemblies too. */
    static Map<String, Object> build(Path dataDir, long events, long deepEvents) throws Exception {
        if (deepEvents != 0 && deepEvents <= EVENTS_BEFORE_REVISIONS) {
            throw new IllegalArgumentException("A deep assembly holds more than a shallow one's " + EVENTS_BEFORE_REVISIONS
                    + " events, not " + deepEvents);
        }
        int assemblies = (int) Math.max(1, (events + EVENTS_PER_ASSEMBLY - 1) / EVENTS_PER_ASSEMBLY);
        Map<String, Integer> revisionsByAssembly = new LinkedHashMap<>();
        for (int k = 0; k < assemblies; k++) {
            revisionsByAssembly.put("store-a" + k, EVENTS_PER_ASSEMBLY - EVENTS_BEFORE_REVISIONS);
        }
        List<String> shallowIds = deepEvents == 0 ? List.of()
                : IntStream.range(0, SHALLOW_ASSEMBLIES).mapToObj(k -> "store-shallow-" + k).toList();
        shallowIds.forEach(id -> revisionsByAssembly.put(id, 0));
        int deepRevisions = (int) Math.max(0, deepEvents - EVENTS_BEFORE_REVISIONS);
        // One event per command: every revision changes its need's text.
        long expectedEvents = revisionsByAssembly.values().stream().mapToLong(revisions -> EVENTS_BEFORE_REVISIONS + revisions).sum()
                + (deepEvents == 0 ? 0 : EVENTS_BEFORE_REVISIONS + deepRevisions);
        Map<String, Object> result = new LinkedHashMap<>();
        try (MingaContext minga = MingaContext.start(dataDir)) {
            result.put("contextStartSeconds", minga.startTook().toMillis() / 1000.0);
            CommandGateway commands = minga.bean(CommandGateway.class);
            DataSource dataSource = minga.bean(DataSource.class);
            StoreRunner.log("Building " + assemblies + " assemblies of " + TABLES + " tables (" + EVENTS_PER_ASSEMBLY
                    + " events each) and " + shallowIds.size() + " shallow ones with " + FACILITATORS + " at a time");
            CpuShare cpu = CpuShare.start();
            long begin = System.nanoTime();
            long sent = buildAll(commands, revisionsByAssembly);
            long deepBuilt = 0;
            if (deepEvents > 0) {
                StoreRunner.log("Building " + DEEP_ASSEMBLY + ": " + deepRevisions + " revisions after its needs, one command at a time");
                long deepBegin = System.nanoTime();
                // One aggregate: its commands would only queue behind each other on more threads.
                sent += room(commands, DEEP_ASSEMBLY, deepRevisions);
                deepBuilt = System.nanoTime() - deepBegin;
            }
            long built = System.nanoTime() - begin;
            Map<String, Object> buildCpu = cpu.stop();
            StoreRunner.log("Built in " + built / 1_000_000 + " ms; waiting for the read models to catch up");
            long catchUpBegin = System.nanoTime();
            if (!minga.awaitProcessorsAtHead(CATCH_UP_LIMIT)) {
                throw new IllegalStateException("The read models did not catch up within " + CATCH_UP_LIMIT.toMinutes() + " min");
            }
            long caughtUp = System.nanoTime() - catchUpBegin;
            long stored = count(dataSource, "SELECT COUNT(*) FROM DomainEventEntry");
            result.put("assemblies", assemblies);
            result.put("tablesPerAssembly", TABLES);
            result.put("revisionsPerNeed", REVISIONS_PER_NEED);
            result.put("commands", sent);
            result.put("eventsStored", stored);
            result.put("snapshotsStored", count(dataSource, "SELECT COUNT(*) FROM SnapshotEventEntry"));
            result.put("buildSeconds", built / 1e9);
            result.put("eventsPerSecond", stored / (built / 1e9));
            result.put("expectedEvents", expectedEvents);
            result.put("catchUpSeconds", caughtUp / 1e9);
            result.put("buildOwnCpuCores", buildCpu.get("ownCpuCores"));
            result.put("buildOtherCpuCores", buildCpu.getOrDefault("otherCpuCores", -1));
            if (deepEvents > 0) {
                result.put("deepAssemblyId", DEEP_ASSEMBLY);
                result.put("deepAssemblyEvents", eventsOf(dataSource, DEEP_ASSEMBLY));
                result.put("deepBuildSeconds", deepBuilt / 1e9);
                result.put("shallowAssemblyIds", shallowIds);
                result.put("shallowAssemblyEvents", eventsOf(dataSource, shallowIds.get(0)));
            }
            // The files as a running Minga leaves them; the harness measures them again after the clean stop.
            result.put("eventsFileBytesRunning", Files.size(dataDir.resolve("events.mv.db")));
            result.put("readModelsFileBytesRunning", Files.size(dataDir.resolve("views.mv.db")));
            StoreRunner.log(stored + " events stored; closing Minga's context");
            long closeBegin = System.nanoTime();
            // Closed here to time it; closing again when the try ends does nothing.
            minga.close();
            result.put("closeSeconds", (System.nanoTime() - closeBegin) / 1e9);
        }
        return result;
    }

    /** The assemblies, each with its number of revisions, {@value #FACILITATORS} at a time; answers the commands sent. */
    private static long buildAll(CommandGateway commands, Map<String, Integer> revisionsByAssembly) throws InterruptedException {
        int assemblies = revisionsByAssembly.size();
        ExecutorService facilitators = Executors.newFixedThreadPool(FACILITATORS);
        try {
            List<Future<Long>> rooms = new ArrayList<>();
            revisionsByAssembly.forEach((assemblyId, revisions) -> rooms.add(facilitators.submit(() -> room(commands, assemblyId, revisions))));
            long sent = 0;
            long begin = System.nanoTime();
            for (int k = 0; k < rooms.size(); k++) {
                sent += rooms.get(k).get();
                if ((k + 1) % PROGRESS_EVERY == 0) {
                    StoreRunner.log(String.format("%d of %d assemblies, %.0f commands/s", k + 1, assemblies,
                            sent / ((System.nanoTime() - begin) / 1e9)));
                }
            }
            return sent;
        } catch (ExecutionException e) {
            throw new IllegalStateException("Building the dataset failed: " + e.getCause(), e.getCause());
        } finally {
            facilitators.shutdownNow();
        }
    }

    /**
     * One assembly through the needs step, then {@code revisions} revisions of its needs round the
     * tables (each need once per round); answers how many commands it took.
     */
    private static long room(CommandGateway commands, String assemblyId, int revisions) {
        long sent = 0;
        int axes = TABLES / TABLES_PER_AXIS;
        List<AxisDefinition> axisList = new ArrayList<>();
        for (int a = 0; a < axes; a++) {
            axisList.add(new AxisDefinition("axis" + a, "Eje " + (a + 1), "Eje temático " + (a + 1) + " del plan de desarrollo"));
        }
        send(commands, new ScheduleAssemblyCommand(assemblyId, "Asamblea de prueba " + assemblyId, "Banco de pruebas", "Coliseo municipal",
                LocalDate.of(2026, 3, 14), new MonthRange(YearMonth.of(2024, 1), YearMonth.of(2026, 12)), "es", axisList, null, null));
        sent++;
        Random random = new Random(assemblyId.hashCode());
        int people = TABLES * PEOPLE_PER_TABLE;
        for (int p = 0; p < people; p++) {
            // Preferences dealt round the axes so the groups, and so the tables, come out even (as RoomSetup does).
            ParticipantProfile profile = new ParticipantProfile(ORGANIZATIONS[p % ORGANIZATIONS.length],
                    random.nextBoolean() ? "cooperativa" : "asociación", random.nextBoolean() ? "agricultura" : "comercio",
                    random.nextInt(10) < 6 ? Gender.FEMALE : Gender.MALE, AgeGroup.values()[1 + random.nextInt(AgeGroup.values().length - 1)],
                    random.nextBoolean() ? "Buga" : "Tuluá", random.nextInt(10) < 4 ? Area.URBAN : Area.RURAL, "axis" + (p % axes));
            send(commands, new RegisterParticipantCommand(assemblyId, "p" + p, profile));
            sent++;
        }
        TablesFormed formed = send(commands, new SplitIntoTablesCommand(assemblyId, PEOPLE_PER_TABLE));
        sent++;
        if (formed.tables().size() != TABLES) {
            throw new IllegalStateException(assemblyId + " was split into " + formed.tables().size() + " tables, not " + TABLES);
        }
        send(commands, new OpenStepCommand(assemblyId, Step.NEEDS, NEEDS_OPENED, null));
        sent++;
        for (TableAssignment table : formed.tables()) {
            for (int n = 1; n <= NEEDS_PER_TABLE; n++) {
                send(commands, new AddNeedPieceCommand(assemblyId, table.tableId(), needId(table, n), needText(table, n, 0)));
                sent++;
            }
        }
        int needs = TABLES * NEEDS_PER_TABLE;
        for (int r = 0; r < revisions; r++) {
            TableAssignment table = formed.tables().get((r % needs) / NEEDS_PER_TABLE);
            int n = r % NEEDS_PER_TABLE + 1;
            // A new text each round: a revision to the same text is no change and leaves no event.
            send(commands, new ReviseNeedPieceCommand(assemblyId, table.tableId(), needId(table, n), needText(table, n, r / needs + 1)));
            sent++;
        }
        return sent;
    }

    private static String needId(TableAssignment table, int n) {
        return table.tableId() + "-n" + n;
    }

    private static String needText(TableAssignment table, int n, int revision) {
        String text = "Necesidad " + n + " de la mesa " + TableLabels.label("es", table.number()) + ": agua potable y vías para las veredas altas";
        return revision == 0 ? text : text + " (rev-" + revision + ")";
    }

    private static <R> R send(CommandGateway commands, Object command) {
        return commands.sendAndWait(command, COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    private static long eventsOf(DataSource dataSource, String assemblyId) throws SQLException {
        return count(dataSource, "SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?", assemblyId);
    }

    private static long count(DataSource dataSource, String sql, String... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int p = 0; p < parameters.length; p++) {
                statement.setString(p + 1, parameters[p]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
