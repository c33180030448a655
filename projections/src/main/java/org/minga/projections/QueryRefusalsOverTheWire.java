package org.minga.projections;

import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.queryhandling.QueryExecutionException;
import org.axonframework.queryhandling.QueryMessage;
import org.minga.assembly.api.RefusalDetails;
import org.minga.assembly.api.RefusedException;

/**
 * Keeps a query handler's refusal intact when the query was sent from another instance. Axon Server
 * carries a failed query's message and the {@link QueryExecutionException#getDetails() details},
 * not the exception: this handler interceptor puts the refusal's {@link RefusalDetails} there, and
 * {@link org.minga.assembly.api.wire.RefusalsOverTheWire#refusalIn(Throwable)} rebuilds the refusal where the request arrived,
 * as for commands. Embedded, the refusal is the wrapped exception's cause, so both modes take one path.
 */
public final class QueryRefusalsOverTheWire implements MessageHandlerInterceptor<QueryMessage<?, ?>> {

    @Override
    public Object handle(UnitOfWork<? extends QueryMessage<?, ?>> unitOfWork, InterceptorChain chain) throws Exception {
        try {
            return chain.proceed();
        } catch (RefusedException refused) {
            throw new QueryExecutionException(refused.getMessage(), refused, RefusalDetails.of(refused));
        }
    }
}
