package org.minga.assembly.command;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.minga.assembly.api.AgeGroup;
import org.minga.assembly.api.Area;
import org.minga.assembly.api.AssemblyRules;
import org.minga.assembly.api.AssemblyScheduledEvent;
import org.minga.assembly.api.AssemblySplitIntoTablesEvent;
import org.minga.assembly.api.AxisDefinition;
import org.minga.assembly.api.Gender;
import org.minga.assembly.api.MonthRange;
import org.minga.assembly.api.NeedPieceAddedEvent;
import org.minga.assembly.api.ParticipantProfile;
import org.minga.assembly.api.ParticipantRegisteredEvent;
import org.minga.assembly.api.ScheduleAssemblyCommand;
import org.minga.assembly.api.SolutionAttachedEvent;
import org.minga.assembly.api.SpokespersonElectedEvent;
import org.minga.assembly.api.Step;
import org.minga.assembly.api.StepOpenedEvent;
import org.minga.assembly.api.StepTimebox;
import org.minga.assembly.api.TableAssignment;
import org.minga.assembly.api.TablePuzzlePinnedEvent;
import org.minga.assembly.api.WorkPlanSetEvent;

/** Friendly builders for the assembly every test starts from: two axes, two tables of two. */
final class AssemblyTestData {

    static final String ASSEMBLY = "valle-2026";
    static final String CREDIT = "credit";
    static final String TRAINING = "training";
    static final String TABLE_1 = "t1";
    static final String TABLE_2 = "t2";
    static final Instant NINE_AM = Instant.parse("2026-03-14T13:00:00Z");
    static final MonthRange HORIZON = new MonthRange(YearMonth.of(2024, 1), YearMonth.of(2026, 12));
    static final MonthRange DURING_2025 = new MonthRange(YearMonth.of(2025, 3), YearMonth.of(2025, 12));

    private AssemblyTestData() {
    }

    static List<AxisDefinition> twoAxes() {
        return List.of(
                new AxisDefinition(CREDIT, "Acceso a crédito para la economía popular", null),
                new AxisDefinition(TRAINING, "Formación para la asociatividad solidaria", null));
    }

    /** The five axes of the reference assembly. */
    static List<AxisDefinition> referenceAxes() {
        return List.of(
                new AxisDefinition("association", "Asociatividad y trabajo en red", null),
                new AxisDefinition("credit", "Acceso a crédito para la economía popular", null),
                new AxisDefinition("training", "Formación para la asociatividad solidaria", null),
                new AxisDefinition("assistance", "Asistencia técnica para la industrialización", null),
                new AxisDefinition("territories", "Integración para construir territorios solidarios", null));
    }

    static ScheduleAssemblyCommand scheduleAssembly() {
        return new ScheduleAssemblyCommand(ASSEMBLY, "Asamblea del Valle", "Valle del Cauca", "Salón comunal",
                LocalDate.of(2026, 3, 14), HORIZON, "es", twoAxes(), null, null);
    }

    static AssemblyScheduledEvent assemblyScheduled() {
        return assemblyScheduled(AssemblyRules.DEFAULTS);
    }

    static AssemblyScheduledEvent assemblyScheduled(AssemblyRules rules) {
        return new AssemblyScheduledEvent(ASSEMBLY, "Asamblea del Valle", "Valle del Cauca", "Salón comunal",
                LocalDate.of(2026, 3, 14), HORIZON, "es", twoAxes(), rules, defaultTimeboxes());
    }

    static List<StepTimebox> defaultTimeboxes() {
        List<StepTimebox> timeboxes = new ArrayList<>();
        for (Step step : Step.values()) {
            timeboxes.add(new StepTimebox(step, step.defaultMinutes()));
        }
        return timeboxes;
    }

    static ParticipantProfile profile(String organization, String preferredAxisId) {
        return new ParticipantProfile(organization, "cooperativa", "agricultura", Gender.FEMALE,
                AgeGroup.FROM_30_TO_44, "Buga", Area.RURAL, preferredAxisId);
    }

