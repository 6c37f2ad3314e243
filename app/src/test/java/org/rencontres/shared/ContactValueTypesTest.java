package org.rencontres.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one rule for an e-mail address and the one for a telephone number, as a table of values. */
class ContactValueTypesTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "jerome@mairie.fr",
            "  jerome.dupont@mairie-evry.fr  ",
            "formation+rencontres@cdg77.fr",
            "o'brien@agglo.example.org",
            "a@b.co",
            "contact@xn--mairie-vry-d7a.fr",
            "x@sub.domain.of.a.collectivite.fr",
            "formation@grandparissud.fr",
            " service.formation+agents@ville-evry.fr "})
    void accepts_an_address_as_the_browsers_email_field_does(String typed) {
        assertThat(EmailAddress.isValid(typed)).isTrue();
        assertThat(EmailAddress.parse(typed)).map(EmailAddress::value).contains(typed.strip());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {
            "",
            "   ",
            "jérôme@mairie.fr",
            "jerome@mairie-évry.fr",
            "jerome",
            "jerome@",
            "@mairie.fr",
            "jerome@mairie",
            "formation@localhost",
            "formation.ville.fr",
            "jerome@@mairie.fr",
            "jerome dupont@mairie.fr",
            "jerome@-mairie.fr",
            "jerome@mairie-.fr",
            "jerome@mairie..fr",
            "<jerome@mairie.fr>",
            "jerome@mairie.fr, paul@mairie.fr"})
    void refuses_what_is_not_an_address(String typed) {
        assertThat(EmailAddress.isValid(typed)).isFalse();
        assertThat(EmailAddress.parse(typed)).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> new EmailAddress(typed));
    }

    @Test
    void an_address_is_at_most_254_characters() {
        String domain = "a".repeat(60) + "." + "b".repeat(60) + "." + "c".repeat(60) + "." + "d".repeat(60) + ".fr";
        String fits = "x".repeat(254 - domain.length() - 1) + "@" + domain;
        assertThat(fits).hasSize(254);
        assertThat(EmailAddress.isValid(fits)).isTrue();
        assertThat(EmailAddress.isValid("x" + fits)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "01 60 79 74 00",
            "0160797400",
            "01.60.79.74.00",
            "01-60-79-74-00",
            "+33 1 60 79 74 00",
            "+33 (0)1 60 79 74 00",
            "(01) 60 79 74 00",
            "  06 12 34 56 78 ",
            "123456",
            "+1 (555) 010-9999",
            "+123 456 789 012 345"})
    void accepts_a_number_with_the_usual_separators(String typed) {
        assertThat(Phone.isValid(typed)).isTrue();
        assertThat(Phone.parse(typed)).map(Phone::value).contains(typed.strip());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {
            "",
            "   ",
            "12345",
            "------",
            "( ) . - ( )",
            "01 60 79 74 00 poste 12",
            "zero un soixante",
            "33+ 1 60 79 74 00",
            "++33 1 60 79 74 00",
            "+1234 5678 9012 3456",
            "01 60 79 74 00 / 06 12 34 56 78",
            "0 1 6 0 7 9 7 4 0 0 1 2 3 4"})
    void refuses_what_is_not_a_number(String typed) {
        assertThat(Phone.isValid(typed)).isFalse();
        assertThat(Phone.parse(typed)).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> new Phone(typed));
    }
}
