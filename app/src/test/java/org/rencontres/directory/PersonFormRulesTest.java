package org.rencontres.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rencontres.shared.FieldProblem;

/** A person's address and number, and a training contact's address, follow the shared rules (ContactValueTypesTest). */
class PersonFormRulesTest {

    @Test
    void a_persons_address_and_number_follow_the_shared_rules() {
        assertThat(person("jerome.petit@mairie.fr", "+33 (0)1 60 79 74 00").problems()).isEmpty();
        assertThat(person("", "").problems()).isEmpty();
        assertThat(person("jérôme@mairie.fr", "------").problems())
                .containsExactly(FieldProblem.of("courriel", "directory.error.email"),
                        FieldProblem.of("telephone", "directory.error.phone"));
    }

    @Test
    void a_training_contacts_address_follows_the_shared_rule() {
        assertThat(new TrainingContactForm("Formation", "formation@mairie.fr").problems()).isEmpty();
        assertThat(new TrainingContactForm("Formation", "jérôme@mairie.fr").problems())
                .containsExactly(FieldProblem.of("courriel", "directory.error.email"));
    }

    private static PersonForm person(String email, String phone) {
        return new PersonForm("Jérôme", "Petit", "", "", email, phone);
    }
}
