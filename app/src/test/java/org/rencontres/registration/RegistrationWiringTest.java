package org.rencontres.registration;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Lazy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The registration's beans form no cycle that a {@code @Lazy} or an {@code ObjectProvider} would have
 * to cut: the state machine and the allocation tell the mails by events, never by a call.
 */
class RegistrationWiringTest {

    private final JavaClasses registration = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.rencontres.registration");

    @Test
    void no_bean_of_the_module_is_wired_lazily() {
        noClasses().should().dependOnClassesThat().belongToAnyOf(Lazy.class).check(registration);
        // A bean looked up later instead of injected (the other way round a cycle is cut).
        noFields().should().haveRawType(ObjectProvider.class).check(registration);
    }

    @Test
    void the_state_machine_and_the_allocation_do_not_call_the_mails() {
        noClasses().that().belongToAnyOf(Registrations.class, RegistrationChain.class, Seats.class,
                        RegistrationMoves.class, RegistrationQueries.class)
                .or().resideInAPackage("org.rencontres.registration.allocation..")
                .should().dependOnClassesThat().belongToAnyOf(RegistrationMails.class, Convocations.class)
                .check(registration);
    }
}
