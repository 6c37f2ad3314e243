package org.rencontres;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rencontres.event.DayDraft;
import org.rencontres.event.DayStatus;
import org.rencontres.event.Days;
import org.rencontres.event.SessionCode;
import org.rencontres.event.SessionDayDraft;
import org.rencontres.event.Venue;
import org.rencontres.registration.Capacity;
import org.rencontres.registration.Registrations;
import org.rencontres.security.Accounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 20: lists that stay small (the organiser's home and the queue paged, filters kept in the pager's links, bad
 * page numbers answered with the nearest page; the welcome desk's bounded answer) and searches in French (accents,
 * case, plurals, parts of names), on the real PostgreSQL with its unaccent and pg_trgm extensions.
 */
@RencontresIntegrationTest
class ListsAndSearchTest {

    @LocalServerPort int port;
    @Autowired Days days;
    @Autowired Registrations registrations;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;

    private String unit;
    private WebSession organiser;
    private long n;

    @BeforeEach
    void anOrganiserAndTheirUnit() throws Exception {
        n = System.nanoTime() % 100_000_000;
        unit = "INSET des listes " + n;
        organiser = TestSessions.organiser(accounts, port, "listes." + n + "@cnfpt.fr", "Lise Listes", unit);
    }

    private long day(String code, String title, String subtitle, LocalDate date, DayStatus status) {
        long id = days.create(new DayDraft(new SessionCode(code), title, subtitle, null,
                List.of(new SessionDayDraft(date, LocalTime.of(9, 0), LocalTime.of(17, 0))), "Une journée de test.", null,
                null, null, false, null, unit, new Venue("Salle", null, "1 rue de la Mairie", "00000", "Nancy", null,
                null, null, null), List.of(), List.of(), List.of()));
        if (status != DayStatus.DRAFT) {
            days.changeStatus(id, status);
        }
        return id;
    }

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    // ---- paging ----

    @Test
    void the_organisers_home_is_paged_upcoming_first_with_its_filters_kept() throws Exception {
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Paris"));
        for (int i = 1; i <= 30; i++) {
            day("ZLP" + n + " " + i, "Journée à venir n° " + i, null, today.plusDays(i), DayStatus.PUBLISHED);
        }
        for (int i = 1; i <= 30; i++) {
            day("ZLQ" + n + " " + i, "Journée passée n° " + i, null, today.minusDays(i), DayStatus.DRAFT);
        }
        Document first = organiser.page("/admin");
        List<String> titles = first.select("main table tbody tr td:nth-child(2)").eachText();
        assertThat(titles).hasSize(25).first().isEqualTo("Journée à venir n° 1");
        assertThat(titles.get(24)).isEqualTo("Journée à venir n° 25");
        assertThat(first.select("nav.pagination").attr("aria-label")).isEqualTo("Pages de vos journées");
        assertThat(first.select("nav.pagination .pager-position").text()).isEqualTo("Page 1 sur 3");
        assertThat(first.select("nav.pagination a[aria-current=page]").text()).isEqualTo("1");
        assertThat(first.select("nav.pagination a[rel=prev]")).isEmpty();
        assertThat(first.select("nav.pagination a[rel=next]").attr("href")).isEqualTo("/admin?page=2");

        Document middle = organiser.page("/admin?page=2");
        List<String> second = middle.select("main table tbody tr td:nth-child(2)").eachText();
        assertThat(second).hasSize(25).startsWith("Journée à venir n° 26", "Journée à venir n° 27")
                .contains("Journée passée n° 1");
        assertThat(second.indexOf("Journée passée n° 1")).isEqualTo(5);
        assertThat(middle.select("nav.pagination a[aria-current=page]").text()).isEqualTo("2");
        assertThat(middle.select("nav.pagination a[rel=prev]").attr("href")).isEqualTo("/admin");

        Document last = organiser.page("/admin?page=3");
        assertThat(last.select("main table tbody tr")).hasSize(10);
        assertThat(last.select("main table tbody tr td:nth-child(2)").last().text()).isEqualTo("Journée passée n° 30");
        assertThat(last.select("nav.pagination a[rel=next]")).isEmpty();

        // Bad page numbers: the nearest page, never an error.
        assertThat(organiser.page("/admin?page=0").select("nav.pagination a[aria-current=page]").text()).isEqualTo("1");
        assertThat(organiser.page("/admin?page=-1").select("nav.pagination a[aria-current=page]").text()).isEqualTo("1");
        assertThat(organiser.page("/admin?page=abc").select("nav.pagination a[aria-current=page]").text()).isEqualTo("1");
        assertThat(organiser.page("/admin?page=4").select("nav.pagination a[aria-current=page]").text()).isEqualTo("3");
        assertThat(organiser.page("/admin?page=99999999999999").select("nav.pagination a[aria-current=page]").text())
                .isEqualTo("3");

        // A filter: the state; its links keep it.
        Document drafts = organiser.page("/admin?etat=DRAFT&page=2");
        assertThat(drafts.select("main table tbody tr td:nth-child(4)").eachText()).hasSize(5).containsOnly("Brouillon");
        assertThat(drafts.select("nav.pagination a[rel=prev]").attr("href")).isEqualTo("/admin?etat=DRAFT");
        assertThat(drafts.select("#etat option[selected]").val()).isEqualTo("DRAFT");
        // Words, without accents: one match, no pager.
        Document found = organiser.page("/admin?q=" + q("a venir n° 17") + "&etat=PUBLISHED");
        assertThat(found.select("main table tbody tr td:nth-child(2)").eachText()).contains("Journée à venir n° 17");
        assertThat(found.select("nav.pagination")).isEmpty();
    }

