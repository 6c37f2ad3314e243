package org.rencontres.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rencontres.shared.FieldProblem;

/** A walk-in's address, when given, follows the shared e-mail rule (ContactValueTypesTest). */
class WalkInRulesTest {

    @Test
    void a_walk_ins_address_follows_the_shared_rule() {
        assertThat(new WalkIn("Petit", "Jérôme", "Mairie d'Évry", "").problems()).isEmpty();
        assertThat(new WalkIn("Petit", "Jérôme", "Mairie d'Évry", "jerome@mairie.fr").problems()).isEmpty();
        assertThat(new WalkIn("Petit", "Jérôme", "Mairie d'Évry", "jérôme@mairie.fr").problems())
                .containsExactly(FieldProblem.of("courriel", "attendance.walkin.error.email"));
    }
}
