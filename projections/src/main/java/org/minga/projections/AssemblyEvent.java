package org.minga.projections;

import java.time.Instant;

import org.axonframework.eventhandling.DomainEventMessage;

/** One event of an assembly's stream as the folds see it: what happened, its place in the stream and when. */
public record AssemblyEvent(String assemblyId, long sequence, Instant at, Object payload) {

    public static AssemblyEvent of(DomainEventMessage<?> message) {
        return new AssemblyEvent(message.getAggregateIdentifier(), message.getSequenceNumber(), message.getTimestamp(),
                message.getPayload());
    }
}