    private long aDayWithRequests(String code, int count) {
        long dayId = day(code, "Journée de la file", null, LocalDate.of(2027, 5, 4), DayStatus.PUBLISHED);
        registrations.setCapacity(new Capacity(dayId, 500, 48, false));
        // Requests written in bulk (the queue is what is under test, not how requests arrive): every third confirmed.
        jdbc.sql("""
                INSERT INTO registration (event_day_id, surname, given_name, email, phone, position_service,
                                          employer_name, consent_at, state)
                SELECT :day, CASE WHEN i % 2 = 0 THEN 'Durand' ELSE 'Lefèvre' END, 'Agent' || i,
                       'agent' || i || '.' || :n || '@test.fr', '01 60 79 74 00', 'Juriste', 'Commune de Test',
                       now(), CASE WHEN i % 3 = 0 THEN 'CONFIRMED' ELSE 'REQUESTED' END
                FROM generate_series(1, :count) i""")
                .param("day", dayId).param("n", n).param("count", count).update();
        return dayId;
    }

    @Test
    void the_queue_is_paged_with_its_filters_and_counts_from_sql() throws Exception {
        String code = "ZLF" + n;
        aDayWithRequests(code, 130);
        String base = "/admin/journees/" + code + "/inscriptions";
        Document first = organiser.page(base);
        assertThat(first.select("tr[id^=demande-]")).hasSize(50);
        assertThat(first.select("nav.pagination .pager-position").text()).isEqualTo("Page 1 sur 3");
        assertThat(first.select("nav.state-counts").text()).contains("(130)");

        Document last = organiser.page(base + "?page=3");
        assertThat(last.select("tr[id^=demande-]")).hasSize(30);
        assertThat(organiser.page(base + "?page=7").select("tr[id^=demande-]")).hasSize(30);
        assertThat(organiser.page(base + "?page=-3").select("tr[id^=demande-]")).hasSize(50);

        // Confirmed only (43 of 130; 22 of them Lefèvre), searched by a part of the name without its accent: links keep both filters.
        Document filtered = organiser.page(base + "?etat=CONFIRMED&recherche=" + q("LEFEV"));
        List<String> names = filtered.select("tr[id^=demande-] a.agent").eachText();
        assertThat(names).hasSize(22).allMatch(s -> s.endsWith("Lefèvre"));
        assertThat(filtered.select("nav.pagination")).isEmpty();
        Document confirmed = organiser.page(base + "?etat=CONFIRMED&page=1");
        assertThat(confirmed.select("tr[id^=demande-]")).hasSize(43);
        Document paged = organiser.page(base + "?recherche=" + q("durand") + "&page=2");
        assertThat(paged.select("tr[id^=demande-] a.agent").eachText()).hasSize(15).allMatch(s -> s.endsWith("Durand"));
        assertThat(paged.select("nav.pagination a[rel=prev]").attr("href")).isEqualTo(base + "?recherche=durand");
    }

