package org.rencontres.survey;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.event.Day;
import org.rencontres.notification.Mailer;
import org.rencontres.registration.Registration;
import org.rencontres.registration.Registrations;
import org.rencontres.shared.FieldProblem;
import org.rencontres.shared.PublicAddress;
import org.rencontres.shared.Secrets;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The questionnaires answered by a key of one's own (/questionnaire/{token}): the follow-up survey of the
 * present participants, the training services' and the trainers' questionnaires. A respondent is one
 * address asked once per questionnaire (a unique constraint), with a random key; one response each (a
 * unique constraint too): a second one is refused.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class Questionnaires {

    /** Someone asked to answer one questionnaire of a session; {@code registrationId} for the follow-up only. */
    record Respondent(long id, long dayId, Phase phase, Long registrationId, String email, String name, String token,
                      Instant invitedAt) {
    }

    private static final String COLUMNS = "id, event_day_id, phase, registration_id, email, name, token, invited_at";

    private final JdbcClient jdbc;
    private final Surveys surveys;
    private final Registrations registrations;
    private final Mailer mailer;
    private final PublicAddress address;

    List<Respondent> respondents(long dayId, Phase phase) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM survey_respondent WHERE event_day_id = ? AND phase = ? ORDER BY id")
                .params(dayId, phase.name()).query(Questionnaires::respondent).list();
    }

    /** The key of the follow-up survey sent to that registration, if it was. */
    Optional<String> followUpOf(long registrationId) {
        return jdbc.sql("SELECT token FROM survey_respondent WHERE registration_id = ? AND phase = 'COLD'")
                .param(registrationId).query(String.class).optional();
    }

    /** The respondent holding that key, if any. */
    Optional<Respondent> ofToken(String token) {
        if (token == null || token.length() > 64) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM survey_respondent WHERE token = ?").param(token)
                .query(Questionnaires::respondent).optional();
    }

    private static Respondent respondent(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        long registration = rs.getLong("registration_id");
        return new Respondent(rs.getLong("id"), rs.getLong("event_day_id"), Phase.valueOf(rs.getString("phase")),
                rs.wasNull() ? null : registration, rs.getString("email"), rs.getString("name"), rs.getString("token"),
                rs.getTimestamp("invited_at").toInstant());
    }

    boolean answered(long respondentId) {
        return jdbc.sql("SELECT count(*) FROM survey_response WHERE respondent_id = ?").param(respondentId)
                .query(Integer.class).single() > 0;
    }

    /**
     * Asks an address to answer a questionnaire of the session, once: the respondent row and the e-mail with
     * its key, in the caller's transaction. False when that address was already asked.
     */
    @Transactional
    boolean invite(Day day, Phase phase, Long registrationId, String email, String name, Instant now) {
        int inserted = jdbc.sql("""
                INSERT INTO survey_respondent (event_day_id, phase, registration_id, email, name, token, invited_at)
                VALUES (?, ?, ?, lower(btrim(?)), ?, ?, ?) ON CONFLICT (event_day_id, phase, email) DO NOTHING""")
                .params(day.id(), phase.name(), registrationId, email, name, Secrets.randomKey(20), Timestamp.from(now))
                .update();
        if (inserted == 0) {
            return false;
        }
        Respondent r = jdbc.sql("SELECT " + COLUMNS + " FROM survey_respondent WHERE event_day_id = ? AND phase = ? AND email = lower(btrim(?))")
                .params(day.id(), phase.name(), email).query(Questionnaires::respondent).single();
        mail(day, r, false);
        return true;
    }

    /** Queues the e-mail with the respondent's link: the invitation, or its reminder. */
    void mail(Day day, Respondent r, boolean reminder) {
        Locale locale = Optional.ofNullable(r.registrationId()).flatMap(registrations::find)
                .map(Registration::language).map(Locale::forLanguageTag).orElse(Locale.FRENCH);
        Map<String, Object> v = new HashMap<>();
        v.put("name", r.name());
        v.put("title", day.fullTitle());
        v.put("phase", r.phase().name());
        v.put("reminder", reminder);
        v.put("link", address.of("/questionnaire/" + r.token()));
        mailer.queue(day.id(), r.email(), "survey/mail/questionnaire", locale, v);
    }

    /** Records a respondent's answers, once; a second response is refused and the first kept. */
    @Transactional
    Surveys.Submission submit(Respondent r, Map<String, String> values) {
        if (answered(r.id())) {
            return new Surveys.Submission(List.of(), true, false);
        }
        List<Question> qs = surveys.questions(r.dayId(), r.phase());
        List<FieldProblem> problems = Surveys.problems(qs, values);
        if (!problems.isEmpty()) {
            return new Surveys.Submission(problems, false, false);
        }
        long responseId;
        try {
            responseId = jdbc.sql("INSERT INTO survey_response (event_day_id, phase, respondent_id) VALUES (?, ?, ?) RETURNING id")
                    .params(r.dayId(), r.phase().name(), r.id()).query(Long.class).single();
        } catch (DuplicateKeyException e) {
            return new Surveys.Submission(List.of(), true, false);
        }
        surveys.storeAnswers(responseId, qs, values);
        return new Surveys.Submission(List.of(), false, false);
    }
}
