package org.minga.projections;

import org.minga.assembly.api.AgendaApprovedEvent;
import org.minga.assembly.api.AssemblyClosedEvent;
import org.minga.assembly.api.StepOpenedEvent;

/** The life of an assembly as read models report it: scheduled, running, approved, closed. */
public final class AssemblyStatus {

    public static final String SCHEDULED = "scheduled";
    public static final String RUNNING = "running";
    public static final String APPROVED = "approved";
    public static final String CLOSED = "closed";

    private AssemblyStatus() {
    }

    /** The status after {@code event}, given the status before it. */
    public static String after(String status, Object event) {
        if (event instanceof AssemblyClosedEvent) {
            return CLOSED;
        }
        if (event instanceof AgendaApprovedEvent) {
            return APPROVED;
        }
        if (event instanceof StepOpenedEvent && SCHEDULED.equals(status)) {
            return RUNNING;
        }
        return status;
    }
}
