package org.rencontres.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rencontres.TestSessions.TUESDAY;
import static org.rencontres.TestSessions.WEDNESDAY;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rencontres.HtmlChecker;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.TestSessions;
import org.rencontres.WebSession;
import org.rencontres.attendance.Attendances;
import org.rencontres.attendance.CheckIn;
import org.rencontres.attendance.CheckInOutcome;
import org.rencontres.attendance.HalfDay;
import org.rencontres.event.Days;
import org.rencontres.event.SessionCode;
import org.rencontres.event.SessionDayDraft;
import org.rencontres.registration.Registrations;
import org.rencontres.security.Accounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The dashboard of a session of two days (16 March 2027 09:00–17:00, 17 March 09:00–12:30) shows
 * attendance per day and half-day, its export a column per half-day of every day; a half-day session
 * (09:00–12:30) has its morning only. The one-day session is as before (DashboardWebTest).
 */
@RencontresIntegrationTest
class SeveralDaysDashboardTest {

    @LocalServerPort int port;
    @Autowired Days days;
    @Autowired Registrations registrations;
    @Autowired Attendances attendances;
    @Autowired Accounts accounts;

    private long n;
    private String unit;
    private WebSession organiser;

    @BeforeEach
    void anOrganiser() throws Exception {
        n = System.nanoTime() % 100_000_000;
        unit = "INSET des tableaux " + n;
        String email = "tableaux." + n + "@cnfpt.fr";
        organiser = TestSessions.organiser(accounts, port, email, "Tao Tableaux", unit);
    }

    private long session(SessionCode code, SessionDayDraft... sessionDays) {
        return TestSessions.session(days, registrations, code, "Session du tableau de bord", unit, sessionDays);
    }

    private long confirmed(long dayId, String givenName, String surname) {
        return TestSessions.confirmed(registrations, dayId, givenName, surname);
    }

    private void present(long dayId, long registrationId, LocalDate date, HalfDay half) {
        long sessionDayId = days.days(dayId).orElseThrow().on(date).orElseThrow().id();
        assertThat(attendances.checkIn(dayId, registrationId, CheckIn.plain(half, "Accueil").on(sessionDayId)).kind())
                .isEqualTo(CheckInOutcome.Kind.RECORDED);
    }

    private static Map<String, List<String>> table(Document html, String id) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (Element tr : html.select("#" + id + " tbody tr")) {
            // wholeText: the no-break space before "%" is kept (text() makes it a space).
            rows.put(tr.selectFirst("th").text(), tr.select("td").stream().map(Element::wholeText).toList());
        }
        return rows;
    }

    @Test
    void a_session_of_two_days_shows_attendance_per_day_and_half_day() throws Exception {
        SessionCode code = new SessionCode("ZDSJ " + n);
        long dayId = session(code, TestSessions.twoDays());
        long ana = confirmed(dayId, "Ana", "Alpha");
        long bruno = confirmed(dayId, "Bruno", "Bravo");
        confirmed(dayId, "Chloé", "Charlie");
        present(dayId, ana, TUESDAY, HalfDay.MORNING);
        present(dayId, ana, TUESDAY, HalfDay.AFTERNOON);
        present(dayId, bruno, TUESDAY, HalfDay.MORNING);
        present(dayId, ana, WEDNESDAY, HalfDay.MORNING);

        String page = "/admin/journees/" + code.slug() + "/tableau-de-bord";
        HttpResponse<String> response = organiser.get(page);
        Document html = Jsoup.parse(response.body());
        assertThat(table(html, "table-presences-jours")).containsExactly(
                Map.entry("Jour 1 – mardi 16 mars 2027", List.of("2 sur 3 (67\u00a0%)", "1 sur 3 (33\u00a0%)")),
                Map.entry("Jour 2 – mercredi 17 mars 2027", List.of("1 sur 3 (33\u00a0%)", "sans objet")));
        assertThat(table(html, "table-presences")).containsExactly(
                Map.entry("mardi 16 mars 2027 – Matin", List.of("2", "3", "67 %", "0")),
                Map.entry("mardi 16 mars 2027 – Après-midi", List.of("1", "3", "33 %", "0")),
                Map.entry("mercredi 17 mars 2027 – Matin", List.of("1", "3", "33 %", "0")));
        // Chloé came on no day; Bruno came on one: only Chloé is a no-show.
        assertThat(html.select("#absents").text()).endsWith(": 1");
        HtmlChecker.assertValid("dashboard-several-days", Map.of("tableau-de-bord", response.body()));

        byte[] body = organiser.getBytes(page + "/inscriptions.csv").body();
        String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text))) {
            assertThat(parser.getHeaderNames()).endsWith("Présent le matin (mardi 16 mars 2027)",
                    "Présent l'après-midi (mardi 16 mars 2027)", "Présent le matin (mercredi 17 mars 2027)");
            assertThat(parser.getRecords()).extracting(r -> r.get("Nom") + " " + r.get("Présent le matin (mardi 16 mars 2027)")
                    + " " + r.get("Présent l'après-midi (mardi 16 mars 2027)") + " " + r.get("Présent le matin (mercredi 17 mars 2027)"))
                    .containsExactly("Alpha oui oui oui", "Bravo oui non non", "Charlie non non non");
        }
    }

    @Test
    void a_half_day_session_shows_its_morning_only() throws Exception {
        SessionCode code = new SessionCode("ZDSM " + n);
        long dayId = session(code, TestSessions.halfDay());
        long ana = confirmed(dayId, "Ana", "Alpha");
        present(dayId, ana, TUESDAY, HalfDay.MORNING);

        Document html = organiser.page("/admin/journees/" + code.slug() + "/tableau-de-bord");
        assertThat(table(html, "table-presences")).containsExactly(Map.entry("Matin", List.of("1", "1", "100 %", "0")));
        assertThat(html.select("#table-presences-jours")).isEmpty();
        assertThat(html.selectFirst("svg#graphique-presences").attr("aria-label")).contains("Matin 1").doesNotContain("Après-midi");
    }
}
