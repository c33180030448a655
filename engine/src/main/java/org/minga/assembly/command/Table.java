package org.minga.assembly.command;

import java.util.ArrayList;
import java.util.List;

/**
 * A table as the aggregate needs it to decide; immutable, replaced by the event-sourcing handlers.
 * {@code label} is derived from {@code number} in the assembly's language, for refusals to name it.
 */
record Table(String tableId,
             String axisId,
             int number,
             String label,
             List<String> memberIds,
             String leaderId,
             String spokespersonId,
             boolean pinned) {

    Table {
        memberIds = List.copyOf(memberIds);
    }

    boolean hasMember(String participantId) {
        return memberIds.contains(participantId);
    }

    Table withMember(String participantId) {
        List<String> members = new ArrayList<>(memberIds);
        members.add(participantId);
        return new Table(tableId, axisId, number, label, members, leaderId, spokespersonId, pinned);
    }

    /** The table without this member, who no longer leads it or speaks for it. */
    Table withoutMember(String participantId) {
        List<String> members = new ArrayList<>(memberIds);
        members.remove(participantId);
        return new Table(tableId, axisId, number, label, members, participantId.equals(leaderId) ? null : leaderId,
                participantId.equals(spokespersonId) ? null : spokespersonId, pinned);
    }

    Table withLeader(String participantId) {
        return new Table(tableId, axisId, number, label, memberIds, participantId, spokespersonId, pinned);
    }

    Table withSpokesperson(String participantId) {
        return new Table(tableId, axisId, number, label, memberIds, leaderId, participantId, pinned);
    }

    Table asPinned() {
        return new Table(tableId, axisId, number, label, memberIds, leaderId, spokespersonId, true);
    }

    Table asUnpinned() {
        return new Table(tableId, axisId, number, label, memberIds, leaderId, spokespersonId, false);
    }
}