    // ---- the welcome desk ----

    @Test
    void the_welcome_desk_shows_a_screenful_and_asks_to_refine() throws Exception {
        String code = "ZLD" + n;
        aDayWithRequests(code, 40);
        String desk = "/admin/journees/" + code + "/accueil?jour=2027-05-04&q=";
        Document many = organiser.page(desk + q("lefevre"));
        assertThat(many.select("ul.desk-results li[data-ref]")).hasSize(12);
        // (jsoup's text() may give the non-breaking space as a plain one: the message file writes it, MessagesTest reads it)
        assertThat(many.select(".desk-refine").text().replace('\u00a0', ' '))
                .isEqualTo("Affinez votre recherche : 20 personnes correspondent.");

        Document few = organiser.page(desk + q("agent3"));
        // agent3, agent30…agent39: 11 people, all shown, no message.
        assertThat(few.select("ul.desk-results li[data-ref]")).hasSize(11);
        assertThat(few.select(".desk-refine")).isEmpty();

        Document one = organiser.page(desk + q("DURAND agent14"));
        assertThat(one.select("ul.desk-results li[data-ref] strong").eachText()).containsExactly("Agent14 Durand");
        assertThat(one.select(".desk-refine")).isEmpty();
    }

    // ---- French search ----

    @Test
    void the_catalogue_searches_in_french() throws Exception {
        String tag = String.valueOf(n);
        LocalDate date = LocalDate.of(2031, 2, 3);
        day("ZLS" + n + " 1", "Le Numérique dans les collectivités " + tag, null, date, DayStatus.PUBLISHED);
        day("ZLS" + n + " 2", "Finances locales " + tag, "et budgets", date, DayStatus.PUBLISHED);
        day("ZLS" + n + " 3", "Brouillon numérique " + tag, null, date, DayStatus.DRAFT);
        assertThat(catalogue("numerique " + tag)).containsExactly("Le Numérique dans les collectivités " + tag);
        assertThat(catalogue("NUMÉRIQUE " + tag)).containsExactly("Le Numérique dans les collectivités " + tag);
        assertThat(catalogue("collectivites " + tag)).containsExactly("Le Numérique dans les collectivités " + tag);
        assertThat(catalogue("collectivité " + tag)).containsExactly("Le Numérique dans les collectivités " + tag);
        assertThat(catalogue("finance " + tag)).containsExactly("Finances locales " + tag + " et budgets");
        assertThat(catalogue("budget " + tag)).containsExactly("Finances locales " + tag + " et budgets");
        assertThat(catalogue("urbanisme " + tag)).isEmpty();
    }

    private List<String> catalogue(String text) throws Exception {
        return new WebSession(port).page("/?q=" + q(text)).select("article.day-card h3").eachText();
    }

    @Test
    void the_directory_finds_a_part_of_a_name_without_its_accents() throws Exception {
        jdbc.sql("INSERT INTO person (given_name, family_name, email) VALUES ('Hélène', 'Bérénger" + n + "', NULL)")
                .update();
        jdbc.sql("INSERT INTO organisation (name, kind) VALUES ('Communauté d''agglomération Ézy" + n + "', 'OTHER')")
                .update();
        assertThat(organiser.page("/admin/annuaire/personnes?q=" + q("berenger" + n)).text())
                .contains("Bérénger" + n);
        assertThat(organiser.page("/admin/annuaire/personnes?q=" + q("helene BERENGER" + n)).text())
                .contains("Bérénger" + n);
        assertThat(organiser.page("/admin/annuaire/personnes?q=" + q("bérangère" + n)).text())
                .doesNotContain("Bérénger" + n);
        assertThat(organiser.page("/admin/annuaire/organisations?q=" + q("ezy" + n)).text())
                .contains("Ézy" + n);
    }
}
