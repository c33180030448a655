package org.minga.assembly.api.wire;

import java.util.Optional;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.HandlerExecutionException;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.minga.assembly.api.Refusal;
import org.minga.assembly.api.RefusalDetails;
import org.minga.assembly.api.RefusedException;
import org.minga.assembly.api.UnknownIdException;

/**
 * Keeps refusals intact when a command is handled on another instance. Axon Server carries a
 * failed command's message and its {@link HandlerExecutionException#getDetails() details}, not the
 * exception: this handler interceptor puts every refusal's {@link RefusalDetails} there, and
 * {@link #refusalIn(Throwable)} rebuilds the refusal where the request arrived. Embedded, the
 * same wrapping happens in-process, so both modes take one path.
 */
public final class RefusalsOverTheWire implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        try {
            return chain.proceed();
        } catch (RefusedException refused) {
            throw new CommandExecutionException(refused.getMessage(), refused, RefusalDetails.of(refused));
        } catch (AggregateNotFoundException unknown) {
            RefusedException refused = new UnknownIdException("assemblyId", Refusal.ASSEMBLY_UNKNOWN, unknown.getAggregateIdentifier());
            throw new CommandExecutionException(refused.getMessage(), refused, RefusalDetails.of(refused));
        }
    }

    /**
     * The refusal behind a failed command or query, whether it was handled here (the exception
     * itself, perhaps wrapped) or on another instance (the details of a {@link HandlerExecutionException}).
     */
    public static Optional<RefusedException> refusalIn(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof RefusedException refused) {
                return Optional.of(refused);
            }
            if (cause instanceof HandlerExecutionException handler
                    && handler.getDetails().orElse(null) instanceof RefusalDetails details) {
                return Optional.of(details.toException());
            }
        }
        return Optional.empty();
    }
}
