package org.minga.assembly.api;

import org.axonframework.serialization.Revision;

/** A table withdrew a need piece, with its solution and work plan. */
@Revision("1")
public record NeedPieceWithdrawnEvent(String assemblyId,
                                      String tableId,
                                      String pieceId) {}
