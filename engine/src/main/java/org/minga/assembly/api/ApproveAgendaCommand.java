package org.minga.assembly.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The plenary approves the agenda formed by the pinned puzzles, by consensus or by a counted vote. */
public record ApproveAgendaCommand(@TargetAggregateIdentifier String assemblyId,
                                   ApprovalMethod method,
                                   VoteCount votes) {
}
