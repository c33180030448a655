package org.minga.runtime.wire;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.axoniq.axonserver.grpc.query.SubscriptionQuery;
import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.command.CommandSerializer;
import org.axonframework.axonserver.connector.query.QuerySerializer;
import org.axonframework.axonserver.connector.query.subscription.SubscriptionMessageSerializer;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryMessage;
import org.axonframework.queryhandling.QueryResponseMessage;
import org.axonframework.queryhandling.SubscriptionQueryMessage;
import org.axonframework.queryhandling.SubscriptionQueryUpdateMessage;
import org.axonframework.serialization.Serializer;
import org.minga.assembly.api.RefusalMessages;
import org.minga.assembly.api.RefusedException;
import org.minga.assembly.api.wire.RefusalsOverTheWire;

/**
 * Axon Server's wire without Axon Server. With several instances, a command, a query, its answer, a
 * subscription's initial result and each of its updates may travel from one instance to another as
 * gRPC messages serialized with the application's serializers. Here each of them is serialized and
 * read back by the connector's own serializers ({@link CommandSerializer}, {@link QuerySerializer},
 * {@link SubscriptionMessageSerializer}) exactly as the instance on the other side reads it, and
 * must come back the same: of the type the asker declared, equal to what was sent, and a refusal
 * with the same code, field and words. Whatever does not fails where it would in production and is
 * noted in {@link #damage()}. What crossed is noted too, so a test can tell every query handler
 * was exercised.
 */
public final class AxonServerWire {

    private final CommandSerializer commands;
    private final QuerySerializer queries;
    private final SubscriptionMessageSerializer subscriptions;

    private final Set<String> queryHandlers = ConcurrentHashMap.newKeySet();
    private final Set<String> queriesAnswered = ConcurrentHashMap.newKeySet();
    private final Set<String> subscriptionsAnswered = ConcurrentHashMap.newKeySet();
    private final AtomicInteger updates = new AtomicInteger();
    private final AtomicInteger commandOutcomes = new AtomicInteger();
    private final List<String> damage = new CopyOnWriteArrayList<>();

    /**
     * @param messageSerializer what the connector serializes payloads, details and metadata with
     * @param generalSerializer what it serializes a query's response type with
     */
    public AxonServerWire(Serializer messageSerializer, Serializer generalSerializer) {
        AxonServerConfiguration configuration = AxonServerConfiguration.builder().build();
        this.commands = new CommandSerializer(messageSerializer, configuration);
        this.queries = new QuerySerializer(messageSerializer, generalSerializer, configuration);
        this.subscriptions = new SubscriptionMessageSerializer(messageSerializer, generalSerializer, configuration);
    }

    /** The command as the handling instance reads it. */
    public CommandMessage<?> commandAsHandled(CommandMessage<?> sent) {
        CommandMessage<?> received = commands.deserialize(commands.serialize(sent, sent.getIdentifier(), 0));
        same("command " + sent.getCommandName(), sent.getPayload(), received::getPayload, null);
        return received;
    }

    /** A command's result or refusal as the sending instance reads it. */
    public CommandResultMessage<?> outcomeAsReceived(CommandMessage<?> sent, CommandResultMessage<?> outcome) {
        CommandResultMessage<?> received = commands.deserialize(commands.serialize(outcome, sent.getIdentifier()));
        commandOutcomes.incrementAndGet();
        sameOutcome("outcome of " + sent.getCommandName(), outcome, received, null);
        return received;
    }

    /** A query as the handling instance reads it. */
    public <Q, R> QueryMessage<Q, R> queryAsHandled(QueryMessage<Q, R> sent) {
        QueryMessage<Q, R> received = queries.deserializeRequest(queries.serializeRequest(sent, 1, 60_000, 0));
        same("query " + sent.getQueryName(), sent.getPayload(), received::getPayload, null);
        return received;
    }

    /** A query's answer or refusal as the asking instance reads it, converted to the type it asked for. */
    public <R> QueryResponseMessage<R> answerAsReceived(QueryMessage<?, R> sent, QueryResponseMessage<R> answer) {
        QueryResponseMessage<R> received = queries.deserializeResponse(
                queries.serializeResponse(answer, sent.getIdentifier()), sent.getResponseType());
        queriesAnswered.add(sent.getQueryName());
        sameOutcome("answer to " + sent.getQueryName(), answer, received, sent.getResponseType());
        return received;
    }

    /**
     * A subscription query as the handling instance reads it. The connector sends Axon Server the
     * query without its update type, so that instance's emitter takes any update for it.
     */
    public <Q, I, U> SubscriptionQueryMessage<Q, I, U> subscriptionAsHandled(SubscriptionQueryMessage<Q, I, U> sent) {
        SubscriptionQuery subscription = SubscriptionQuery.newBuilder()
                .setSubscriptionIdentifier(sent.getIdentifier())
                .setQueryRequest(subscriptions.serializeQuery(sent))
                .build();
        SubscriptionQueryMessage<Q, I, U> received = subscriptions.deserialize(subscription);
        same("subscription query " + sent.getQueryName(), sent.getPayload(), received::getPayload, null);
        return received;
    }

