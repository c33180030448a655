package org.minga.runtime;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Minga keeps its data. {@code dataDir} holds the event store and, unless {@code mongodb.uri}
 * names a MongoDB, the read models.
 */
@ConfigurationProperties("minga")
public record MingaProperties(@DefaultValue("./data") Path dataDir, @DefaultValue Mongo mongodb) {

    /** A MongoDB to keep read models in instead of the embedded one; empty uri means embedded. */
    public record Mongo(@DefaultValue("") String uri, @DefaultValue("minga") String database) {

        public boolean embedded() {
            return uri == null || uri.isBlank();
        }
    }
}
