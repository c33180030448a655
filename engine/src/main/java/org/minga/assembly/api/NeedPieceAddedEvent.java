package org.minga.assembly.api;

import org.axonframework.serialization.Revision;

/** A table wrote a need piece. */
@Revision("1")
public record NeedPieceAddedEvent(String assemblyId,
                                  String tableId,
                                  String axisId,
                                  String pieceId,
                                  String text) {}
