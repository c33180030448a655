package org.minga.assembly.api;

import org.axonframework.serialization.Revision;

/** A table rewrote a need piece. */
@Revision("1")
public record NeedPieceRevisedEvent(String assemblyId,
                                    String tableId,
                                    String pieceId,
                                    String text) {}