    static ParticipantRegisteredEvent registered(String participantId, String organization) {
        return new ParticipantRegisteredEvent(ASSEMBLY, participantId, profile(organization, null));
    }

    static TableAssignment table(String tableId, String axisId, String... memberIds) {
        return new TableAssignment(tableId, axisId, Integer.parseInt(tableId.substring(1)), List.of(memberIds));
    }

    /** Scheduled, four people registered, split into Mesa 1 (credit: p1, p2) and Mesa 2 (training: p3, p4). */
    static List<Object> seatedRoom() {
        return new ArrayList<>(List.of(
                assemblyScheduled(),
                registered("p1", "Cooperativa La Esperanza"),
                registered("p2", "Asociación de Mujeres Rurales"),
                registered("p3", "Cooperativa La Esperanza"),
                registered("p4", "Red de Emprendedores"),
                new AssemblySplitIntoTablesEvent(ASSEMBLY, 20, List.of(
                        table(TABLE_1, CREDIT, "p1", "p2"),
                        table(TABLE_2, TRAINING, "p3", "p4")))));
    }

    static List<Object> seatedRoomWith(Object... more) {
        List<Object> events = seatedRoom();
        events.addAll(List.of(more));
        return events;
    }

    static StepOpenedEvent opened(Step step) {
        return new StepOpenedEvent(ASSEMBLY, step, NINE_AM, NINE_AM.plusSeconds(60L * step.defaultMinutes()));
    }

    static NeedPieceAddedEvent needAdded(String tableId, String pieceId, String text) {
        String axis = TABLE_1.equals(tableId) ? CREDIT : TRAINING;
        return new NeedPieceAddedEvent(ASSEMBLY, tableId, axis, pieceId, text);
    }

    static SolutionAttachedEvent solutionAttached(String tableId, String pieceId, String text) {
        return new SolutionAttachedEvent(ASSEMBLY, tableId, pieceId, text, List.of("Cooperativa La Esperanza"));
    }

    static WorkPlanSetEvent workPlanSet(String tableId, String pieceId) {
        return new WorkPlanSetEvent(ASSEMBLY, tableId, pieceId, List.of("Cooperativa La Esperanza"), DURING_2025);
    }

    /** Mesa 1 with one finished need (solution and work plan), its spokesperson elected, spokespeople step open. */
    static List<Object> tableOneReadyToPin() {
        return seatedRoomWith(
                opened(Step.NEEDS),
                needAdded(TABLE_1, "n1", "Crédito sin garantías para mujeres rurales"),
                opened(Step.SOLUTIONS),
                solutionAttached(TABLE_1, "n1", "Fondo rotatorio entre cooperativas"),
                opened(Step.WORK_PLAN),
                workPlanSet(TABLE_1, "n1"),
                opened(Step.SPOKESPEOPLE),
                new SpokespersonElectedEvent(ASSEMBLY, TABLE_1, "p2"));
    }

    /** Mesa 1 pinned with its finished need, Mesa 2 with an unfinished need and not pinned, plenary open. */
    static List<Object> tableOnePinnedTableTwoUnpinnedPlenaryOpen() {
        return seatedRoomWith(
                opened(Step.NEEDS),
                needAdded(TABLE_1, "n1", "Crédito sin garantías para mujeres rurales"),
                needAdded(TABLE_2, "n2", "Capacitación en contabilidad"),
                opened(Step.SOLUTIONS),
                solutionAttached(TABLE_1, "n1", "Fondo rotatorio entre cooperativas"),
                opened(Step.WORK_PLAN),
                workPlanSet(TABLE_1, "n1"),
                opened(Step.SPOKESPEOPLE),
                new SpokespersonElectedEvent(ASSEMBLY, TABLE_1, "p2"),
                new TablePuzzlePinnedEvent(ASSEMBLY, TABLE_1),
                opened(Step.PLENARY));
    }

    static List<Object> tableOnePinnedAndPlenaryOpen() {
        List<Object> events = tableOneReadyToPin();
        events.add(new TablePuzzlePinnedEvent(ASSEMBLY, TABLE_1));
        events.add(opened(Step.PLENARY));
        return events;
    }
}
