package org.rencontres.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rencontres.HtmlChecker;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.TestSessions;
import org.rencontres.WebSession;
import org.rencontres.event.DayDraft;
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
 * Issue 20: the attendance list of a day, 50 people a page, with its search and presence filter in the address, the
 * day's counts from SQL whatever the page shows, and a correction made from a filtered page that returns to it.
 * 130 registrations (every tenth not confirmed), present in the morning when their number divides by 3, in the
 * afternoon by 5; two walk-ins, one present in the afternoon.
 */
@RencontresIntegrationTest
class AttendanceListPagingTest {

    @LocalServerPort int port;
    @Autowired Days days;
    @Autowired Registrations registrations;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;

    private WebSession organiser;
    private String list;
    private long n;

    // What the data gives, counted here the slow way.
    private int listed;
    private int morning;
    private int afternoon;
    private int both;
    private int absent;
    private int confirmed;

    @BeforeEach
    void aDayOf130() throws Exception {
        n = System.nanoTime() % 100_000_000;
        String unit = "INSET des présences " + n;
        organiser = TestSessions.organiser(accounts, port, "presences." + n + "@cnfpt.fr", "Paul Présences", unit);
        String code = "ZAP" + n;
        long dayId = days.create(new DayDraft(new SessionCode(code), "Journée des présences", null, null,
                List.of(new SessionDayDraft(LocalDate.of(2016, 9, 20), LocalTime.of(9, 0), LocalTime.of(17, 0))),
                "Une journée de test.", null, null, null, false, null, unit, null, List.of(), List.of(), List.of()));
        registrations.setCapacity(new Capacity(dayId, 500, 48, false));
        long sessionDay = days.find(dayId).orElseThrow().days().first().id();
        list = "/admin/journees/" + new SessionCode(code).slug() + "/presences";
        jdbc.sql("""
                INSERT INTO registration (event_day_id, surname, given_name, email, phone, position_service,
                                          employer_name, consent_at, state)
                SELECT :day, CASE WHEN i % 2 = 0 THEN 'Durand' ELSE 'Lefèvre' END, 'Agent' || lpad(i::text, 3, '0'),
                       'agent' || i || '.' || :n || '@test.fr', '01 60 79 74 00', 'Juriste', 'Commune de Test', now(),
                       CASE WHEN i % 10 = 0 THEN 'REQUESTED' ELSE 'CONFIRMED' END
                FROM generate_series(1, 130) i""").param("day", dayId).param("n", n).update();
        jdbc.sql("""
                INSERT INTO attendance (day_id, session_day_id, half_day, registration_id, present_at, recorded_by)
                SELECT :day, :sessionDay, h.half, r.id, now(), 'Accueil'
                FROM registration r CROSS JOIN (VALUES ('MORNING', 3), ('AFTERNOON', 5)) AS h(half, every)
                WHERE r.event_day_id = :day AND substr(r.given_name, 6)::int % h.every = 0""")
                .param("day", dayId).param("sessionDay", sessionDay).update();
        long walkIn = jdbc.sql("""
                INSERT INTO attendance_walk_in (day_id, surname, given_name, organisation, created_by)
                VALUES (?, 'Zèbre', 'Venue', 'Syndicat des eaux', 'Accueil') RETURNING id""").param(dayId)
                .query(Long.class).single();
        jdbc.sql("""
                INSERT INTO attendance_walk_in (day_id, surname, given_name, organisation, created_by)
                VALUES (?, 'Zèbre', 'Partie', 'Syndicat des eaux', 'Accueil')""").param(dayId).update();
        jdbc.sql("""
                INSERT INTO attendance (day_id, session_day_id, half_day, walk_in_id, present_at, recorded_by)
                VALUES (?, ?, 'AFTERNOON', ?, now(), 'Accueil')""").params(dayId, sessionDay, walkIn).update();
        for (int i = 1; i <= 130; i++) {
            boolean m = i % 3 == 0;
            boolean a = i % 5 == 0;
            boolean c = i % 10 != 0;
            if (c || m || a) {
                listed++;
                morning += m ? 1 : 0;
                afternoon += a ? 1 : 0;
                both += m && a ? 1 : 0;
                absent += m || a ? 0 : 1;
            }
            confirmed += c ? 1 : 0;
        }
        listed += 2;
        afternoon += 1;
        absent += 1;
    }

    private List<String> names(Document page) {
        return page.select("table.attendance-table tbody th span:first-child").eachText();
    }

    private List<String> counts(Document page) {
        return page.select(".attendance-counts li").eachText().stream().map(t -> t.replace('\u00a0', ' ')).toList();
    }

