package org.rencontres.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The kind of an organisation known only by its name, as a session's partner is typed: what its name says, else « Autre ». */
class OrganisationKindGuessTest {

    @Test
    void the_name_says_the_kind() {
        assertThat(OrganisationKind.guessedFrom("Ville de Dunkerque")).isEqualTo(OrganisationKind.COMMUNE);
        assertThat(OrganisationKind.guessedFrom("Mairie d'Évry-Courcouronnes")).isEqualTo(OrganisationKind.COMMUNE);
        assertThat(OrganisationKind.guessedFrom("Communauté d'agglomération Grand Paris Sud Seine-Essonne-Sénart"))
                .isEqualTo(OrganisationKind.INTERCOMMUNALITE);
        assertThat(OrganisationKind.guessedFrom("Métropole du Grand Nancy")).isEqualTo(OrganisationKind.INTERCOMMUNALITE);
        assertThat(OrganisationKind.guessedFrom("Conseil départemental de l'Essonne")).isEqualTo(OrganisationKind.DEPARTEMENT);
        assertThat(OrganisationKind.guessedFrom("Région Grand Est")).isEqualTo(OrganisationKind.REGION);
        assertThat(OrganisationKind.guessedFrom("Association des maires de France")).isEqualTo(OrganisationKind.ASSOCIATION);
        assertThat(OrganisationKind.guessedFrom("Cités Unies France, association")).isEqualTo(OrganisationKind.ASSOCIATION);
        assertThat(OrganisationKind.guessedFrom("CNFPT – INSET de Nancy")).isEqualTo(OrganisationKind.PUBLIC_BODY);
        assertThat(OrganisationKind.guessedFrom("Université de Lorraine")).isEqualTo(OrganisationKind.PUBLIC_BODY);
    }

    @Test
    void a_name_that_says_nothing_is_other_never_a_public_body_by_default() {
        assertThat(OrganisationKind.guessedFrom("Agence du monde commun")).isEqualTo(OrganisationKind.OTHER);
        assertThat(OrganisationKind.guessedFrom("Bright Mirror SAS")).isEqualTo(OrganisationKind.OTHER);
        // A word inside another word or in the middle of a name does not count.
        assertThat(OrganisationKind.guessedFrom("Les Amis de la Ville")).isEqualTo(OrganisationKind.OTHER);
        assertThat(OrganisationKind.guessedFrom("Pays de la Loire Tourisme")).isEqualTo(OrganisationKind.OTHER);
    }
}
