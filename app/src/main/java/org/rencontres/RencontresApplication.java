package org.rencontres;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Rencontres: organise training days (journées d'actualité) from programme to certificate. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RencontresApplication {

    public static void main(String[] args) {
        StopSignals.exitCleanly();
        SpringApplication application = new SpringApplication(RencontresApplication.class);
        StartupSteps.recordIfAsked(application);
        application.run(args);
    }
}
