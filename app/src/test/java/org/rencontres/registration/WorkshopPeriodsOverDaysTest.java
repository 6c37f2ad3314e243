package org.rencontres.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rencontres.HtmlChecker;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.TestSessions;
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
import org.rencontres.security.Accounts;
import org.rencontres.shared.FrenchTime;
import org.rencontres.workshops.WorkshopDraft;
import org.rencontres.workshops.WorkshopSlot;
import org.rencontres.workshops.Workshops;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A session of two days (a Tuesday 9h–17h and the Wednesday 9h–12h30) with two workshops at the same
 * hours, 9h30–11h, on each day: two periods, not one. Agents rank per day, get one workshop per day,
 * the organiser's allocation has one section per day named by its date, and each roster says its
 * own day.
 */
@RencontresIntegrationTest
class WorkshopPeriodsOverDaysTest {

    @LocalServerPort int port;
    @Autowired Days days;
    @Autowired Registrations registrations;
    @Autowired Programmes programmes;
    @Autowired Workshops workshops;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;

    private long n;
    private long dayId;
    private String slug;
    private LocalDate tuesday;
    private LocalDate wednesday;
    private long tuesdayA;
    private long tuesdayB;
    private long wednesdayA;
    private long wednesdayB;
    private WebSession visitor;
    private WebSession organiser;

    @BeforeEach
    void aTwoDaySessionWithWorkshopsAtTheSameHoursOnBothDays() throws Exception {
        n = System.nanoTime() % 100_000_000;
        SessionCode code = new SessionCode("ZJRS " + n);
        slug = code.slug();
        String unit = "INSET des deux jours " + n;
        tuesday = LocalDate.now().plusMonths(4).with(TemporalAdjusters.next(DayOfWeek.TUESDAY));
        wednesday = tuesday.plusDays(1);
        dayId = days.create(new DayDraft(code, "Rencontres sur deux jours", null, null,
                List.of(new SessionDayDraft(tuesday, LocalTime.of(9, 0), LocalTime.of(17, 0)),
                        new SessionDayDraft(wednesday, LocalTime.of(9, 0), LocalTime.of(12, 30))),
                "Une session de test.", null, null, null, false, null, unit, null, List.of(), List.of(), List.of()));
        days.changeStatus(dayId, DayStatus.PUBLISHED);
        registrations.setCapacity(new Capacity(dayId, 20, 48, false));
        SessionDays both = days.days(dayId).orElseThrow();
        // Wednesday's slot is added first: the order of the periods comes from the dates, not from the ids.
        long wednesdaySlot = programmes.addSlot(dayId, workshopSlot(both.last().id()));
        long tuesdaySlot = programmes.addSlot(dayId, workshopSlot(both.first().id()));
        tuesdayA = workshops.add(dayId, new WorkshopDraft(tuesdaySlot, 1, "Coopération", null, null, 1, null));
        tuesdayB = workshops.add(dayId, new WorkshopDraft(tuesdaySlot, 2, "Citoyenneté", null, null, null, null));
        wednesdayA = workshops.add(dayId, new WorkshopDraft(wednesdaySlot, 3, "Bright Mirror", null, null, 1, null));
        wednesdayB = workshops.add(dayId, new WorkshopDraft(wednesdaySlot, 4, "Mobilité", null, null, null, null));
        String email = "deuxjours." + n + "@cnfpt.fr";
        organiser = TestSessions.organiser(accounts, port, email, "Jeanne Jours", unit);
        visitor = new WebSession(port);
    }

    private static SlotDraft workshopSlot(long sessionDayId) {
        return new SlotDraft(sessionDayId, LocalTime.of(9, 30), LocalTime.of(11, 0), SlotKind.WORKSHOP,
                "Ateliers", "Ateliers du matin", null, null, false, false, List.of(), List.of());
    }

    @AfterEach
    void unpublish() {
        days.changeStatus(dayId, DayStatus.DRAFT);
    }

    /** "mardi 16 mars". */
    private static String dayAndMonth(LocalDate date) {
        return FrenchTime.weekdayAndDay(date) + " " + FrenchTime.month(date);
    }

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private String form() {
        return "/journees/" + slug + "/inscription";
    }

    private String email(String surname) {
        return surname.toLowerCase() + n + "@deuxjours.test";
    }

    private long register(String surname, long tuesday1, long tuesday2, long wednesday1, long wednesday2)
            throws Exception {
        Map<String, String> fields = new LinkedHashMap<>(AgentLinks.requestForm(surname, "Camille", email(surname)));
        fields.put("atelier1-1", String.valueOf(tuesday1));
        fields.put("atelier1-2", String.valueOf(tuesday2));
        fields.put("atelier2-1", String.valueOf(wednesday1));
        fields.put("atelier2-2", String.valueOf(wednesday2));
        HttpResponse<String> sent = visitor.submit(form(), form(), fields);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
        return registrations.ofDay(dayId).stream().filter(r -> r.email().equals(email(surname))).findFirst()
                .orElseThrow().id();
    }

    private String base() {
        return "/admin/journees/" + slug + "/ateliers/repartition";
    }

