package org.minga.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import org.minga.assembly.api.AddNeedPieceCommand;
import org.minga.assembly.api.AgeGroup;
import org.minga.assembly.api.Area;
import org.minga.assembly.api.AttachSolutionCommand;
import org.minga.assembly.api.AxisDefinition;
import org.minga.assembly.api.ElectSpokespersonCommand;
import org.minga.assembly.api.Gender;
import org.minga.assembly.api.MonthRange;
import org.minga.assembly.api.OpenStepCommand;
import org.minga.assembly.api.ParticipantProfile;
import org.minga.assembly.api.PinTablePuzzleCommand;
import org.minga.assembly.api.RegisterParticipantCommand;
import org.minga.assembly.api.ScheduleAssemblyCommand;
import org.minga.assembly.api.SetWorkPlanCommand;
import org.minga.assembly.api.SplitIntoTablesCommand;
import org.minga.assembly.api.Step;
import org.minga.assembly.api.TableAssignment;
import org.minga.assembly.api.TablesFormed;
import org.minga.registry.ParticipantRegistry;
import org.minga.ui.web.Gateways;
import org.minga.words.Words;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * A demo assembly for a newcomer: the reference assembly's five axes, sixty invented people in
 * five tables, and a simulation that walks the tables through needs, solutions, work plans and
 * pinning over about a minute and a half, through the same commands a real room sends. The
 * plenary is left open for the facilitator to approve.
 */
@Service
public class DemoAssembly {

    private static final Logger log = LoggerFactory.getLogger(DemoAssembly.class);
    private static final int PEOPLE = 60;
    private static final String[] ORGANIZATIONS = {"Cooperativa La Esperanza", "Asociación de Mujeres Rurales",
            "Red de Emprendedores del Valle", "Banco Comunal San Isidro", "Asociación de Pescadores", "Cooperativa Cafetera",
            "Colectivo Juvenil Tejiendo", "Junta de Acción Comunal", "Mercado Campesino", "Fondo de Empleados"};

    private final Gateways gateways;
    private final ParticipantRegistry registry;
    private final Clock clock;
    private final long simulationMillis;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "minga-demo");
        thread.setDaemon(true);
        return thread;
    });

    public DemoAssembly(Gateways gateways, ParticipantRegistry registry, Clock clock,
                        @Value("${minga.demo.seconds:90}") long simulationSeconds) {
        this.gateways = gateways;
        this.registry = registry;
        this.clock = clock;
        this.simulationMillis = simulationSeconds * 1000;
    }

    /** Schedules, registers and splits a demo assembly now, then plays its tables in the background. */
    public String start(String language) {
        // Any language Minga ships words for (a K'iche' demo writes Spanish where K'iche' has no words); Spanish otherwise.
        Words words = Words.in(language);
        String assemblyId = "demo-" + UUID.randomUUID().toString().substring(0, 8);
        DemoTexts texts = new DemoTexts(words);
        List<AxisDefinition> axes = texts.axes();
        int year = LocalDate.now(clock).getYear();
        MonthRange horizon = new MonthRange(YearMonth.of(year, 1), YearMonth.of(year + 2, 12));
        gateways.send(new ScheduleAssemblyCommand(assemblyId, texts.title(), texts.region(), texts.venue(),
                LocalDate.now(clock), horizon, words.language(), axes, null, null));
        Random random = new Random(assemblyId.hashCode());
        for (int i = 1; i <= PEOPLE; i++) {
            String participantId = "p" + i;
            ParticipantProfile profile = new ParticipantProfile(ORGANIZATIONS[random.nextInt(ORGANIZATIONS.length)],
                    random.nextBoolean() ? "cooperativa" : "asociación", random.nextBoolean() ? "agricultura" : "comercio",
                    random.nextInt(10) < 6 ? Gender.FEMALE : Gender.MALE,
                    AgeGroup.values()[1 + random.nextInt(AgeGroup.values().length - 1)],
                    random.nextBoolean() ? "Buga" : "Tuluá", random.nextInt(10) < 4 ? Area.URBAN : Area.RURAL,
                    axes.get((i - 1) % axes.size()).axisId());
            gateways.send(new RegisterParticipantCommand(assemblyId, participantId, profile));
            registry.remember(assemblyId, participantId, texts.person() + " " + i);
        }
        List<TableAssignment> tables = gateways.<TablesFormed>send(new SplitIntoTablesCommand(assemblyId, PEOPLE / axes.size())).tables();
        play(assemblyId, tables, texts, horizon);
        return assemblyId;
    }

    /** Every table through the method, step after step, spread over the simulation's length. */
    private void play(String assemblyId, List<TableAssignment> tables, DemoTexts texts, MonthRange horizon) {
        List<Runnable> script = new ArrayList<>();
        script.add(() -> open(assemblyId, Step.NEEDS));
        for (int round = 0; round < 2; round++) {
            for (TableAssignment table : tables) {
                int need = round;
                script.add(() -> gateways.send(new AddNeedPieceCommand(assemblyId, table.tableId(), pieceId(table, need),
                        texts.need(table.axisId(), need))));
            }
        }
        script.add(() -> open(assemblyId, Step.SOLUTIONS));
        forEachNeed(tables, script, (table, need) -> gateways.send(new AttachSolutionCommand(assemblyId, table.tableId(),
                pieceId(table, need), texts.solution(table.axisId(), need), List.of(ORGANIZATIONS[need], ORGANIZATIONS[need + 3]))));
        script.add(() -> open(assemblyId, Step.WORK_PLAN));
        forEachNeed(tables, script, (table, need) -> gateways.send(new SetWorkPlanCommand(assemblyId, table.tableId(),
                pieceId(table, need), List.of(ORGANIZATIONS[need + 3]),
                new MonthRange(horizon.from().plusMonths(3L * need), horizon.from().plusMonths(3L * need + 8)))));
        script.add(() -> open(assemblyId, Step.SPOKESPEOPLE));
        for (TableAssignment table : tables) {
            script.add(() -> gateways.send(new ElectSpokespersonCommand(assemblyId, table.tableId(), table.memberIds().get(0))));
            script.add(() -> gateways.send(new PinTablePuzzleCommand(assemblyId, table.tableId())));
        }
        script.add(() -> open(assemblyId, Step.PLENARY));

        long pause = Math.max(50, simulationMillis / script.size());
        for (int i = 0; i < script.size(); i++) {
            Runnable step = script.get(i);
            scheduler.schedule(() -> {
                try {
                    step.run();
                } catch (RuntimeException e) {
                    // A facilitator may take over the demo (close a step, close the assembly): the demo just stops there.
                    log.info("Demo {} stopped a step: {}", assemblyId, e.getMessage());
                }
            }, pause * (i + 1), TimeUnit.MILLISECONDS);
        }
    }

    private void open(String assemblyId, Step step) {
        gateways.send(new OpenStepCommand(assemblyId, step, clock.instant(), Math.max(1, (int) (simulationMillis / 60_000 / 4) + 1)));
    }

    private static void forEachNeed(List<TableAssignment> tables, List<Runnable> script,
                                    java.util.function.BiConsumer<TableAssignment, Integer> action) {
        for (int need = 0; need < 2; need++) {
            for (TableAssignment table : tables) {
                int n = need;
                script.add(() -> action.accept(table, n));
            }
        }
    }

    private static String pieceId(TableAssignment table, int need) {
        return table.tableId() + "-need-" + (need + 1);
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }
}