    private List<String> expectedCounts() {
        return List.of("Matin (09:00 – 13:00) : " + morning + " présents",
                "Après-midi (13:00 – 17:00) : " + afternoon + " présents", "Absents toute la journée : " + absent,
                "Sans inscription : 2", "Inscriptions confirmées : " + confirmed);
    }

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void the_list_is_paged_by_name_with_the_days_counts_from_sql() throws Exception {
        // 117 confirmed, the 13 others present in the afternoon, 2 walk-ins.
        assertThat(listed).isEqualTo(132);
        Document first = organiser.page(list);
        assertThat(names(first)).hasSize(50).first().isEqualTo("Durand Agent002");
        assertThat(first.select("nav.pagination .pager-position").text()).isEqualTo("Page 1 sur 3");
        assertThat(first.select("#liste-titre").text()).isEqualTo("132 personnes");
        assertThat(counts(first)).containsExactlyElementsOf(expectedCounts());
        assertThat(first.select("nav.pagination a[rel=prev]")).isEmpty();
        assertThat(first.select("nav.pagination a[rel=next]").attr("href")).isEqualTo(list + "?page=2");

        Document middle = organiser.page(list + "?page=2");
        assertThat(names(middle)).hasSize(50).doesNotContainAnyElementsOf(names(first));
        assertThat(middle.select("nav.pagination a[aria-current=page]").text()).isEqualTo("2");
        assertThat(counts(middle)).containsExactlyElementsOf(expectedCounts());

        Document last = organiser.page(list + "?page=3");
        assertThat(names(last)).hasSize(32).endsWith("Zèbre Partie", "Zèbre Venue");
        assertThat(last.select("nav.pagination a[rel=next]")).isEmpty();
        // A page that does not exist: the nearest one, never an error.
        assertThat(names(organiser.page(list + "?page=99"))).isEqualTo(names(last));
        assertThat(names(organiser.page(list + "?page=abc"))).isEqualTo(names(first));
        assertThat(names(organiser.page(list + "?page=-2"))).isEqualTo(names(first));
        HtmlChecker.assertValid("attendance-list-paged", Map.of("first", first.outerHtml(), "middle", middle.outerHtml()));
    }

    @Test
    void the_filters_travel_in_the_address_and_leave_the_counts_whole() throws Exception {
        Document mornings = organiser.page(list + "?presence=matin");
        assertThat(mornings.select("#liste-titre").text()).isEqualTo(morning + " personnes");
        assertThat(names(mornings)).hasSize(morning);
        assertThat(mornings.select("#presence option[selected]").val()).isEqualTo("matin");
        // The counts are the day's, not the filter's nor the page's.
        assertThat(counts(mornings)).containsExactlyElementsOf(expectedCounts());

        Document absents = organiser.page(list + "?presence=absent");
        assertThat(absents.select("#liste-titre").text()).isEqualTo(absent + " personnes");
        assertThat(absents.select("nav.pagination a[rel=next]").attr("href")).isEqualTo(list + "?presence=absent&page=2");
        Document absentsTwo = organiser.page(list + "?presence=absent&page=2");
        assertThat(names(absentsTwo)).hasSize(absent - 50);
        assertThat(absentsTwo.select("nav.pagination a[rel=prev]").attr("href")).isEqualTo(list + "?presence=absent");

        assertThat(names(organiser.page(list + "?presence=journee"))).hasSize(both);
        assertThat(names(organiser.page(list + "?presence=apres-midi"))).hasSize(afternoon);
        assertThat(names(organiser.page(list + "?presence=sans-inscription")))
                .containsExactly("Zèbre Partie", "Zèbre Venue");
        // A presence that does not exist: everyone.
        assertThat(organiser.page(list + "?presence=n-importe").select("#liste-titre").text())
                .isEqualTo(listed + " personnes");

        // The name without its accent, in capitals, with a presence: the odd numbers that divide by 5.
        Document search = organiser.page(list + "?q=" + q("LEFEVRE") + "&presence=apres-midi");
        assertThat(names(search)).hasSize(13).allMatch(s -> s.startsWith("Lefèvre Agent"))
                .contains("Lefèvre Agent005", "Lefèvre Agent125");
        assertThat(search.select("#q").val()).isEqualTo("LEFEVRE");
        assertThat(search.select("nav.pagination")).isEmpty();
        Document organisation = organiser.page(list + "?q=" + q("syndicat"));
        assertThat(names(organisation)).containsExactly("Zèbre Partie", "Zèbre Venue");
        Document nobody = organiser.page(list + "?q=" + q("personne de ce nom"));
        assertThat(nobody.select("#liste-titre").text()).isEqualTo("Personne ne correspond");
        assertThat(nobody.select("table.attendance-table")).isEmpty();
        assertThat(counts(nobody)).containsExactlyElementsOf(expectedCounts());
    }

    @Test
    void a_correction_made_on_a_filtered_page_returns_to_that_page() throws Exception {
        String page = list + "?q=agent&presence=absent&page=2";
        Document absents = organiser.page(page);
        Element row = absents.select("table.attendance-table tbody tr[data-ref^=inscription-]").first();
        String who = row.select("th span:first-child").text();
        String link = row.select("td.attendance-half a").first().attr("href");
        assertThat(link).contains("demi=matin", "etat=present", "q=agent", "presence=absent", "page=2");

        Document confirm = organiser.page(link);
        assertThat(confirm.select("a[href]").eachAttr("href")).contains(page);
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : confirm.select("form input[type=hidden]")) {
            if (!input.attr("name").equals("_csrf")) {
                fields.put(input.attr("name"), input.val());
            }
        }
        assertThat(fields).containsEntry("q", "agent").containsEntry("presence", "absent").containsEntry("page", "2");
        fields.put("motif", "Arrivée par l'autre porte");
        HttpResponse<String> done = organiser.submit(link, list + "/correction", fields);
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(WebSession.location(done)).endsWith(page);

        Document back = organiser.page(WebSession.location(done));
        assertThat(back.select(".notice[role=status]").text()).contains("est marqué présent");
        assertThat(back.select("nav.pagination a[aria-current=page]").text()).isEqualTo("2");
        assertThat(back.select("#q").val()).isEqualTo("agent");
        // The walk-in absent is no « agent »: 69 absent agents before, 68 after, 18 of them on page 2.
        assertThat(names(back)).hasSize(absent - 1 - 50 - 1).doesNotContain(who);
        assertThat(counts(back)).contains("Matin (09:00 – 13:00) : " + (morning + 1) + " présents",
                "Absents toute la journée : " + (absent - 1));
    }
}
