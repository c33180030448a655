package org.minga.runtime;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.queryhandling.LoggingQueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryBusSpanFactory;
import org.axonframework.queryhandling.QueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Embedded, queries are answered without a JDBC transaction: read models live in MongoDB, and a
 * board as it was reads the event store on its own. Axon's default query bus opens one on the
 * event store's database for every query, so a full disk that closed the event store made every
 * page fail, and each query paid for a connection it did not use.
 */
@Configuration(proxyBeanMethods = false)
@Profile("!" + AxonServerRuntime.PROFILE)
public class QueryBusConfiguration {

    @Bean
    @Qualifier("localSegment")
    public SimpleQueryBus queryBus(org.axonframework.config.Configuration axon) {
        return SimpleQueryBus.builder()
                .messageMonitor(axon.messageMonitor(QueryBus.class, "queryBus"))
                .transactionManager(NoTransactionManager.INSTANCE)
                .errorHandler(axon.getComponent(QueryInvocationErrorHandler.class,
                        () -> LoggingQueryInvocationErrorHandler.builder().build()))
                .queryUpdateEmitter(axon.getComponent(QueryUpdateEmitter.class))
                .spanFactory(axon.getComponent(QueryBusSpanFactory.class))
                .build();
    }
}
