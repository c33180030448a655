package org.minga.ui.web;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.minga.assembly.api.RefusedException;
import org.minga.assembly.api.query.AssemblySummary;
import org.minga.assembly.api.query.FindAssemblyQuery;
import org.minga.assembly.command.RefusalsOverTheWire;
import org.springframework.stereotype.Component;

/** The controllers' way to the engine and the read models: send and wait, ask and wait. */
@Component
public class Gateways {

    private static final long TIMEOUT_SECONDS = 10;
    /** How long a request waits for the summary of an assembly scheduled a moment before. */
    private static final Duration SUMMARY_CATCH_UP = Duration.ofSeconds(3);

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final EventStore events;
    private final MeterRegistry meters;

    public Gateways(CommandGateway commands, QueryGateway queries, EventStore events, MeterRegistry meters) {
        this.commands = commands;
        this.queries = queries;
        this.events = events;
        this.meters = meters;
    }

    /**
     * Sends a command and returns its result once it is stored. A refusal surfaces as the engine's
     * exception, whichever instance handled the command.
     */
    public <R> R send(Object command) {
        Timer.Sample waiting = Timer.start(meters);
        String outcome = "failed";
        try {
            R result = commands.sendAndWait(command, TIMEOUT_SECONDS, TimeUnit.SECONDS);
            outcome = "accepted";
            return result;
        } catch (CommandExecutionException failed) {
            Optional<RefusedException> refusal = RefusalsOverTheWire.refusalIn(failed);
            if (refusal.isPresent()) {
                outcome = "refused";
                throw refusal.get();
            }
            throw failed;
        } catch (RefusedException refused) {
            outcome = "refused";
            throw refused;
        } finally {
            waiting.stop(Timer.builder("minga.commands")
                    .description("Commands as the sender waits for them, until stored or refused")
                    .tag("command", command.getClass().getSimpleName())
                    .tag("outcome", outcome)
                    .register(meters));
        }
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

    /**
     * An assembly's summary, or 404 when the assembly was never scheduled. One scheduled a moment
     * ago (a console creating its projector link right away) is waited for, up to
     * {@link #SUMMARY_CATCH_UP}, while its read model catches up.
     */
    public AssemblySummary summaryOf(String assemblyId) {
        AssemblySummary summary = findSummary(assemblyId);
        if (summary == null && events.lastSequenceNumberFor(assemblyId).isPresent()) {
            long deadline = System.nanoTime() + SUMMARY_CATCH_UP.toNanos();
            while (summary == null && System.nanoTime() < deadline) {
                pause();
                summary = findSummary(assemblyId);
            }
        }
        if (summary == null) {
            throw new UnknownAssemblyException(assemblyId);
        }
        return summary;
    }

    private AssemblySummary findSummary(String assemblyId) {
        return ask(new FindAssemblyQuery(assemblyId), ResponseTypes.instanceOf(AssemblySummary.class));
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for an assembly's summary", e);
        }
    }

    public QueryGateway queries() {
        return queries;
    }
}
