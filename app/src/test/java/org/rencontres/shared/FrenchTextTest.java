package org.rencontres.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FrenchTextTest {

    @Test
    void de_is_elided_before_a_vowel_accented_or_not_an_h_or_a_y() {
        assertThat(FrenchText.de("Émilie")).isEqualTo("d’Émilie");
        assertThat(FrenchText.de("Inès Martin")).isEqualTo("d’Inès Martin");
        assertThat(FrenchText.de("Hélène")).isEqualTo("d’Hélène");
        assertThat(FrenchText.de("Yves")).isEqualTo("d’Yves");
        assertThat(FrenchText.de("Œuvre")).isEqualTo("d’Œuvre");
        assertThat(FrenchText.de("atelier")).isEqualTo("d’atelier");
    }

    @Test
    void de_stays_before_a_consonant_a_digit_a_quotation_mark_or_nothing() {
        assertThat(FrenchText.de("Paul")).isEqualTo("de Paul");
        assertThat(FrenchText.de("12 personnes")).isEqualTo("de 12 personnes");
        assertThat(FrenchText.de("« Atelier »")).isEqualTo("de « Atelier »");
        assertThat(FrenchText.de("")).isEqualTo("de ");
        assertThat(FrenchText.elides(null)).isFalse();
        assertThat(FrenchText.elides("   ")).isFalse();
    }
}
