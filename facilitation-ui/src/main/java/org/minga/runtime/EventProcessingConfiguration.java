package org.minga.runtime;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Processors take up to {@value #BATCH_SIZE} events per unit of work: a burst of phones is then
 * one token update and one read-model flush per batch instead of per event, and a quiet room
 * still sees each event as soon as it is stored.
 */
@Configuration(proxyBeanMethods = false)
public class EventProcessingConfiguration {

    static final int BATCH_SIZE = 1000;

    /** Embedded: one instance, one thread per processor. ({@link AxonServerRuntime} pools and segments them.) */
    @Bean
    @Profile("!" + AxonServerRuntime.PROFILE)
    public ConfigurerModule batchedTrackingProcessors() {
        return configurer -> configurer.eventProcessing().registerTrackingEventProcessorConfiguration(
                configuration -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(BATCH_SIZE));
    }
}
