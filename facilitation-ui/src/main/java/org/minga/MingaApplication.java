package org.minga;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Minga on one laptop by default: events in an H2 file, read models in an in-process MongoDB. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MingaApplication {

    public static void main(String[] args) {
        SpringApplication.run(MingaApplication.class, args);
    }
}
