package org.minga.runtime;

import java.util.Map;

import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Minga's messages carry no metadata. Axon's default copies a {@code traceId} and a
 * {@code correlationId} from each message handled into every message made meanwhile: into each
 * stored event (two UUIDs, about 100 bytes an event on disk), and, in every processor, into the
 * result of handling each event, which made each processor read and parse each event's metadata
 * (a tenth of a full rebuild's work, once per read model). Nothing in Minga reads them: who did
 * what is in the events themselves, and the auditor's history is built from those.
 */
@Configuration(proxyBeanMethods = false)
public class MessageMetadataConfiguration {

    @Bean
    public CorrelationDataProvider noCorrelationData() {
        return message -> Map.of();
    }
}
