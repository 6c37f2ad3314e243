package org.rencontres.daypage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.rencontres.HtmlChecker;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.WebSession;
import org.rencontres.event.DayDraft;
import org.rencontres.event.DayStatus;
import org.rencontres.event.Days;
import org.rencontres.event.SessionCode;
import org.rencontres.event.SessionDayDraft;
import org.rencontres.event.SessionDays;
import org.rencontres.programme.Programmes;
import org.rencontres.programme.SlotDraft;
import org.rencontres.programme.SlotKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The public page of a session of two days: its dates as a range, each day with its hours, one programme section a day. */
@RencontresIntegrationTest
class SeveralDaysPageTest {

    @LocalServerPort int port;
    @Autowired Days days;
    @Autowired Programmes programmes;

    private long session(String code, List<SessionDayDraft> dates) {
        long id = days.create(new DayDraft(new SessionCode(code), "Rencontre des territoires sur deux jours", null, null, dates,
                "Deux jours d'échanges.", null, null, null, false, null, null, null, List.of(), List.of(), List.of()));
        days.changeStatus(id, DayStatus.PUBLISHED);
        return id;
    }

    private void slot(long id, long sessionDay, int hour, String title) {
        programmes.addSlot(id, new SlotDraft(sessionDay, LocalTime.of(hour, 0), LocalTime.of(hour + 1, 0), SlotKind.TALK,
                null, title, null, null, false, false, List.of(), List.of()));
    }

    @Test
    void a_two_day_session_reads_du_au_and_shows_each_day_its_programme() throws Exception {
        long id = session("ZSDP 001", List.of(
                new SessionDayDraft(LocalDate.of(2027, 3, 16), LocalTime.of(9, 0), LocalTime.of(17, 0)),
                new SessionDayDraft(LocalDate.of(2027, 3, 17), LocalTime.of(9, 0), LocalTime.of(12, 30))));
        SessionDays both = days.days(id).orElseThrow();
        slot(id, both.last().id(), 9, "Table ronde du mercredi");
        slot(id, both.first().id(), 9, "Ouverture du mardi");
        slot(id, both.first().id(), 14, "Ateliers du mardi");

        String html = new WebSession(port).get("/journees/ZSDP001").body();
        HtmlChecker.assertValid("several-days", Map.of("two-days", html));
        Document page = Jsoup.parse(html);
        assertThat(page.select(".day-when > time").text()).isEqualTo("du mardi 16 au mercredi 17 mars 2027");
        assertThat(page.select(".day-when > time").attr("datetime")).isEqualTo("2027-03-16");
        assertThat(page.select(".day-days li").eachText())
                .containsExactly("mardi 16 mars 2027, de 9h à 17h", "mercredi 17 mars 2027, de 9h à 12h30");
        assertThat(page.select("#programme h3.programme-date").eachText())
                .containsExactly("Jour 1 : mardi 16 mars 2027", "Jour 2 : mercredi 17 mars 2027");
        Element first = page.getElementById("programme-jour-1");
        Element second = page.getElementById("programme-jour-2");
        assertThat(first).isNotNull();
        assertThat(second).isNotNull();
        String programme = page.select("#programme").text();
        assertThat(programme.indexOf("Ouverture du mardi")).isBetween(programme.indexOf("Jour 1"), programme.indexOf("Jour 2"));
        assertThat(programme.indexOf("Ateliers du mardi")).isBetween(programme.indexOf("Ouverture du mardi"), programme.indexOf("Jour 2"));
        assertThat(programme.indexOf("Table ronde du mercredi")).isGreaterThan(programme.indexOf("Jour 2"));
    }

    @Test
    void a_day_of_the_session_without_slots_says_its_programme_is_to_come_and_a_one_day_session_has_no_day_headings()
            throws Exception {
        long id = session("ZSDP 002", List.of(
                new SessionDayDraft(LocalDate.of(2027, 4, 6), LocalTime.of(9, 0), LocalTime.of(17, 0)),
                new SessionDayDraft(LocalDate.of(2027, 4, 8), LocalTime.of(14, 0), LocalTime.of(17, 0))));
        slot(id, days.days(id).orElseThrow().first().id(), 10, "Seule séquence");
        Document page = new WebSession(port).page("/journees/ZSDP002");
        assertThat(page.select(".day-when > time").text()).isEqualTo("mardi 6 et jeudi 8 avril 2027");
        assertThat(page.select("#programme").text()).contains("Le programme de ce jour sera publié prochainement.");

        long single = session("ZSDP 003", List.of(
                new SessionDayDraft(LocalDate.of(2027, 5, 4), LocalTime.of(9, 0), LocalTime.of(12, 30))));
        slot(single, days.days(single).orElseThrow().first().id(), 9, "Matinée");
        Document morning = new WebSession(port).page("/journees/ZSDP003");
        assertThat(morning.select(".day-when").text()).isEqualTo("mardi 4 mai 2027, de 9h à 12h30");
        assertThat(morning.select(".day-days, #programme h3.programme-date")).isEmpty();
        assertThat(morning.select("#programme p.programme-date").text()).isEqualTo("Mardi 4 mai 2027");
    }
}
