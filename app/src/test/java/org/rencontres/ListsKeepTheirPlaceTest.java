package org.rencontres;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rencontres.event.DayDraft;
import org.rencontres.event.DayStatus;
import org.rencontres.event.Days;
import org.rencontres.event.SessionCode;
import org.rencontres.event.SessionDayDraft;
import org.rencontres.registration.Capacity;
import org.rencontres.registration.Registrations;
import org.rencontres.security.Accounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 20: the queue returns to the page and filters the organiser left after an act on a request (a button, a
 * refusal with its reason, a bulk act); the audit trails of a day and of an organisation are paged, 50 entries a page,
 * counted in SQL.
 */
@RencontresIntegrationTest
class ListsKeepTheirPlaceTest {

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
        unit = "INSET des places " + n;
        organiser = TestSessions.organiser(accounts, port, "places." + n + "@cnfpt.fr", "Pia Places", unit);
    }

    private long day(String code) {
        long id = days.create(new DayDraft(new SessionCode(code), "Journée des places", null, null,
                List.of(new SessionDayDraft(LocalDate.of(2027, 5, 4), LocalTime.of(9, 0), LocalTime.of(17, 0))),
                "Une journée de test.", null, null, null, false, null, unit, null, List.of(), List.of(), List.of()));
        days.changeStatus(id, DayStatus.PUBLISHED);
        registrations.setCapacity(new Capacity(id, 500, 48, false));
        return id;
    }

    /** 130 requests, every third confirmed: 87 requested, two pages of them. */
    private String aQueue(String code) {
        long dayId = day(code);
        jdbc.sql("""
                INSERT INTO registration (event_day_id, surname, given_name, email, phone, position_service,
                                          employer_name, consent_at, state)
                SELECT :day, 'Placé', 'Agent' || i, 'agent' || i || '.' || :n || '@test.fr', '01 60 79 74 00',
                       'Juriste', 'Commune de Test', now(), CASE WHEN i % 3 = 0 THEN 'CONFIRMED' ELSE 'REQUESTED' END
                FROM generate_series(1, 130) i""").param("day", dayId).param("n", n).update();
        return "/admin/journees/" + new SessionCode(code).slug() + "/inscriptions";
    }

    private static Map<String, String> hidden(Element form) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : form.select("input[type=hidden]")) {
            if (!input.attr("name").equals("_csrf")) {
                fields.put(input.attr("name"), input.val());
            }
        }
        return fields;
    }

    @Test
    void an_act_on_a_request_returns_to_the_same_page_of_the_queue_with_its_filters() throws Exception {
        String base = aQueue("ZKP" + n);
        String page = base + "?etat=REQUESTED&recherche=agent&page=2";
        Document second = organiser.page(page);
        assertThat(second.select("nav.pagination a[aria-current=page]").text()).isEqualTo("2");
        assertThat(second.select("tr[id^=demande-]")).hasSize(37);

        // A button of a row: its form carries the filters and the page, and the act comes back to them.
        Element form = second.select("tr[id^=demande-] form[action$=/suivante]").first();
        assertThat(hidden(form)).containsEntry("etat", "REQUESTED").containsEntry("recherche", "agent")
                .containsEntry("page", "2");
        HttpResponse<String> advanced = organiser.submit(page, form.attr("action"), hidden(form));
        assertThat(advanced.statusCode()).isEqualTo(302);
        assertThat(WebSession.location(advanced)).endsWith(page);
        Document after = organiser.page(WebSession.location(advanced));
        assertThat(after.select("nav.pagination a[aria-current=page]").text()).isEqualTo("2");
        assertThat(after.select("tr[id^=demande-]")).hasSize(36);
        assertThat(after.select("#recherche").val()).isEqualTo("agent");

        // A refusal: its page carries them on, its form too, and it comes back to them.
        String refusal = second.select("tr[id^=demande-] a[href*=/refus]").get(1).attr("href");
        assertThat(refusal).contains("etat=REQUESTED", "recherche=agent", "page=2");
        Document ask = organiser.page(refusal);
        Element reasonForm = ask.select("main form[method=post]").first();
        Map<String, String> fields = hidden(reasonForm);
        assertThat(fields).containsEntry("page", "2").containsEntry("etat", "REQUESTED");
        fields.put("motif", "Hors du public visé");
        HttpResponse<String> refused = organiser.submit(refusal, reasonForm.attr("action"), fields);
        assertThat(WebSession.location(refused)).endsWith(page);

        // The bulk act too.
        Element bulk = after.select("form#groupe").first();
        assertThat(hidden(bulk)).containsEntry("page", "2");
        Map<String, String> chosen = new LinkedHashMap<>(hidden(bulk));
        chosen.put("action", "suivante");
        chosen.put("choix", after.select("input[name=choix]").first().val());
        assertThat(WebSession.location(organiser.submit(page, base + "/groupe", chosen))).endsWith(page);

        // On the first page, no page number travels.
        Element firstForm = organiser.page(base + "?etat=REQUESTED").select("tr[id^=demande-] form[action$=/suivante]")
                .first();
        assertThat(hidden(firstForm)).containsEntry("etat", "REQUESTED").doesNotContainKey("page");
    }

    @Test
    void the_audit_trails_of_a_day_and_of_an_organisation_are_paged() throws Exception {
        String code = "ZKA" + n;
        long dayId = day(code);
        String dayPage = "/admin/journees/" + new SessionCode(code).slug();
        long before = jdbc.sql("SELECT count(*) FROM audit_entry WHERE day_id = ?").param(dayId).query(Long.class).single();
        jdbc.sql("""
                INSERT INTO audit_entry (day_id, at, actor, subject, action, details)
                SELECT :day, now() - make_interval(mins => i), 'Test', 'test', 'test', 'Entrée ' || i
                FROM generate_series(1, 120) i""").param("day", dayId).update();
        long total = before + 120;
        Document first = organiser.page(dayPage);
        assertThat(first.select("#historique tbody tr")).hasSize(50);
        // Latest first: the day's own entries (created just now), then « Entrée 1 », « Entrée 2 »…
        List<String> firstDetails = first.select("#historique .audit-details").eachText();
        assertThat(firstDetails).contains("Entrée 1").doesNotContain("Entrée 120");
        assertThat(firstDetails.indexOf("Entrée 1")).isLessThan(firstDetails.indexOf("Entrée 2"));
        assertThat(first.select("#historique nav.pagination .pager-position").text())
                .isEqualTo("Page 1 sur " + (total + 49) / 50);
        assertThat(first.select("#historique nav.pagination a[rel=next]").attr("href")).isEqualTo(dayPage + "?page=2");
        Document last = organiser.page(dayPage + "?page=" + (total + 49) / 50);
        assertThat(last.select("#historique tbody tr")).hasSize((int) (total - 50 * ((total - 1) / 50)));
        assertThat(last.select("#historique .audit-details").eachText()).contains("Entrée 120");
        assertThat(organiser.page(dayPage + "?page=999").select("#historique .audit-details").eachText())
                .isEqualTo(last.select("#historique .audit-details").eachText());

        long organisation = jdbc.sql("INSERT INTO organisation (name, kind) VALUES (?, 'OTHER') RETURNING id")
                .param("Commune des places " + n).query(Long.class).single();
        jdbc.sql("""
                INSERT INTO audit_entry (organisation_id, at, actor, subject, action, details)
                SELECT :o, now() - make_interval(mins => i), 'Test', 'organisation', 'updated', 'Changement ' || i
                FROM generate_series(1, 51) i""").param("o", organisation).update();
        String orgPage = "/admin/annuaire/organisations/" + organisation;
        Document history = organiser.page(orgPage);
        assertThat(history.select(".directory-history tbody tr")).hasSize(50);
        assertThat(history.select(".directory-history .history-details").first().text()).isEqualTo("Changement 1");
        assertThat(history.select(".directory-history nav.pagination a[rel=next]").attr("href"))
                .isEqualTo(orgPage + "?page=2");
        Document older = organiser.page(orgPage + "?page=2");
        assertThat(older.select(".directory-history .history-details").eachText()).containsExactly("Changement 51");
        HtmlChecker.assertValid("audit-paged", Map.of("day", first.outerHtml(), "organisation", history.outerHtml()));
    }
}
