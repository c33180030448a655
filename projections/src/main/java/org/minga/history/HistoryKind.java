package org.minga.history;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.minga.assembly.api.AgendaApprovedEvent;
import org.minga.assembly.api.AssemblyClosedEvent;
import org.minga.assembly.api.AssemblyScheduledEvent;
import org.minga.assembly.api.AssemblySplitIntoTablesEvent;
import org.minga.assembly.api.LateParticipantSeatedEvent;
import org.minga.assembly.api.NeedPieceAddedEvent;
import org.minga.assembly.api.NeedPieceRevisedEvent;
import org.minga.assembly.api.NeedPieceWithdrawnEvent;
import org.minga.assembly.api.ParticipantMovedEvent;
import org.minga.assembly.api.ParticipantProfileCorrectedEvent;
import org.minga.assembly.api.ParticipantRegisteredEvent;
import org.minga.assembly.api.SolutionAttachedEvent;
import org.minga.assembly.api.SolutionRevisedEvent;
import org.minga.assembly.api.SpokespersonElectedEvent;
import org.minga.assembly.api.StepClosedEvent;
import org.minga.assembly.api.StepOpenedEvent;
import org.minga.assembly.api.StepPausedEvent;
import org.minga.assembly.api.StepResumedEvent;
import org.minga.assembly.api.StepTimeChangedEvent;
import org.minga.assembly.api.TableLeaderAssignedEvent;
import org.minga.assembly.api.TablePuzzlePinnedEvent;
import org.minga.assembly.api.TablePuzzleUnpinnedEvent;
import org.minga.assembly.api.WorkPlanRevisedEvent;
import org.minga.assembly.api.WorkPlanSetEvent;

/**
 * What a history entry is about, as a word that stays when an event's Java class is renamed: the
 * REST answer's {@code kind} ("need-written", "step-opened"…), which pages match instead of class
 * names. Read from the type the history stored, so entries stored before kinds existed have one too.
 */
public enum HistoryKind {
    ASSEMBLY_SCHEDULED("assembly-scheduled", AssemblyScheduledEvent.class),
    PARTICIPANT_REGISTERED("participant-registered", ParticipantRegisteredEvent.class),
    PARTICIPANT_CORRECTED("participant-corrected", ParticipantProfileCorrectedEvent.class),
    TABLES_FORMED("tables-formed", AssemblySplitIntoTablesEvent.class),
    PARTICIPANT_SEATED("participant-seated", LateParticipantSeatedEvent.class),
    PARTICIPANT_MOVED("participant-moved", ParticipantMovedEvent.class),
    LEADER_ASSIGNED("leader-assigned", TableLeaderAssignedEvent.class),
    STEP_OPENED("step-opened", StepOpenedEvent.class),
    STEP_TIME_CHANGED("step-time-changed", StepTimeChangedEvent.class),
    STEP_PAUSED("step-paused", StepPausedEvent.class),
    STEP_RESUMED("step-resumed", StepResumedEvent.class),
    STEP_CLOSED("step-closed", StepClosedEvent.class),
    NEED_WRITTEN("need-written", NeedPieceAddedEvent.class),
    NEED_REVISED("need-revised", NeedPieceRevisedEvent.class),
    NEED_WITHDRAWN("need-withdrawn", NeedPieceWithdrawnEvent.class),
    SOLUTION_WRITTEN("solution-written", SolutionAttachedEvent.class),
    SOLUTION_REVISED("solution-revised", SolutionRevisedEvent.class),
    PLAN_WRITTEN("plan-written", WorkPlanSetEvent.class),
    PLAN_REVISED("plan-revised", WorkPlanRevisedEvent.class),
    SPOKESPERSON_ELECTED("spokesperson-elected", SpokespersonElectedEvent.class),
    TABLE_PINNED("table-pinned", TablePuzzlePinnedEvent.class),
    TABLE_UNPINNED("table-unpinned", TablePuzzleUnpinnedEvent.class),
    AGENDA_APPROVED("agenda-approved", AgendaApprovedEvent.class),
    ASSEMBLY_CLOSED("assembly-closed", AssemblyClosedEvent.class),
    /** An event the history does not know how to tell. */
    OTHER("other", null);

    /** By the simple name of their event: a history of 10,000 entries asks 10,000 times. */
    private static final Map<String, HistoryKind> BY_TYPE = Arrays.stream(values()).filter(k -> k.event != null)
            .collect(Collectors.toUnmodifiableMap(k -> k.event.getSimpleName(), Function.identity()));

    private final String code;
    private final Class<?> event;

    HistoryKind(String code, Class<?> event) {
        this.code = code;
        this.event = event;
    }

    /** The word in the REST answer. */
    public String code() {
        return code;
    }

    /** The kind of a history record's type (an event's simple class name, as stored). */
    public static HistoryKind ofType(String type) {
        return type == null ? OTHER : BY_TYPE.getOrDefault(type, OTHER);
    }
}
