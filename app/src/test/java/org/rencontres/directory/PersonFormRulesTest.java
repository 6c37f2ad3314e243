package org.rencontres.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A person's address and number, and a training contact's address, follow the shared rules (ContactValueTypesTest). */
class PersonFormRulesTest {

    @Test
    void a_persons_address_and_number_follow_the_shared_rules() {
        assertThat(person("jerome.petit@mairie.fr", "+33 (0)1 60 79 74 00").errors()).isEmpty();
        assertThat(person("", "").errors()).isEmpty();
        assertThat(person("jérôme@mairie.fr", "------").errors())
                .containsOnlyKeys("courriel", "telephone")
                .containsEntry("courriel", "directory.error.email")
                .containsEntry("telephone", "directory.error.phone");
    }

    @Test
    void a_training_contacts_address_follows_the_shared_rule() {
        assertThat(new TrainingContactForm("Formation", "formation@mairie.fr").errors()).isEmpty();
        assertThat(new TrainingContactForm("Formation", "jérôme@mairie.fr").errors()).containsOnlyKeys("courriel");
    }

    private static PersonForm person(String email, String phone) {
        return new PersonForm("Jérôme", "Petit", "", "", email, phone);
    }
}