    /**
     * A subscription's initial result as the subscribing instance reads it: answered as a plain query
     * on the handling side, read back without conversion, then taken as the declared initial type.
     */
    public <I> QueryResponseMessage<I> initialResultAsReceived(SubscriptionQueryMessage<?, I, ?> sent, QueryResponseMessage<I> answer) {
        QueryResponseMessage<I> received = subscriptions.deserialize(queries.serializeResponse(answer, sent.getIdentifier()));
        queriesAnswered.add(sent.getQueryName());
        subscriptionsAnswered.add(sent.getQueryName());
        sameOutcome("initial result of " + sent.getQueryName(), answer, received, sent.getResponseType());
        return received;
    }

    /** An update as the subscribing instance reads it, taken as the declared update type. */
    public <U> SubscriptionQueryUpdateMessage<U> updateAsReceived(SubscriptionQueryMessage<?, ?, U> sent,
                                                                 SubscriptionQueryUpdateMessage<U> update) {
        SubscriptionQueryUpdateMessage<U> received = subscriptions.deserialize(subscriptions.serialize(update));
        updates.incrementAndGet();
        sameOutcome("update of " + sent.getQueryName(), update, received, sent.getUpdateResponseType());
        return received;
    }

    /** Notes a query handler given to the bus. */
    public void queryHandlerRegistered(String queryName) {
        queryHandlers.add(queryName);
    }

    /** The names of the queries the bus has a handler for. */
    public Set<String> queryHandlers() {
        return Set.copyOf(queryHandlers);
    }

    /** The names of the queries whose answer (or a subscription's initial result) crossed the wire. */
    public Set<String> queriesAnswered() {
        return Set.copyOf(queriesAnswered);
    }

    /** The names of the subscription queries whose initial result crossed the wire. */
    public Set<String> subscriptionsAnswered() {
        return Set.copyOf(subscriptionsAnswered);
    }

    public int updatesReceived() {
        return updates.get();
    }

    public int commandOutcomesReceived() {
        return commandOutcomes.get();
    }

    /** What did not come back the same, one line each. */
    public List<String> damage() {
        return List.copyOf(damage);
    }

    private void sameOutcome(String what, ResultMessage<?> sent, ResultMessage<?> received, ResponseType<?> declared) {
        if (sent.isExceptional()) {
            sameRefusal(what, sent.exceptionResult(), received.optionalExceptionResult().orElse(null));
        } else if (received.isExceptional()) {
            throw damaged(what + " arrived as a failure: " + received.exceptionResult(), received.exceptionResult());
        } else {
            same(what, sent.getPayload(), received::getPayload, declared);
        }
    }

    private void same(String what, Object sent, Supplier<Object> received, ResponseType<?> declared) {
        Object payload;
        try {
            payload = received.get();
        } catch (RuntimeException unreadable) {
            throw damaged(what + " could not be read back: " + unreadable.getMessage(), unreadable);
        }
        if (payload != null && declared != null && !declared.responseMessagePayloadType().isInstance(payload)) {
            throw damaged(what + " arrived as a " + payload.getClass().getName() + ", not the "
                    + declared.responseMessagePayloadType().getName() + " asked for: " + payload, null);
        }
        if (!Objects.equals(sent, payload)) {
            throw damaged(what + " changed on the wire: sent " + sent + ", received " + payload, null);
        }
    }

    /** A refusal must keep its code, field and words; any other failure only has to stay a failure. */
    private void sameRefusal(String what, Throwable sent, Throwable received) {
        Optional<RefusedException> before = RefusalsOverTheWire.refusalIn(sent);
        if (received == null) {
            throw damaged(what + " was a failure and arrived as an answer: " + sent, sent);
        }
        if (before.isEmpty()) {
            return;
        }
        Optional<RefusedException> after = RefusalsOverTheWire.refusalIn(received);
        if (after.isEmpty() || !sameWords(before.get(), after.get())) {
            throw damaged(what + " was refused with " + before.get().code() + " but arrived as "
                    + after.map(RefusedException::code).orElse(String.valueOf(received)), received);
        }
    }

    private static boolean sameWords(RefusedException sent, RefusedException received) {
        return sent.code().equals(received.code())
                && Objects.equals(sent.field(), received.field())
                && sent.messageIn(RefusalMessages.SPANISH).equals(received.messageIn(RefusalMessages.SPANISH))
                && sent.messageIn(Locale.ENGLISH).equals(received.messageIn(Locale.ENGLISH));
    }

    private IllegalStateException damaged(String description, Throwable cause) {
        damage.add(description);
        return new IllegalStateException("Axon Server's wire: " + description, cause);
    }
}
