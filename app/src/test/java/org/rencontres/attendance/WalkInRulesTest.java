package org.rencontres.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A walk-in's address, when given, follows the shared e-mail rule (ContactValueTypesTest). */
class WalkInRulesTest {

    @Test
    void a_walk_ins_address_follows_the_shared_rule() {
        assertThat(Attendances.problems(new WalkIn("Petit", "Jérôme", "Mairie d'Évry", ""))).isEmpty();
        assertThat(Attendances.problems(new WalkIn("Petit", "Jérôme", "Mairie d'Évry", "jerome@mairie.fr"))).isEmpty();
        assertThat(Attendances.problems(new WalkIn("Petit", "Jérôme", "Mairie d'Évry", "jérôme@mairie.fr")))
                .containsOnlyKeys("courriel").containsEntry("courriel", "attendance.walkin.error.email");
    }
}
