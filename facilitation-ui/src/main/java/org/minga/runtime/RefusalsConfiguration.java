package org.minga.runtime;

import org.minga.assembly.api.wire.RefusalsOverTheWire;
import org.minga.projections.QueryRefusalsOverTheWire;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts every refusal's code, field and arguments in the failed command's or query's details, so the
 * instance that received the request answers the same problem whichever instance handled it (Axon
 * Spring Boot registers handler interceptor beans on the command bus and the query bus).
 */
@Configuration(proxyBeanMethods = false)
public class RefusalsConfiguration {

    @Bean
    public RefusalsOverTheWire refusalsOverTheWire() {
        return new RefusalsOverTheWire();
    }

    @Bean
    public QueryRefusalsOverTheWire queryRefusalsOverTheWire() {
        return new QueryRefusalsOverTheWire();
    }
}
