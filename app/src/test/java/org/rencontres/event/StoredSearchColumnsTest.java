package org.rencontres.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.shared.FrenchSearch;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The sessions' searched text stored in two generated columns (V63): they are exactly the expressions
 * {@link FrenchSearch} writes for {@link OrganiserDays#SEARCHED}, on insert and on update, so that reading them
 * answers as computing them did; and the catalogue still finds a session by a tag only.
 */
@RencontresIntegrationTest
class StoredSearchColumnsTest {

    @Autowired Days days;
    @Autowired DayCatalogue catalogue;
    @Autowired JdbcClient jdbc;

    private long day(String code, String title, String subtitle, String theme) {
        long id = days.create(new DayDraft(new SessionCode(code), title, subtitle, theme,
                List.of(new SessionDayDraft(LocalDate.of(2031, 3, 4), LocalTime.of(9, 0), LocalTime.of(17, 0))),
                "Une journée de test.", null, null, null, false, null, "INSET des colonnes", new Venue("Salle", null,
                "1 rue de la Mairie", "00000", "Nancy", null, null, null, null), List.of(), List.of(), List.of()));
        days.changeStatus(id, DayStatus.PUBLISHED);
        return id;
    }

    /** Whether the row's stored columns equal the expression computed now (words, letters). */
    private List<Boolean> same(long id, String expression) {
        return jdbc.sql("SELECT d.search_words = " + FrenchSearch.document(expression) + ", d.search_letters = "
                        + FrenchSearch.folded(expression) + " FROM event_day d WHERE d.id = ?")
                .param(id).query((rs, n) -> List.of(rs.getBoolean(1), rs.getBoolean(2))).single();
    }

    @Test
    void the_stored_columns_are_the_searched_expressions_on_insert_and_update() {
        long n = System.nanoTime() % 100_000_000;
        long id = day("ZSC" + n, "Le Numérique dans les collectivités", "Journée d'actualité", "Données publiques");
        assertThat(same(id, OrganiserDays.SEARCHED)).containsExactly(true, true);
        // The comparison tells a different text apart: the same without the theme is not what is stored.
        String withoutTheme = "d.title || ' ' || coalesce(d.subtitle, '') || ' ' || replace(d.session_code, ' ', '')";
        assertThat(same(id, withoutTheme)).containsExactly(false, false);

        jdbc.sql("UPDATE event_day SET title = 'Finances locales', theme = NULL WHERE id = ?").param(id).update();
        assertThat(same(id, OrganiserDays.SEARCHED)).containsExactly(true, true);
        assertThat(jdbc.sql("SELECT search_letters FROM event_day WHERE id = ?").param(id).query(String.class).single())
                .startsWith("finances locales journee d'actualite");
        // Every session in the database, whoever wrote it.
        assertThat(jdbc.sql("SELECT count(*) FROM event_day d WHERE d.search_words <> "
                + FrenchSearch.document(OrganiserDays.SEARCHED) + " OR d.search_letters <> "
                + FrenchSearch.folded(OrganiserDays.SEARCHED)).query(Long.class).single()).isZero();
    }

    @Test
    void the_catalogue_finds_a_session_by_its_words_or_by_a_tag_only() {
        long n = System.nanoTime() % 100_000_000;
        String word = "zcolonne" + n;
        long titled = day("ZST" + n, "Atelier " + word, null, null);
        long tagged = day("ZSG" + n, "Une autre journée", null, null);
        jdbc.sql("INSERT INTO event_day_tag (event_day_id, tag) VALUES (?, ?)").params(tagged, "Thème " + word).update();
        DayCatalogue.Catalogue found = catalogue.catalogue(LocalDate.of(2030, 1, 1),
                new DayCatalogue.CatalogueQuery(word, null, null, null, null, 1));
        assertThat(found.upcoming()).extracting(DaySummary::id).containsExactlyInAnyOrder(titled, tagged);
        assertThat(found.total()).isEqualTo(2);
        // A word of neither: nothing.
        assertThat(catalogue.catalogue(LocalDate.of(2030, 1, 1),
                new DayCatalogue.CatalogueQuery("zabsent" + n, null, null, null, null, 1)).total()).isZero();
    }
}
