package org.rencontres.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one wording of an edit's changes in the audit trail. */
class DifferencesTest {

    @Test
    void only_what_changed_is_worded_in_order() {
        Differences changes = new Differences()
                .text("Titre", "Avant", "Après")
                .text("Description", "Même", "Même")
                .value("Capacité", "30", "40")
                .flag("Provisoire", true, false)
                .text("Salle", null, "Europe");
        assertThat(changes.toString())
                .isEqualTo("Titre : « Avant » → « Après » ; Capacité : 30 → 40 ; Provisoire : oui → non ; "
                        + "Salle : (vide) → « Europe »");
        assertThat(changes.joined("\n")).contains("« Après »\nCapacité");
    }

    @Test
    void nothing_changed_says_nothing() {
        Differences changes = new Differences().text("Titre", "Même", "Même").flag("Provisoire", true, true);
        assertThat(changes.isEmpty()).isTrue();
        assertThat(changes.toString()).isEmpty();
    }

    @Test
    void a_value_shown_shortened_is_compared_whole() {
        String start = "x".repeat(130);
        Differences changes = new Differences().text("Contexte", start + "a", start + "b", v -> ((String) v).substring(0, 10));
        assertThat(changes.toString()).isEqualTo("Contexte : « xxxxxxxxxx » → « xxxxxxxxxx »");
        assertThat(new Differences().text("Contexte", start, start, v -> "?").isEmpty()).isTrue();
    }
}
