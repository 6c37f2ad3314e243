package org.rencontres.survey;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.event.Day;
import org.rencontres.event.Days;
import org.rencontres.registration.Registration;
import org.rencontres.registration.Registrations;
import org.rencontres.shared.EmailAddress;
import org.rencontres.shared.PersonData;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the survey holds about an agent: their answers to each session's survey. Erasure deletes the
 * answers and keeps only the date they answered, so that no reminder is sent again.
 */
@Component
@Order(PersonData.BEFORE_REGISTRATION)
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class SurveyPersonData implements PersonData {

    private final Registrations registrations;
    private final Days days;
    private final JdbcClient jdbc;
    private final MessageSource messages;

    private record Answer(long dayId, OffsetDateTime submittedAt, String question, String value) {
    }

    @Override
    public List<Section> of(EmailAddress person, Locale locale) {
        List<Section> sections = new ArrayList<>();
        for (Registration r : registrations.ofAgent(person)) {
            List<Answer> answers = jdbc.sql("""
                    SELECT s.event_day_id, s.submitted_at, q.text,
                           coalesce(a.scale::text || ' / 5', a.choice, a.text, '') AS value
                    FROM survey_response s
                    LEFT JOIN survey_answer a ON a.response_id = s.id
                    LEFT JOIN survey_question q ON q.id = a.question_id
                    WHERE s.registration_id = ? ORDER BY q.position""")
                    .param(r.id())
                    .query((rs, n) -> new Answer(rs.getLong(1), rs.getObject(2, OffsetDateTime.class),
                            rs.getString(3), rs.getString(4)))
                    .list();
            if (answers.isEmpty()) {
                continue;
            }
            List<Entry> entries = new ArrayList<>();
            entries.add(new Entry(text("survey.persondata.answeredAt", locale),
                    PersonData.at(answers.get(0).submittedAt().toInstant(), locale)));
            answers.stream().filter(a -> a.question() != null)
                    .forEach(a -> entries.add(new Entry(a.question(), a.value())));
            String title = days.find(r.dayId()).map(Day::title).orElse("");
            sections.add(new Section(text("survey.persondata.section", locale, title), entries));
        }
        return sections;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Erasure erase(EmailAddress person, Locale locale) {
        Long[] ids = registrations.ofAgent(person).stream().map(Registration::id).toArray(Long[]::new);
        // Their responses: the end-of-session one by registration, the others (follow-up, training service,
        // trainer) by the key sent to their address.
        String theirs = """
                registration_id = ANY(?) OR respondent_id IN (SELECT id FROM survey_respondent
                WHERE registration_id = ANY(?) OR lower(email) = lower(?))""";
        int answered = jdbc.sql("SELECT count(*) FROM survey_response WHERE " + theirs)
                .params(ids, ids, person.value()).query(Integer.class).single();
        jdbc.sql("DELETE FROM survey_answer WHERE response_id IN (SELECT id FROM survey_response WHERE " + theirs + ")")
                .params(ids, ids, person.value()).update();
        int asked = jdbc.sql("""
                UPDATE survey_respondent SET name = 'Anonyme', email = 'anonyme-' || id || '@invalid'
                WHERE registration_id = ANY(?) OR lower(email) = lower(?)""")
                .params(ids, person.value()).update();
        if (answered == 0 && asked == 0) {
            return Erasure.nothing();
        }
        return new Erasure(List.of(text("survey.persondata.erased", locale)),
                List.of(new Kept(text("survey.persondata.kept", locale), text("survey.persondata.kept.why", locale))));
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
