package org.minga.runtime;

import org.minga.assembly.command.RefusalsOverTheWire;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts every refusal's code, field and arguments in the failed command's details, so the instance
 * that received the request answers the same problem whichever instance handled the command
 * (Axon Spring Boot registers command handler interceptor beans on the command bus).
 */
@Configuration(proxyBeanMethods = false)
public class RefusalsConfiguration {

    @Bean
    public RefusalsOverTheWire refusalsOverTheWire() {
        return new RefusalsOverTheWire();
    }
}
