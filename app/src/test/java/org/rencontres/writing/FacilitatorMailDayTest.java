package org.rencontres.writing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.WebSession;
import org.rencontres.event.DayDraft;
import org.rencontres.event.Days;
import org.rencontres.event.SessionCode;
import org.rencontres.event.SessionDayDraft;
import org.rencontres.event.SessionDays;
import org.rencontres.notification.QueuedMails;
import org.rencontres.notification.QueuedMails.QueuedMail;
import org.rencontres.programme.Programmes;
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
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The facilitator's e-mail names the day of their workshop: on a session of two days, the second
 * day's workshop says the second day (not the range, nor the first day); a half-day session says
 * its one date.
 */
@RencontresIntegrationTest
class FacilitatorMailDayTest {

    private static final String PASSWORD = "correct horse battery";

    @LocalServerPort int port;
    @Autowired Days days;
    @Autowired Programmes programmes;
    @Autowired Workshops workshops;
    @Autowired WritingDocuments documents;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;

    /** Creates the session, a workshop on its {@code onDay}-th day (from 1), sends its facilitator their link. */
    private String mailOf(List<SessionDayDraft> sessionDays, int onDay) throws Exception {
        long n = System.nanoTime() % 100_000_000;
        String unit = "INSET des animateurs " + n;
        SessionCode code = new SessionCode("ZFAC " + n);
        long dayId = days.create(new DayDraft(code, "Rencontres de l'écriture", null, null, sessionDays,
                "Une session de test.", null, null, null, false, null, unit, null, List.of(), List.of(), List.of()));
        SessionDays all = days.days(dayId).orElseThrow();
        long slot = programmes.addSlot(dayId, new SlotDraft(all.all().get(onDay - 1).id(), LocalTime.of(10, 0),
                LocalTime.of(12, 0), SlotKind.WORKSHOP, null, "Ateliers", null, null, false, false, List.of(),
                List.of()));
        long workshop = workshops.add(dayId, new WorkshopDraft(slot, 1, "Le document idéal", null,
                WritingTemplate.BRIGHT_MIRROR, null, null));
        Facilitator f = workshops.addFacilitator(workshop, "Félix Facile", "felix." + n + "@cnfpt.fr");
        documents.ensureForWorkshops(dayId);
        WritingDocument document = documents.ofWorkshop(workshop).orElseThrow();

        String email = "animateurs." + n + "@cnfpt.fr";
        accounts.create(new NewAccount(email, "Anne Animation", Role.ORGANISER, unit, PASSWORD));
        WebSession organiser = new WebSession(port);
        organiser.signIn(email, PASSWORD);
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
        assertThat(text).contains("Vous animez l'atelier « Le document idéal » de la journée « Rencontres de l'écriture » "
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
}
