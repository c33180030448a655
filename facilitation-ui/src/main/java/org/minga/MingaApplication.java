package org.minga;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Minga on one laptop by default: events, read models and the registry in H2 files of its data directory, no port but HTTP. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MingaApplication {

    public static void main(String[] args) {
        SpringApplication.run(MingaApplication.class, args);
    }
}
