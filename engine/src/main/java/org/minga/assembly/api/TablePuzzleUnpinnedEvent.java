package org.minga.assembly.api;

import org.axonframework.serialization.Revision;

/** A table's puzzle left the big puzzle (and the agenda draft), for the facilitator's {@code reason}: a correction, not an erasure. */
@Revision("1")
public record TablePuzzleUnpinnedEvent(String assemblyId,
                                       String tableId,
                                       String reason) {}