    @Test
    void the_same_hours_on_two_days_make_two_periods_ranked_given_and_allocated_day_by_day() throws Exception {
        SessionDays both = days.days(dayId).orElseThrow();
        List<WorkshopSlot> periods = workshops.slotsOfDay(dayId);
        assertThat(periods).hasSize(2);
        assertThat(periods).extracting(WorkshopSlot::sessionDayId).containsExactly(both.first().id(), both.last().id());
        assertThat(periods).extracting(WorkshopSlot::date).containsExactly(tuesday, wednesday);
        assertThat(periods.get(0).workshops()).extracting(w -> w.id()).containsExactly(tuesdayA, tuesdayB);
        assertThat(periods.get(1).workshops()).extracting(w -> w.id()).containsExactly(wednesdayA, wednesdayB);
        assertThat(periods.get(1).when()).isEqualTo(capitalized(dayAndMonth(wednesday)) + ", 9h30 – 11h");

        // The request form: one group per day, named by its day and hours.
        Document page = visitor.page(form());
        assertThat(page.select("fieldset.workshop-slot legend").eachText()).containsExactly(
                "Ateliers du matin (" + dayAndMonth(tuesday) + ", de 9h30 à 11h)",
                "Ateliers du matin (" + dayAndMonth(wednesday) + ", de 9h30 à 11h)");
        assertThat(page.select("select#atelier2-1 option").eachAttr("value"))
                .containsExactly("", String.valueOf(wednesdayA), String.valueOf(wednesdayB));
        HtmlChecker.assertValid("workshop-periods-days", Map.of("request form", page.outerHtml()));

        // On confirmation, one workshop per day (A and the mirror have one seat each).
        long first = register("Premier", tuesdayA, tuesdayB, wednesdayA, wednesdayB);
        long second = register("Second", tuesdayA, tuesdayB, wednesdayA, wednesdayB);
        AgentLinks.confirm(registrations, first);
        AgentLinks.confirm(registrations, second);
        assertThat(registrations.find(first).orElseThrow().workshopIds()).containsExactlyInAnyOrder(tuesdayA, wednesdayA);
        assertThat(registrations.find(second).orElseThrow().workshopIds()).containsExactlyInAnyOrder(tuesdayB, wednesdayB);

        // The agent's space says which day each workshop is on.
        Document space = visitor.page(AgentLinks.space(jdbc, email("Premier")));
        assertThat(space.select("#mes-ateliers li").eachText()).containsExactly(
                capitalized(dayAndMonth(tuesday)) + ", 9h30 – 11h : 1. Coopération",
                capitalized(dayAndMonth(wednesday)) + ", 9h30 – 11h : 3. Bright Mirror");
        assertThat(space.select("#choix-periode-2").text())
                .isEqualTo(capitalized(dayAndMonth(wednesday)) + ", 9h30 – 11h : Ateliers du matin");
    }

    @Test
    void the_allocation_has_a_section_per_day_and_each_roster_says_its_own_day() throws Exception {
        long one = register("Alpha", tuesdayA, tuesdayB, wednesdayA, wednesdayB);
        long two = register("Bravo", tuesdayA, tuesdayB, wednesdayB, wednesdayA);
        long three = register("Charlie", tuesdayB, tuesdayA, wednesdayA, wednesdayB);
        for (long id : List.of(one, two, three)) {
            AgentLinks.confirm(registrations, id);
        }
        assertThat(organiser.submit(base() + "/calcul", base() + "/calcul", Map.of()).statusCode()).isEqualTo(302);
        Document draft = organiser.page(base());
        assertThat(draft.select("section.allocation-slot h2").eachText()).containsExactly(
                "Ateliers du matin (" + dayAndMonth(tuesday) + ", de 9h30 à 11h)",
                "Ateliers du matin (" + dayAndMonth(wednesday) + ", de 9h30 à 11h)");
        assertThat(draft.select("#participants tbody tr")).hasSize(3);
        assertThat(draft.select("#participants-2 tbody tr")).hasSize(3);
        // Each one is given a workshop on each day: the Wednesday's choices never fill a Tuesday seat.
        assertThat(draft.select("#atelier-" + two + "-2 option").eachAttr("value"))
                .containsExactly(String.valueOf(wednesdayA), String.valueOf(wednesdayB));
        HtmlChecker.assertValid("workshop-periods-days", Map.of("allocation", draft.outerHtml()));

        HttpResponse<String> published = organiser.submit(base() + "/publication", base() + "/publication",
                Map.of("depassement", "oui"));
        assertThat(published.statusCode()).isEqualTo(302);
        for (long id : List.of(one, two, three)) {
            Registration r = registrations.find(id).orElseThrow();
            assertThat(r.workshopIds()).hasSize(2).containsAnyOf(tuesdayA, tuesdayB).containsAnyOf(wednesdayA, wednesdayB);
        }

        String wednesdayDate = FrenchTime.longDate(wednesday);
        String tuesdayDate = FrenchTime.longDate(tuesday);
        String rosterOfWednesday = pdfText(organiser.getBytes(base() + "/" + wednesdayA + "/liste.pdf"));
        assertThat(rosterOfWednesday).contains("Bright Mirror", wednesdayDate).doesNotContain(tuesdayDate);
        String rosterOfTuesday = pdfText(organiser.getBytes(base() + "/" + tuesdayA + "/liste.pdf"));
        assertThat(rosterOfTuesday).contains("Coopération", tuesdayDate).doesNotContain(wednesdayDate);
    }

    private static String pdfText(HttpResponse<byte[]> pdf) throws Exception {
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            return new PDFTextStripper().getText(doc).replace('\u00a0', ' ');
        }
    }
}
