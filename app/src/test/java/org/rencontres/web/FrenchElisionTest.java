package org.rencontres.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.rencontres.RencontresIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

/** « de {0} » in a message becomes « d’Inès » or « de Paul » according to the argument, in every module's messages. */
@RencontresIntegrationTest
class FrenchElisionTest {

    @Autowired MessageSource messages;

    private String fr(String code, Object... args) {
        return messages.getMessage(code, args, Locale.FRENCH);
    }

    @Test
    void a_name_starting_with_a_vowel_takes_d_apostrophe() {
        assertThat(fr("registration.admin.detail.title", "Inès Martin", "Journée"))
                .isEqualTo("Demande d’Inès Martin – Journée");
        assertThat(fr("directory.change.approved", "Émilie Durand"))
                .isEqualTo("La demande d’Émilie Durand est approuvée et appliquée.");
    }

    @Test
    void a_name_starting_with_a_consonant_or_a_time_keeps_de() {
        assertThat(fr("registration.admin.detail.title", "Paul Martin", "Journée"))
                .isEqualTo("Demande de Paul Martin – Journée");
        assertThat(fr("day.time.range", "9h", "12h")).isEqualTo("de 9h à 12h");
    }

    @Test
    void a_capital_de_stays_capital_and_other_words_are_untouched() {
        assertThat(FrenchMessageSource.elide(FrenchMessageSource.mark("De {0}, monde {1}").replace("{0}", "Anne")
                .replace("{1}", "Inès"))).isEqualTo("D’Anne, monde Inès");
        assertThat(FrenchMessageSource.mark("Mode {0}")).isEqualTo("Mode {0}");
        assertThat(FrenchMessageSource.mark("Sans argument")).isEqualTo("Sans argument");
    }

    @Test
    void english_and_messages_without_arguments_are_unchanged() {
        assertThat(messages.getMessage("registration.admin.detail.title", new Object[] {"Inès", "Day"}, Locale.ENGLISH))
                .doesNotContain("d’").contains("Inès");
        assertThat(fr("day.time.range", "08:00", "10:00")).isEqualTo("de 08:00 à 10:00");
    }
}
