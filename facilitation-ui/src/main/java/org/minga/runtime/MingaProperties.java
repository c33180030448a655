package org.minga.runtime;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Minga keeps its data. {@code dataDir} holds the event store and, unless {@code mongodb.uri}
 * names a MongoDB, the read models. {@code publicUrl}, when set, is the address printed on
 * table cards and projector QR codes. {@code processors} shapes the event processors of the
 * {@code axonserver} profile, where instances share the work.
 */
@ConfigurationProperties("minga")
public record MingaProperties(@DefaultValue("./data") Path dataDir, @DefaultValue Mongo mongodb,
                              @DefaultValue Processors processors, @DefaultValue("") String publicUrl) {

    /** A MongoDB to keep read models in instead of the embedded one; empty uri means embedded. */
    public record Mongo(@DefaultValue("") String uri, @DefaultValue("minga") String database) {

        public boolean embedded() {
            return uri == null || uri.isBlank();
        }
    }

    /**
     * Each read model's processor splits the event stream into {@code segments} (by assembly, so
     * one assembly's events stay in order). The instances running share them evenly
     * ({@link ProcessingInstances}); {@code maxSegmentsPerInstance}, when lower, caps one instance's
     * share even when it runs alone (then some segments wait for another instance).
     */
    public record Processors(@DefaultValue("4") int segments, @DefaultValue("2147483647") int maxSegmentsPerInstance) {
    }
}
