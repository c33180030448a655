package org.minga.assembly.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import java.util.List;

/** Attaches the solution piece to a need, naming the organisations that cooperate in it; attaching again revises it. */
public record AttachSolutionCommand(@TargetAggregateIdentifier String assemblyId,
                                    String tableId,
                                    String pieceId,
                                    String text,
                                    List<String> cooperatingOrganizations) {
}
