package org.rencontres.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.TestSessions;
import org.rencontres.WebSession;
import org.rencontres.attendance.Attendances;
import org.rencontres.attendance.CheckIn;
import org.rencontres.attendance.CheckInOutcome;
import org.rencontres.attendance.HalfDay;
import org.rencontres.event.Days;
import org.rencontres.event.SessionCode;
import org.rencontres.registration.Registrations;
import org.rencontres.security.Accounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the survey tells the evidence pack: whether a session has a survey, and the survey's e-mails sent
 * (when, which kind, to whom), the invitation going to the present agent only.
 */
@RencontresIntegrationTest
class SurveyMailsSentTest {

    @LocalServerPort int port;
    @Autowired Days days;
    @Autowired Registrations registrations;
    @Autowired Accounts accounts;
    @Autowired Attendances attendances;
    @Autowired SurveyInvitations invitations;
    @Autowired SurveySummaries summaries;
    @Autowired SurveyReminders reminders;

    @Test
    void the_invitations_sent_are_listed_with_their_date_kind_and_recipient() throws Exception {
        long n = System.nanoTime() % 100_000_000;
        String unit = "INSET des courriels d'avis " + n;
        WebSession organiser = TestSessions.organiser(accounts, port, "courriels.avis." + n + "@cnfpt.fr", "Ava Courriel", unit);
        SessionCode code = new SessionCode("ZSVM " + n);
        long dayId = TestSessions.session(days, registrations, code, "Session des courriels d'avis", unit, TestSessions.halfDay());
        SessionCode without = new SessionCode("ZSVN " + n);
        long withoutSurvey = TestSessions.session(days, registrations, without, "Session sans avis", unit, TestSessions.halfDay());
        assertThat(summaries.hasSurvey(dayId)).isFalse();

        String base = "/admin/journees/" + code.slug() + "/evaluation";
        organiser.submit(base, base + "/habituelles", Map.of());
        long present = TestSessions.confirmed(registrations, dayId, "Pia", "Présente");
        long absent = TestSessions.confirmed(registrations, dayId, "Abel", "Absent");
        assertThat(attendances.checkIn(dayId, present, CheckIn.plain(HalfDay.MORNING, "Accueil")).kind())
                .isEqualTo(CheckInOutcome.Kind.RECORDED);
        assertThat(summaries.hasSurvey(dayId)).isTrue();
        assertThat(summaries.hasSurvey(withoutSurvey)).isFalse();
        assertThat(summaries.mailsSent(dayId)).isEmpty();

        Instant end = LocalDate.of(2027, 3, 16).atTime(12, 30).atZone(ZoneId.of("Europe/Paris")).toInstant();
        Instant before = Instant.now();
        invitations.sendDue(end.plusSeconds(60));

        String presentEmail = registrations.find(present).orElseThrow().email();
        assertThat(summaries.mailsSent(dayId)).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo("invitation");
            assertThat(m.recipient()).isEqualTo(presentEmail);
            assertThat(m.at()).isAfterOrEqualTo(before.minusSeconds(5));
        });
        assertThat(summaries.mailsSent(dayId)).noneMatch(m -> m.recipient().equals(registrations.find(absent).orElseThrow().email()));
        assertThat(summaries.mailsSent(withoutSurvey)).isEmpty();

        // The first reminder, two days after the session, is listed after the invitation, to the same person.
        reminders.sendDue(end.plus(Duration.ofDays(2)).plusSeconds(60));
        assertThat(summaries.mailsSent(dayId)).extracting(SurveySummaries.SentMail::kind, SurveySummaries.SentMail::recipient)
                .containsExactly(tuple("invitation", presentEmail), tuple("reminder1", presentEmail));
    }
}
