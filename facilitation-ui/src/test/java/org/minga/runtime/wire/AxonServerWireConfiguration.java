package org.minga.runtime.wire;

import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.serialization.Serializer;
import org.minga.runtime.AxonServerRuntime;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Profile;

/**
 * Every Spring Boot test of this module runs as if Axon Server stood between the instance that
 * receives a request and the one that handles its commands and queries (listed in
 * {@code src/test/resources/META-INF/spring/…AutoConfiguration.imports}): whatever would not survive
 * that wire fails the test that uses it. Not in the {@code axonserver} profile, where the real
 * connector carries them.
 */
@AutoConfiguration
@Profile("!" + AxonServerRuntime.PROFILE)
public class AxonServerWireConfiguration {

    @Bean
    public AxonServerWire axonServerWire(@Qualifier("messageSerializer") Serializer messageSerializer,
                                         @Qualifier("serializer") Serializer generalSerializer) {
        return new AxonServerWire(messageSerializer, generalSerializer);
    }

    @Bean
    public CommandsOverAxonServer commandsOverAxonServer(AxonServerWire wire) {
        return new CommandsOverAxonServer(wire);
    }

    /** Wraps the embedded query bus, so every query handler subscribes, and every asker asks, through the wire. */
    @Bean
    public static BeanPostProcessor queriesOverAxonServer(ObjectProvider<AxonServerWire> wire) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof SimpleQueryBus handlers ? new QueriesOverAxonServer(handlers, wire::getObject) : bean;
            }
        };
    }
}
