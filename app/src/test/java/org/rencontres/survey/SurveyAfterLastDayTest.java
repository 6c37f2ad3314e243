package org.rencontres.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.WebSession;
import org.rencontres.attendance.Attendances;
import org.rencontres.attendance.CheckIn;
import org.rencontres.attendance.HalfDay;
import org.rencontres.attendance.CheckInOutcome;
import org.rencontres.event.DayDraft;
import org.rencontres.event.Days;
import org.rencontres.event.SessionCode;
import org.rencontres.event.SessionDayDraft;
import org.rencontres.notification.QueuedMails;
import org.rencontres.registration.Capacity;
import org.rencontres.registration.Registrations;
import org.rencontres.registration.RequestDraft;
import org.rencontres.security.Accounts;
import org.rencontres.security.NewAccount;
import org.rencontres.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The survey of a session of several days goes out after its last day, not after its first: a
 * two-day session (16 March 2027 09:00–17:00, 17 March 09:00–12:30) and a half-day one (09:00–12:30).
 * It goes to the confirmed agents present at least one half-day (here the morning of the session's
 * first day); a confirmed agent who never came gets none.
 */
@RencontresIntegrationTest
class SurveyAfterLastDayTest {

    private static final String PASSWORD = "correct horse battery";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @LocalServerPort int port;
    @Autowired Days days;
    @Autowired Registrations registrations;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired SurveyInvitations invitations;
    @Autowired Attendances attendances;

    /** The confirmed agent of the last session made who never came. */
    private String noShow;

    /** A session of these days with the usual questions and one confirmed agent; returns the agent's address. */
    private String sessionWithAnAgent(SessionDayDraft... sessionDays) throws Exception {
        long n = System.nanoTime() % 100_000_000;
        String unit = "INSET des avis " + n;
        SessionCode code = new SessionCode("ZSVD " + n);
        long dayId = days.create(new DayDraft(code, "Session des avis", null, null, List.of(sessionDays),
                "Une session de test.", null, null, null, false, null, unit, null, List.of(), List.of(), List.of()));
        String email = "avis." + n + "@cnfpt.fr";
        accounts.create(new NewAccount(email, "Ava Vis", Role.ORGANISER, unit, PASSWORD));
        WebSession organiser = new WebSession(port);
        organiser.signIn(email, PASSWORD);
        String base = "/admin/journees/" + code.slug() + "/evaluation";
        organiser.submit(base, base + "/habituelles", Map.of());
        registrations.setCapacity(new Capacity(dayId, 50, 48, false));
        String agent = "agent." + System.nanoTime() + "@test.fr";
        long id = confirmed(dayId, agent);
        noShow = "absent." + System.nanoTime() + "@test.fr";
        confirmed(dayId, noShow);
        long firstDay = days.days(dayId).orElseThrow().first().id();
        assertThat(attendances.checkIn(dayId, id, CheckIn.plain(HalfDay.MORNING, "Accueil").on(firstDay)).kind())
                .isEqualTo(CheckInOutcome.Kind.RECORDED);
        return agent;
    }

    private long confirmed(long dayId, String mail) {
        long id = registrations.request(dayId, new RequestDraft("Avis", "Agent", mail, "01 60 79 74 00", "Juriste",
                null, "Commune de Test-sur-Seine", null, null, null, Instant.parse("2026-06-10T10:00:00Z")));
        registrations.advance(id, "orga@cnfpt.fr", null);
        registrations.advance(id, "orga@cnfpt.fr", null);
        registrations.confirm(id, "orga@cnfpt.fr");
        return id;
    }

    private int invitations(String agent) {
        return new QueuedMails(jdbc).to(agent, "Votre avis sur la journée").size();
    }

    @Test
    void a_session_of_two_days_is_evaluated_after_its_last_day_not_after_its_first() throws Exception {
        String agent = sessionWithAnAgent(new SessionDayDraft(LocalDate.of(2027, 3, 16), LocalTime.of(9, 0), LocalTime.of(17, 0)),
                new SessionDayDraft(LocalDate.of(2027, 3, 17), LocalTime.of(9, 0), LocalTime.of(12, 30)));
        Instant firstEnd = LocalDate.of(2027, 3, 16).atTime(17, 0).atZone(PARIS).toInstant();
        Instant lastEnd = LocalDate.of(2027, 3, 17).atTime(12, 30).atZone(PARIS).toInstant();

        invitations.sendDue(firstEnd.plusSeconds(3600));
        invitations.sendDue(lastEnd.minusSeconds(60));
        assertThat(invitations(agent)).isZero();
        invitations.sendDue(lastEnd.plusSeconds(60));
        assertThat(invitations(agent)).isEqualTo(1);
        assertThat(invitations(noShow)).isZero();
    }

    @Test
    void a_half_day_session_is_evaluated_after_its_morning() throws Exception {
        String agent = sessionWithAnAgent(new SessionDayDraft(LocalDate.of(2027, 3, 16), LocalTime.of(9, 0), LocalTime.of(12, 30)));
        Instant end = LocalDate.of(2027, 3, 16).atTime(12, 30).atZone(PARIS).toInstant();
        invitations.sendDue(end.minusSeconds(60));
        assertThat(invitations(agent)).isZero();
        invitations.sendDue(end.plusSeconds(60));
        assertThat(invitations(agent)).isEqualTo(1);
        assertThat(invitations(noShow)).isZero();
    }
}
