package org.minga.assembly.api;

import org.axonframework.serialization.Revision;

/** A table's puzzle was pinned onto the big solidarity puzzle. */
@Revision("1")
public record TablePuzzlePinnedEvent(String assemblyId,
                                     String tableId) {}
