package org.rencontres.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;

import org.rencontres.TestSessions;
import org.rencontres.WebSession;
import org.rencontres.attendance.Attendances;
import org.rencontres.attendance.CheckIn;
import org.rencontres.attendance.CheckInOutcome;
import org.rencontres.attendance.HalfDay;
import org.rencontres.event.Days;
import org.rencontres.event.SessionCode;
import org.rencontres.event.SessionDayDraft;
import org.rencontres.registration.Registration;
import org.rencontres.registration.Registrations;
import org.rencontres.security.Accounts;

/**
 * A session of the evaluation loop's tests: one day, 13 October 2026 09:00–17:00 in Paris (over, so that its
 * end-of-day survey takes answers), its organiser signed in, and confirmed agents who came or did not.
 */
final class EvaluationLoopFixture {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final LocalDate DAY = LocalDate.of(2026, 10, 13);
    /** The end of the session's last day: delays are counted from it. */
    static final Instant END = DAY.atTime(17, 0).atZone(PARIS).toInstant();

    final long n = System.nanoTime() % 100_000_000;
    final SessionCode code = new SessionCode("ZBCL " + n);
    final long dayId;
    final WebSession organiser;
    private final Registrations registrations;
    private final Attendances attendances;
    private final long sessionDayId;

    EvaluationLoopFixture(Days days, Registrations registrations, Accounts accounts, Attendances attendances, int port)
            throws Exception {
        this.registrations = registrations;
        this.attendances = attendances;
        String unit = "INSET de la boucle " + n;
        dayId = TestSessions.session(days, registrations, code, "Journée de la boucle " + n, unit,
                new SessionDayDraft(DAY, LocalTime.of(9, 0), LocalTime.of(17, 0)));
        organiser = TestSessions.organiser(accounts, port, "boucle." + n + "@cnfpt.fr", "Bou Cle", unit);
        sessionDayId = days.days(dayId).orElseThrow().first().id();
    }

    String base() {
        return "/admin/journees/" + code.slug() + "/evaluation";
    }

    /** Adds the usual questions of that questionnaire (slug), through the organiser's page. */
    void usualQuestions(String questionnaire) throws Exception {
        organiser.submit(base(), base() + "/habituelles", Map.of("questionnaire", questionnaire));
    }

    /** A confirmed agent who signed the morning's sheet. */
    Registration present(String givenName) {
        Registration r = absent(givenName);
        assertThat(attendances.checkIn(dayId, r.id(), CheckIn.plain(HalfDay.MORNING, "Accueil").on(sessionDayId)).kind())
                .isEqualTo(CheckInOutcome.Kind.RECORDED);
        return r;
    }

    /** A confirmed agent who never came. */
    Registration absent(String givenName) {
        return registrations.find(TestSessions.confirmed(registrations, dayId, givenName, "Boucle")).orElseThrow();
    }

    static Instant afterDays(long days) {
        return END.plus(java.time.Duration.ofDays(days)).plusSeconds(60);
    }
}
