package org.minga.runtime.wire;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.core.Ordered;

/**
 * The outermost command handler interceptor: the handler gets the command as the handling instance
 * reads it off {@link AxonServerWire}, and the sender gets its result or refusal as it reads it back.
 */
public final class CommandsOverAxonServer implements MessageHandlerInterceptor<CommandMessage<?>>, Ordered {

    private final AxonServerWire wire;

    public CommandsOverAxonServer(AxonServerWire wire) {
        this.wire = wire;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        CommandMessage<?> sent = unitOfWork.getMessage();
        CommandMessage<?> received = wire.commandAsHandled(sent);
        unitOfWork.transformMessage(command -> received);
        CommandResultMessage<?> outcome;
        try {
            outcome = GenericCommandResultMessage.asCommandResultMessage(chain.proceed());
        } catch (Exception failure) {
            outcome = GenericCommandResultMessage.asCommandResultMessage(failure);
        }
        CommandResultMessage<?> answer = wire.outcomeAsReceived(sent, outcome);
        if (answer.isExceptional()) {
            throw (Exception) answer.exceptionResult();
        }
        return answer.getPayload();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
