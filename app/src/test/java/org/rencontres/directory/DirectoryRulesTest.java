package org.rencontres.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rencontres.shared.FieldProblem;

/** The checks of the directory's fields: SIREN (with its Luhn key), postcode, e-mail, website, kinds. */
class DirectoryRulesTest {

    @Test
    void a_siren_has_nine_digits_and_a_valid_luhn_key() {
        assertThat(Siren.isValid("217500016")).isTrue(); // Ville de Paris
        assertThat(Siren.isValid("217 500 016")).isTrue();
        assertThat(Siren.isValid("732829320")).isTrue();
        assertThat(Siren.isValid("217500017")).as("wrong key").isFalse();
        assertThat(Siren.isValid("21750001")).as("eight digits").isFalse();
        assertThat(Siren.isValid("2175000160")).as("ten digits").isFalse();
        assertThat(Siren.isValid("21750001A")).isFalse();
        assertThat(Siren.isValid("")).isFalse();
        assertThat(Siren.isValid(null)).isFalse();
        assertThat(Siren.isValid("356000000")).as("La Poste, the one exception to the key").isTrue();
        assertThat(Siren.normalise(" 217 500 016 ")).isEqualTo("217500016");
    }

    @Test
    void a_postcode_has_five_digits() {
        assertThat(Postcode.isValid("91080")).isTrue();
        assertThat(Postcode.isValid("01000")).isTrue();
        assertThat(Postcode.isValid(" 54 000 ")).isTrue();
        assertThat(Postcode.normalise(" 54 000 ")).isEqualTo("54000");
        assertThat(Postcode.isValid("9108")).isFalse();
        assertThat(Postcode.isValid("910800")).isFalse();
        assertThat(Postcode.isValid("2A004")).isFalse();
        assertThat(Postcode.isValid("00100")).isFalse();
        assertThat(Postcode.isValid(null)).isFalse();
    }

    @Test
    void a_website_is_an_http_address_with_a_host() {
        assertThat(Website.isValid("https://www.cnfpt.fr")).isTrue();
        assertThat(Website.isValid("www.cnfpt.fr")).isTrue();
        assertThat(Website.normalise("www.cnfpt.fr")).isEqualTo("https://www.cnfpt.fr");
        assertThat(Website.isValid("http://grandparissud.fr/agglo")).isTrue();
        assertThat(Website.isValid("cnfpt")).isFalse();
        assertThat(Website.isValid("https://www cnfpt.fr")).isFalse();
        assertThat(Website.isValid("javascript:alert(1)")).isFalse();
    }

    @Test
    void kinds_are_read_as_people_write_them() {
        assertThat(OrganisationKinds.parse("Commune")).contains(OrganisationKind.COMMUNE);
        assertThat(OrganisationKinds.parse("INTERCOMMUNALITÉ")).contains(OrganisationKind.INTERCOMMUNALITE);
        assertThat(OrganisationKinds.parse("intercommunalite")).contains(OrganisationKind.INTERCOMMUNALITE);
        assertThat(OrganisationKinds.parse("EPCI")).contains(OrganisationKind.INTERCOMMUNALITE);
        assertThat(OrganisationKinds.parse("département")).contains(OrganisationKind.DEPARTEMENT);
        assertThat(OrganisationKinds.parse("Région")).contains(OrganisationKind.REGION);
        assertThat(OrganisationKinds.parse("Autre organisme public")).contains(OrganisationKind.PUBLIC_BODY);
        assertThat(OrganisationKinds.parse("PUBLIC_BODY")).contains(OrganisationKind.PUBLIC_BODY);
        assertThat(OrganisationKinds.parse("autre")).contains(OrganisationKind.OTHER);
        assertThat(OrganisationKinds.parse("Entreprise")).isEmpty();
        assertThat(OrganisationKinds.parse("")).isEmpty();
    }

    @Test
    void the_organisation_form_lists_its_errors_in_order() {
        OrganisationForm bad = new OrganisationForm(" ", "", "PLANETE", "123456789", "", "9108", "", "pas un site");
        assertThat(bad.problems()).containsExactly(
                FieldProblem.of("nom", "directory.error.name"),
                FieldProblem.of("type", "directory.error.kind"),
                FieldProblem.of("siren", "directory.error.siren"),
                FieldProblem.of("codepostal", "directory.error.postcode"),
                FieldProblem.of("site", "directory.error.website"));
        OrganisationForm good = new OrganisationForm(" Ville d'Évry ", "", "COMMUNE", "217 500 016", "", "91000",
                "Évry-Courcouronnes", "");
        assertThat(good.problems()).isEmpty();
        NewOrganisation tidy = good.toNewOrganisation();
        assertThat(tidy.name()).isEqualTo("Ville d'Évry");
        assertThat(tidy.siren()).isEqualTo("217500016");
        assertThat(tidy.shortName()).isNull();
        assertThat(tidy.website()).isNull();
    }
}
