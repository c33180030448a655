package org.minga.ui.web;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.minga.assembly.api.RefusedException;
import org.minga.assembly.api.query.AssemblySummary;
import org.minga.assembly.api.query.FindAssemblyQuery;
import org.minga.assembly.api.wire.RefusalsOverTheWire;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** The controllers' way to the engine and the read models: send and wait, ask and wait. */
@Component
public class Gateways {

    private static final long TIMEOUT_SECONDS = 10;

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final EventStore events;
    private final MeterRegistry meters;
    private final ReadAfterWrite readAfterWrite;
    /** How long a request waits for the read model of an assembly scheduled a moment before. */
    private final Duration catchUp;

    public Gateways(CommandGateway commands, QueryGateway queries, EventStore events, MeterRegistry meters, ReadAfterWrite readAfterWrite,
                    @Value("${minga.reads.catch-up:PT3S}") Duration catchUp) {
        this.commands = commands;
        this.queries = queries;
        this.events = events;
        this.meters = meters;
        this.readAfterWrite = readAfterWrite;
        this.catchUp = catchUp;
    }

    /**
     * Sends a command and returns its result once it is stored. A refusal surfaces as the engine's
     * exception, whichever instance handled the command.
     */
    public <R> R send(Object command) {
        try {
            R result = commands.sendAndWait(command, TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
                readAfterWrite.noteWrite(request.getResponse());
            }
            return result;
        } catch (CommandExecutionException failed) {
            Optional<RefusedException> refusal = RefusalsOverTheWire.refusalIn(failed);
            if (refusal.isPresent()) {
                throw counted(refusal.get(), command);
            }
            throw failed;
        } catch (RefusedException refused) {
            throw counted(refused, command);
        }
    }

    /**
     * Counts a refusal by its code: Axon's own command metrics (axon-micrometer) count and time every
     * command, but a refusal is just a failure there, and which rule people run into is Minga's figure.
     */
    private RefusedException counted(RefusedException refused, Object command) {
        Counter.builder("minga.refusals")
                .description("Commands refused, by the rule's code")
                .tag("code", refused.refusal().code())
                .tag("command", command.getClass().getSimpleName())
                .register(meters)
                .increment();
        return refused;
    }

    /**
     * Asks a query and waits for its answer. A refusal surfaces as the engine's exception, whichever
     * instance answered the query.
     */
    public <R> R ask(Object query, ResponseType<R> answer) {
        try {
            return queries.query(query, answer).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + query, e);
        } catch (java.util.concurrent.ExecutionException | CompletionException e) {
            Optional<RefusedException> refusal = RefusalsOverTheWire.refusalIn(e.getCause());
            if (refusal.isPresent()) {
                throw refusal.get();
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("no answer in " + TIMEOUT_SECONDS + " s to " + query, e);
        }
    }

    /** An assembly's summary, or 404 when the assembly was never scheduled ({@link #known}). */
    public AssemblySummary summaryOf(String assemblyId) {
        return known(assemblyId, () -> ask(new FindAssemblyQuery(assemblyId), ResponseTypes.instanceOf(AssemblySummary.class)));
    }

    /**
     * What a read model answers about an assembly ({@code find} answers null while it knows nothing),
     * or 404 when the event store does not know the assembly either. One the store knows but the read
     * model not yet (scheduled a moment ago: a console asking for its projector link, a table's code,
     * the board) is waited for, up to {@code minga.reads.catch-up} (3 s), while the read model catches up.
     */
    public <T> T known(String assemblyId, Supplier<T> find) {
        T found = find.get();
        if (found == null && storeKnows(assemblyId)) {
            long deadline = System.nanoTime() + catchUp.toNanos();
            while (found == null && System.nanoTime() < deadline) {
                pause();
                found = find.get();
            }
        }
        if (found == null) {
            throw new UnknownAssemblyException(assemblyId);
        }
        return found;
    }

    /** An event store that cannot be asked leaves the answer as the read model gave it: unknown. */
    private boolean storeKnows(String assemblyId) {
        try {
            return events.lastSequenceNumberFor(assemblyId).isPresent();
        } catch (RuntimeException storeNotReached) {
            return false;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for an assembly's read model", e);
        }
    }

    public QueryGateway queries() {
        return queries;
    }
}
