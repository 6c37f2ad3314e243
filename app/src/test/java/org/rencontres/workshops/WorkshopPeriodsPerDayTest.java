package org.rencontres.workshops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.rencontres.HtmlChecker;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.WebSession;
import org.rencontres.event.DayDraft;
import org.rencontres.event.Days;
import org.rencontres.event.SessionCode;
import org.rencontres.event.SessionDayDraft;
import org.rencontres.event.SessionDays;
import org.rencontres.programme.Programmes;
import org.rencontres.programme.SlotDraft;
import org.rencontres.programme.SlotKind;
import org.rencontres.security.Accounts;
import org.rencontres.security.NewAccount;
import org.rencontres.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Workshop periods are per day of the session: the same hours on two days are two periods, each
 * named by its day; a half-day session (a morning only) has its periods as a one-day session has
 * them, without a date; a day removed from the session names the workshops that go with it.
 */
@RencontresIntegrationTest
class WorkshopPeriodsPerDayTest {

    private static final String PASSWORD = "correct horse battery";

    @LocalServerPort int port;
    @Autowired Days days;
    @Autowired Programmes programmes;
    @Autowired Workshops workshops;
    @Autowired Accounts accounts;

    private long session(String code, String unit, SessionDayDraft... dayDrafts) {
        return days.create(new DayDraft(new SessionCode(code), "Session des ateliers", null, null, List.of(dayDrafts),
                "Une session de test.", null, null, null, false, null, unit, null, List.of(), List.of(), List.of()));
    }

    private long workshopSlot(long dayId, long sessionDayId, String start, String end, String title, String track) {
        return programmes.addSlot(dayId, new SlotDraft(sessionDayId, LocalTime.parse(start), LocalTime.parse(end),
                SlotKind.WORKSHOP, "Ateliers", title, null, track, false, false, List.of(), List.of()));
    }

    private WebSession organiser(String unit) throws Exception {
        String email = "periodes.jours." + System.nanoTime() + "@cnfpt.fr";
        accounts.create(new NewAccount(email, "Odile Jours", Role.ORGANISER, unit, PASSWORD));
        WebSession organiser = new WebSession(port);
        organiser.signIn(email, PASSWORD);
        return organiser;
    }

    @Test
    void the_same_hours_on_two_days_are_two_periods_in_date_order_each_named_by_its_day() throws Exception {
        long n = System.nanoTime() % 100_000_000;
        String unit = "INSET des jours " + n;
        // Created with its second day first: the periods follow the dates, not the order of creation.
        long dayId = session("ZWPD " + n, unit,
                new SessionDayDraft(LocalDate.of(2031, 3, 19), LocalTime.of(9, 0), LocalTime.of(12, 30)),
                new SessionDayDraft(LocalDate.of(2031, 3, 18), LocalTime.of(9, 0), LocalTime.of(17, 0)));
        SessionDays both = days.days(dayId).orElseThrow();
        long wednesday = workshopSlot(dayId, both.last().id(), "09:30", "11:00", "Mercredi matin", null);
        long tuesday1 = workshopSlot(dayId, both.first().id(), "09:30", "11:00", "Le document idéal", "Atelier n°1");
        long tuesday2 = workshopSlot(dayId, both.first().id(), "09:30", "11:00", "Expertise", "Atelier n°2");
        long w1 = workshops.add(dayId, new WorkshopDraft(wednesday, 1, "Bright Mirror", null, null, null, null));
        long t1 = workshops.add(dayId, new WorkshopDraft(tuesday1, 2, "Document", null, null, null, null));
        long t2 = workshops.add(dayId, new WorkshopDraft(tuesday2, 3, "Expertise", null, null, null, null));

        List<WorkshopSlot> periods = workshops.slotsOfDay(dayId);
        assertThat(periods).hasSize(2);
        // Tuesday: its two parallel slots are one period; Wednesday's slot at the same hours is another.
        assertThat(periods.get(0).slotIds()).containsExactlyInAnyOrder(tuesday1, tuesday2);
        assertThat(periods.get(0).workshops()).extracting(Workshop::id).containsExactly(t1, t2);
        assertThat(periods.get(0).sessionDayId()).isEqualTo(both.first().id());
        assertThat(periods.get(0).date()).isEqualTo(LocalDate.of(2031, 3, 18));
        assertThat(periods.get(0).when()).isEqualTo("Mardi 18 mars, 9h30 – 11h");
        assertThat(periods.get(1).slotIds()).containsExactly(wednesday);
        assertThat(periods.get(1).workshops()).extracting(Workshop::id).containsExactly(w1);
        assertThat(periods.get(1).day()).isEqualTo("mercredi 19 mars");

        // The back office's page of a workshop slot says which day it is on.
        WebSession organiser = organiser(unit);
        String slug = new SessionCode("ZWPD " + n).slug();
        Document page = organiser.page("/admin/journees/" + slug + "/ateliers/" + wednesday);
        assertThat(page.selectFirst(".editor-slot-when").text())
                .isEqualTo("Le mercredi 19 mars 2031, de 9h30 à 11h – Session des ateliers");
        HtmlChecker.assertValid("workshop-periods-per-day", Map.of("slot page", page.outerHtml()));
    }

