package org.minga.registry.storage;

import com.mongodb.client.MongoDatabase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The registry's storage. For now MongoDB in every profile, the same database as the read
 * models, exactly as before the port; the embedded runtime is to keep it in an H2 file of its
 * own through {@link JdbcRegistryStorage} instead (issue 18).
 */
@Configuration(proxyBeanMethods = false)
public class RegistryStorageConfiguration {

    @Bean
    public RegistryStorage registryStorage(MongoDatabase mongoDatabase) {
        return new MongoRegistryStorage(mongoDatabase);
    }
}
