package org.rencontres;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Spring Modulith is the referee of module boundaries: this fails on any cycle or reach into internals. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(RencontresApplication.class);

    @Test
    void modules_respect_their_boundaries() {
        modules.verify();
    }

    @Test
    void module_diagrams_are_written() {
        // Into target/spring-modulith-docs; docs/architecture.md embeds a copy.
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
