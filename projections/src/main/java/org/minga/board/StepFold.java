package org.minga.board;

import org.minga.assembly.api.StepClosedEvent;
import org.minga.assembly.api.StepOpenedEvent;
import org.minga.assembly.api.StepPausedEvent;
import org.minga.assembly.api.StepResumedEvent;
import org.minga.assembly.api.StepTimeChangedEvent;
import org.minga.assembly.api.query.BoardView.StepState;

/**
 * The step and its countdown after a step event: opened, given more or less time, paused, resumed,
 * closed. The board and the facilitator's summary share it, so every screen counts the same time.
 */
public final class StepFold {

    private StepFold() {
    }

    /** The step after the event; the same instance when the event does not touch the current step. */
    public static StepState after(StepState step, Object event) {
        if (event instanceof StepOpenedEvent opened) {
            return new StepState(opened.step(), true, opened.deadline(), null);
        }
        if (event instanceof StepTimeChangedEvent changed && changed.step() == step.current()) {
            return new StepState(step.current(), step.open(), changed.deadline(), step.pausedAt());
        }
        if (event instanceof StepPausedEvent paused && paused.step() == step.current()) {
            return new StepState(step.current(), step.open(), step.deadline(), paused.pausedAt());
        }
        if (event instanceof StepResumedEvent resumed && resumed.step() == step.current()) {
            return new StepState(step.current(), step.open(), resumed.deadline(), null);
        }
        if (event instanceof StepClosedEvent closed && closed.step() == step.current()) {
            return new StepState(step.current(), false, step.deadline(), null);
        }
        return step;
    }

    public static boolean isStepEvent(Object event) {
        return event instanceof StepOpenedEvent || event instanceof StepClosedEvent || event instanceof StepTimeChangedEvent
                || event instanceof StepPausedEvent || event instanceof StepResumedEvent;
    }
}
