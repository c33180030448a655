package org.minga.runtime;

import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.GenericTokenTableFactory;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.MySqlEventTableFactory;
import org.springframework.stereotype.Component;

/**
 * Axon creates no tables. This creates the event, snapshot and token tables (IF NOT EXISTS) when
 * the context is built, before any processor starts. On H2 2.3 the MySQL table factory works
 * where the HSQL one fails.
 */
@Component
public class EventStoreSchema {

    public EventStoreSchema(EventStorageEngine engine, TokenStore tokenStore) {
        if (engine instanceof JdbcEventStorageEngine jdbc) {
            jdbc.createSchema(MySqlEventTableFactory.INSTANCE);
        }
        if (tokenStore instanceof JdbcTokenStore jdbc) {
            jdbc.createSchema(GenericTokenTableFactory.INSTANCE);
        }
    }
}
