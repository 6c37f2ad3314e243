package org.rencontres.workshops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;
import org.rencontres.shared.FieldProblem;

/** A facilitator's address follows the shared e-mail rule (the rule itself: ContactValueTypesTest). */
class FacilitatorFormTest {

    @Test
    void a_facilitators_address_follows_the_shared_rule() {
        assertThat(new FacilitatorForm("Jérôme Petit", "jerome.petit@mairie.fr").problems()).isEmpty();
        assertThat(new FacilitatorForm("Jérôme Petit", "jérôme@mairie.fr").problems())
                .extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(tuple("courriel", "workshops.error.facilitator.email.invalid"));
    }
}
