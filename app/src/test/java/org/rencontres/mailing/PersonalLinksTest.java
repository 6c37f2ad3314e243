package org.rencontres.mailing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The keys of personal links are masked in the e-mail log once e-mails are sent; other links are left alone. */
class PersonalLinksTest {

    @Test
    void the_keys_of_personal_links_are_masked_and_nothing_else() {
        String text = """
                Votre espace : https://rencontres.test/inscription/espace/AbC123_-x.SiGnAtUrE
                <a href="https://rencontres.test/inscription/decision/K3y.s1g">Accepter</a>
                Avis : https://rencontres.test/inscription/avis/K3y.s1g, évaluation : https://rencontres.test/evaluation/t0k3n
                Questionnaire : https://rencontres.test/questionnaire/Qu3st-10n
                La journée : https://rencontres.test/journees/z20in-001""";
        String masked = PersonalLinks.mask(text);
        assertThat(masked).doesNotContain("AbC123").doesNotContain("K3y").doesNotContain("t0k3n").doesNotContain("Qu3st")
                .contains("https://rencontres.test/inscription/espace/" + PersonalLinks.MASK + "\n")
                .contains("/inscription/decision/" + PersonalLinks.MASK + "\">Accepter</a>")
                .contains("/inscription/avis/" + PersonalLinks.MASK + ", évaluation")
                .contains("https://rencontres.test/journees/z20in-001");
        assertThat(PersonalLinks.mask("Bonjour, rien à masquer : https://rencontres.test/journees/z20in-001"))
                .isEqualTo("Bonjour, rien à masquer : https://rencontres.test/journees/z20in-001");
        assertThat(PersonalLinks.mask(null)).isNull();
    }
}
