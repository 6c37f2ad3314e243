package org.rencontres.writing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.rencontres.HtmlChecker;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.WebSession;
import org.rencontres.attendance.Attendances;
import org.rencontres.attendance.CheckIn;
import org.rencontres.attendance.HalfDay;
import org.rencontres.event.DayDraft;
import org.rencontres.event.Days;
import org.rencontres.event.SessionCode;
import org.rencontres.event.SessionDayDraft;
import org.rencontres.event.SessionDays;
import org.rencontres.notification.QueuedMails;
import org.rencontres.notification.QueuedMails.QueuedMail;
import org.rencontres.programme.Programmes;
import org.rencontres.registration.Capacity;
import org.rencontres.registration.Registrations;
import org.rencontres.registration.RequestDraft;
import org.rencontres.programme.SlotDraft;
import org.rencontres.programme.SlotKind;
import org.rencontres.security.Accounts;
import org.rencontres.security.NewAccount;
import org.rencontres.security.Role;
import org.rencontres.workshops.Facilitator;
import org.rencontres.workshops.WorkshopDraft;
import org.rencontres.workshops.Workshops;
import org.rencontres.workshops.WritingTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Collective writing on a session of several days: the facilitator's e-mail names the day of their
 * workshop (the second day's workshop says the second day, not the range nor the first day; a
 * half-day session says its one date), the small groups' form tells apart the slots that come
 * back at the same hours each day, and a split tied to the second day's slot takes those present on
 * that day.
 */
@RencontresIntegrationTest
class WritingOverDaysTest {

    private static final String PASSWORD = "correct horse battery";

    @LocalServerPort int port;
    @Autowired Days days;
    @Autowired Programmes programmes;
    @Autowired Workshops workshops;
    @Autowired WritingDocuments documents;
    @Autowired Accounts accounts;
    @Autowired Registrations registrations;
    @Autowired Attendances attendances;
    @Autowired WritingGroups groups;
    @Autowired JdbcClient jdbc;

    private long n;
    private SessionCode code;
    private WebSession organiser;

    private long session(List<SessionDayDraft> sessionDays) throws Exception {
        n = System.nanoTime() % 100_000_000;
        String unit = "INSET des animateurs " + n;
        code = new SessionCode("ZFAC " + n);
        long dayId = days.create(new DayDraft(code, "Rencontres de l'écriture", null, null, sessionDays,
                "Une session de test.", null, null, null, false, null, unit, null, List.of(), List.of(), List.of()));
        String email = "animateurs." + n + "@cnfpt.fr";
        accounts.create(new NewAccount(email, "Anne Animation", Role.ORGANISER, unit, PASSWORD));
        organiser = new WebSession(port);
        organiser.signIn(email, PASSWORD);
        return dayId;
    }

    private long slot(long dayId, long sessionDayId, SlotKind kind, String title) {
        return programmes.addSlot(dayId, new SlotDraft(sessionDayId, LocalTime.of(10, 0), LocalTime.of(12, 0), kind,
                null, title, null, null, false, false, List.of(), List.of()));
    }

    /** Creates the session, a workshop on its {@code onDay}-th day (from 1), sends its facilitator their link. */
    private String mailOf(List<SessionDayDraft> sessionDays, int onDay) throws Exception {
        long dayId = session(sessionDays);
        SessionDays all = days.days(dayId).orElseThrow();
        long slot = slot(dayId, all.all().get(onDay - 1).id(), SlotKind.WORKSHOP, "Ateliers");
        long workshop = workshops.add(dayId, new WorkshopDraft(slot, 1, "Le document idéal", null,
                WritingTemplate.BRIGHT_MIRROR, null, null));
        Facilitator f = workshops.addFacilitator(workshop, "Félix Facile", "felix." + n + "@cnfpt.fr");
        documents.ensureForWorkshops(dayId);
        WritingDocument document = documents.ofWorkshop(workshop).orElseThrow();

        String list = "/admin/journees/" + code.slug() + "/ecriture";
        assertThat(organiser.submit(list, list + "/" + document.id() + "/animation/" + f.id(), Map.of()).statusCode())
                .isEqualTo(302);
        return new QueuedMails(jdbc).to(f.email()).stream().map(QueuedMail::text).findFirst().orElseThrow()
                .replace('\u00a0', ' ').replaceAll("\\s+", " ");
    }

    @Test
    void the_second_days_workshop_says_the_second_day() throws Exception {
        String text = mailOf(List.of(new SessionDayDraft(LocalDate.of(2031, 3, 18), LocalTime.of(9, 0), LocalTime.of(17, 0)),
                new SessionDayDraft(LocalDate.of(2031, 3, 19), LocalTime.of(9, 0), LocalTime.of(12, 30))), 2);
        assertThat(text).contains("Vous animez l'atelier « Atelier 1 – Le document idéal » de la journée « Rencontres de l'écriture » "
                + "le mercredi 19 mars 2031.").doesNotContain("mardi 18");
    }

    @Test
    void the_first_days_workshop_says_the_first_day() throws Exception {
        String text = mailOf(List.of(new SessionDayDraft(LocalDate.of(2031, 3, 25), LocalTime.of(9, 0), LocalTime.of(17, 0)),
                new SessionDayDraft(LocalDate.of(2031, 3, 27), LocalTime.of(9, 0), LocalTime.of(12, 30))), 1);
        assertThat(text).contains("« Rencontres de l'écriture » le mardi 25 mars 2031.").doesNotContain("jeudi 27");
    }

