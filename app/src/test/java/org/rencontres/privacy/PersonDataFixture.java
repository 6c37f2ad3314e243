package org.rencontres.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.rencontres.TestSessions;
import org.rencontres.TestSignatures;
import org.rencontres.attendance.Attendances;
import org.rencontres.attendance.CheckIn;
import org.rencontres.attendance.CheckInOutcome;
import org.rencontres.attendance.HalfDay;
import org.rencontres.event.Days;
import org.rencontres.event.SessionCode;
import org.rencontres.event.SessionDayDraft;
import org.rencontres.registration.AgentSpaces;
import org.rencontres.registration.Registrations;
import org.rencontres.registration.RequestDraft;
import org.rencontres.registration.SpaceLinks;
import org.rencontres.registration.questions.Questions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An agent with something in every module, on a past session of a unit of their own: a confirmed
 * registration with an answer to the organiser's question, present and signed in the morning, with a survey
 * answer; a withdrawn request for a second session of the same unit (typed in capitals); and a look-alike
 * agent, whose address contains the first one's, with their own answers. The withdrawn request has a survey
 * answer too (which the survey only allows to the present, but erasure must find it before registration anonymises
 * that request).
 */
final class PersonDataFixture {

    final long n = System.nanoTime() % 100_000_000;
    final String unit = "INSET des droits " + n;
    final String email = "camille." + n + "@droits.fr";
    final String lookAlike = "x" + email;
    final String answer = "Projet Zorglub " + n;
    final String lookAlikeAnswer = "Projet Zarbi " + n;
    final String surveyText = "Très utile pour mon service " + n;
    final long dayId;
    final long secondDayId;
    final long registrationId;
    final long withdrawnId;
    final long lookAlikeId;
    final String space;

    private final JdbcClient jdbc;

    PersonDataFixture(Days days, Registrations registrations, Questions questions, Attendances attendances,
                      SpaceLinks spaces, TransactionTemplate tx, JdbcClient jdbc) throws Exception {
        this.jdbc = jdbc;
        SessionDayDraft past = new SessionDayDraft(LocalDate.of(2016, 9, 20), LocalTime.of(9, 0), LocalTime.of(16, 30));
        dayId = TestSessions.session(days, registrations, new SessionCode("ZDRT " + n), "Journée des droits " + n, unit, past);
        secondDayId = TestSessions.session(days, registrations, new SessionCode("ZDRU " + n), "Seconde journée " + n, unit,
                new SessionDayDraft(LocalDate.of(2016, 10, 4), LocalTime.of(9, 0), LocalTime.of(16, 30)));
        long question = jdbc.sql("""
                INSERT INTO registration_question (event_day_id, position, kind, label) VALUES (?, 1, 'SHORT_TEXT', ?)
                RETURNING id""").params(dayId, "Votre projet " + n).query(Long.class).single();
        registrationId = confirmed(registrations, "Martin" + n, "Camille", email);
        lookAlikeId = confirmed(registrations, "Sosie" + n, "Camillo", lookAlike);
        questions.save(registrationId, Map.of(question, List.of(answer)));
        questions.save(lookAlikeId, Map.of(question, List.of(lookAlikeAnswer)));
        withdrawnId = registrations.request(secondDayId, new RequestDraft("Martin" + n, "Camille", email.toUpperCase(),
                "01 60 79 74 11", "Juriste", null, "Commune de Droits-sur-Seine", null, "Sans gluten " + n, null,
                Instant.parse("2016-06-10T10:00:00Z")));
        registrations.withdraw(withdrawnId, "Agent", null);
        assertThat(attendances.checkIn(dayId, registrationId, new CheckIn(HalfDay.MORNING, "Accueil", UUID.randomUUID(),
                true, TestSignatures.png(), null)).kind()).isEqualTo(CheckInOutcome.Kind.RECORDED);
        assertThat(attendances.checkIn(dayId, lookAlikeId, CheckIn.plain(HalfDay.AFTERNOON, "Accueil")).kind())
                .isEqualTo(CheckInOutcome.Kind.RECORDED);
        long surveyQuestion = jdbc.sql("""
                INSERT INTO survey_question (event_day_id, position, text, kind) VALUES (?, 1, ?, 'TEXT') RETURNING id""")
                .params(dayId, "Qu'en retenez-vous ?").query(Long.class).single();
        surveyAnswer(surveyQuestion, registrationId, surveyText);
        surveyAnswer(surveyQuestion, lookAlikeId, "Rien du tout " + n);
        // On the request that erasure anonymises: found only if the survey erases before registration does.
        surveyAnswer(surveyQuestion, withdrawnId, "Avant mon retrait " + n);
        String url = tx.execute(status -> spaces.of(registrations.find(registrationId).orElseThrow()));
        space = url.substring(url.indexOf("/inscription/espace/"));
        AgentSpaces.keepOpen(jdbc, registrationId);
    }

    private void surveyAnswer(long question, long registration, String text) {
        long response = jdbc.sql("INSERT INTO survey_response (event_day_id, registration_id) VALUES (?, ?) RETURNING id")
                .params(dayId, registration).query(Long.class).single();
        jdbc.sql("INSERT INTO survey_answer (response_id, question_id, text) VALUES (?, ?, ?)")
                .params(response, question, text).update();
    }

    private long confirmed(Registrations registrations, String surname, String givenName, String address) {
        long id = registrations.request(dayId, new RequestDraft(surname, givenName, address, "01 60 79 74 00", "Juriste",
                null, "Commune de Droits-sur-Seine", null, null, null, Instant.parse("2016-06-10T10:00:00Z")));
        registrations.advance(id, "orga@cnfpt.fr", null);
        registrations.advance(id, "orga@cnfpt.fr", null);
        registrations.confirm(id, "orga@cnfpt.fr");
        return id;
    }

}
