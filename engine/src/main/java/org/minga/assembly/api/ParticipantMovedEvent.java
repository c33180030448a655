package org.minga.assembly.api;

import org.axonframework.serialization.Revision;

/**
 * A seated person moved from one table to another; {@code reason} may be null. When the person led
 * the table they left ({@code leftLeadership}) or was its spokesperson ({@code leftSpokesperson}),
 * that table no longer has one and chooses again. A correction, not an erasure.
 */
@Revision("1")
public record ParticipantMovedEvent(String assemblyId,
                                    String participantId,
                                    String fromTableId,
                                    String toTableId,
                                    String reason,
                                    boolean leftLeadership,
                                    boolean leftSpokesperson) {}