    @Test
    void a_half_day_sessions_workshop_says_its_date() throws Exception {
        String text = mailOf(List.of(new SessionDayDraft(LocalDate.of(2031, 4, 8), LocalTime.of(9, 0), LocalTime.of(12, 30))), 1);
        assertThat(text).contains("« Rencontres de l'écriture » le mardi 8 avril 2031.");
    }

    @Test
    void the_small_groups_form_names_the_day_of_each_slot_when_the_session_has_several() throws Exception {
        long dayId = session(List.of(new SessionDayDraft(LocalDate.of(2031, 3, 18), LocalTime.of(9, 0), LocalTime.of(17, 0)),
                new SessionDayDraft(LocalDate.of(2031, 3, 19), LocalTime.of(9, 0), LocalTime.of(12, 30))));
        SessionDays both = days.days(dayId).orElseThrow();
        long tuesday = slot(dayId, both.first().id(), SlotKind.INTERACTION, "Échanges");
        long wednesday = slot(dayId, both.last().id(), SlotKind.INTERACTION, "Échanges");
        Document page = organiser.page("/admin/journees/" + code.slug() + "/ecriture/groupes");
        assertThat(page.select("#creneau option[value=" + tuesday + "]").text())
                .isEqualTo("mardi 18 mars 2031, 10:00–12:00 · Échanges");
        assertThat(page.select("#creneau option[value=" + wednesday + "]").text())
                .isEqualTo("mercredi 19 mars 2031, 10:00–12:00 · Échanges");
        HtmlChecker.assertValid("writing-over-days", Map.of("groups", page.outerHtml()));
    }

    @Test
    void a_half_day_sessions_slots_are_named_by_their_hours_as_before() throws Exception {
        long dayId = session(List.of(new SessionDayDraft(LocalDate.of(2031, 4, 8), LocalTime.of(9, 0), LocalTime.of(12, 30))));
        long morning = slot(dayId, days.days(dayId).orElseThrow().first().id(), SlotKind.INTERACTION, "Échanges");
        Document page = organiser.page("/admin/journees/" + code.slug() + "/ecriture/groupes");
        assertThat(page.select("#creneau option[value=" + morning + "]").text()).isEqualTo("10:00–12:00 · Échanges");
    }

    private long confirmedAndCheckedIn(long dayId, String surname, LocalDate on) {
        long id = registrations.request(dayId, new RequestDraft(surname, "Agent", "jours." + System.nanoTime() + "@test.fr",
                "01 60 79 74 00", "Juriste", null, "Commune de " + surname, null, null, null,
                Instant.parse("2016-01-10T10:00:00Z")));
        registrations.advance(id, "orga@cnfpt.fr", null);
        registrations.advance(id, "orga@cnfpt.fr", null);
        registrations.confirm(id, "orga@cnfpt.fr");
        // Checked in on the morning of that day, at its desk.
        long sessionDay = days.days(dayId).orElseThrow().on(on).orElseThrow().id();
        assertThat(attendances.checkIn(dayId, id, CheckIn.plain(HalfDay.MORNING, "Accueil").on(sessionDay)).recorded())
                .isTrue();
        return id;
    }

    @Test
    void a_split_tied_to_a_slot_of_the_second_day_takes_those_present_that_day() throws Exception {
        LocalDate tuesday = LocalDate.of(2031, 5, 13);
        LocalDate wednesday = LocalDate.of(2031, 5, 14);
        long dayId = session(List.of(new SessionDayDraft(tuesday, LocalTime.of(9, 0), LocalTime.of(17, 0)),
                new SessionDayDraft(wednesday, LocalTime.of(9, 0), LocalTime.of(12, 30))));
        registrations.setCapacity(new Capacity(dayId, 20, 48, false));
        SessionDays both = days.days(dayId).orElseThrow();
        long wednesdaySlot = slot(dayId, both.last().id(), SlotKind.INTERACTION, "Échanges");
        long onTuesday = confirmedAndCheckedIn(dayId, "Mardi", tuesday);
        long onWednesday = confirmedAndCheckedIn(dayId, "Mercredi", wednesday);
        long alsoOnWednesday = confirmedAndCheckedIn(dayId, "Mercredie", wednesday);

        String page = "/admin/journees/" + code.slug() + "/ecriture/groupes";
        Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("titre", "Échanges du mercredi");
        form.put("creneau", String.valueOf(wednesdaySlot));
        form.put("taille", "2");
        form.put("demi-journee", "matin");
        form.put("modele", "STATE_OF_THE_ART");
        assertThat(organiser.submit(page, page, form).statusCode()).isEqualTo(302);
        WritingGroups.GroupSet set = groups.ofDay(dayId).get(0);
        assertThat(set.groups().stream().flatMap(g -> g.members().stream()).map(WritingGroups.Member::registrationId))
                .containsExactlyInAnyOrder(onWednesday, alsoOnWednesday).doesNotContain(onTuesday);
        // Nor is Tuesday's presence a late arrival of Wednesday's split.
        assertThat(set.late()).isEmpty();
    }
}