    @Test
    void a_half_day_session_has_its_periods_without_a_date_as_a_one_day_session_has_them() throws Exception {
        long n = System.nanoTime() % 100_000_000;
        String unit = "INSET de la matinée " + n;
        long dayId = session("ZWPM " + n, unit,
                new SessionDayDraft(LocalDate.of(2031, 4, 8), LocalTime.of(9, 0), LocalTime.of(12, 30)));
        long morning = days.days(dayId).orElseThrow().first().id();
        long first = workshopSlot(dayId, morning, "09:30", "10:30", "Premier temps", null);
        long second = workshopSlot(dayId, morning, "10:45", "12:15", "Second temps", null);
        workshops.add(dayId, new WorkshopDraft(first, 1, "Un", null, null, null, null));
        workshops.add(dayId, new WorkshopDraft(second, 2, "Deux", null, null, null, null));

        List<WorkshopSlot> periods = workshops.slotsOfDay(dayId);
        assertThat(periods).extracting(WorkshopSlot::slotId).containsExactly(first, second);
        assertThat(periods).extracting(WorkshopSlot::date).containsOnlyNulls();
        assertThat(periods).extracting(WorkshopSlot::sessionDayId).containsOnly(morning);
        assertThat(periods).extracting(WorkshopSlot::when).containsExactly("9h30 – 10h30", "10h45 – 12h15");

        WebSession organiser = organiser(unit);
        Document page = organiser.page("/admin/journees/" + new SessionCode("ZWPM " + n).slug() + "/ateliers/" + first);
        assertThat(page.selectFirst(".editor-slot-when").text()).isEqualTo("De 9h30 à 10h30 – Session des ateliers");
    }

    @Test
    void removing_a_day_that_holds_workshops_names_them_before_it_goes() throws Exception {
        long n = System.nanoTime() % 100_000_000;
        String unit = "INSET des suppressions " + n;
        long dayId = session("ZWPR " + n, unit,
                new SessionDayDraft(LocalDate.of(2031, 5, 13), LocalTime.of(9, 0), LocalTime.of(17, 0)),
                new SessionDayDraft(LocalDate.of(2031, 5, 14), LocalTime.of(9, 0), LocalTime.of(12, 30)));
        SessionDays both = days.days(dayId).orElseThrow();
        long kept = workshopSlot(dayId, both.first().id(), "09:30", "11:00", "Mardi", null);
        long gone = workshopSlot(dayId, both.last().id(), "09:30", "11:00", "Mercredi", null);
        workshops.add(dayId, new WorkshopDraft(kept, 1, "Reste", null, null, null, null));
        workshops.add(dayId, new WorkshopDraft(gone, 2, "Part avec le jour", null, null, null, null));
        WebSession organiser = organiser(unit);
        String slug = new SessionCode("ZWPR " + n).slug();

        String remove = "/admin/journees/" + slug + "/jours/" + both.last().id() + "/supprimer";
        assertThat(organiser.page(remove).select("main").text()).contains(
                "1 créneau du programme (dont l'atelier n°2 « Part avec le jour »)").doesNotContain("Reste");
        HttpResponse<String> removed = organiser.submit(remove, remove, Map.of());
        assertThat(removed.statusCode()).isEqualTo(302);
        assertThat(workshops.ofDay(dayId)).extracting(Workshop::title).containsExactly("Reste");
        assertThat(workshops.slotsOfDay(dayId)).singleElement().satisfies(p -> {
            assertThat(p.slotId()).isEqualTo(kept);
            assertThat(p.date()).isNull();   // one day left: no date to tell periods apart
        });
    }
}
