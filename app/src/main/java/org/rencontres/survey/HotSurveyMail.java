package org.rencontres.survey;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.event.Day;
import org.rencontres.event.Days;
import org.rencontres.notification.Mailer;
import org.rencontres.registration.Registration;
import org.rencontres.registration.SpaceLinks;
import org.rencontres.shared.PublicAddress;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the invitations and the reminders of the end-of-day survey share: the sessions that have questions,
 * and the e-mail to a participant with the link to the form.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class HotSurveyMail {

    private final JdbcClient jdbc;
    private final Surveys surveys;
    private final Days days;
    private final Mailer mailer;
    private final PublicAddress address;
    private final SpaceLinks spaceLinks;

    /** The sessions that have survey questions, in the order of their ids. */
    List<Day> daysWithQuestions() {
        return jdbc.sql("SELECT DISTINCT event_day_id FROM survey_question ORDER BY 1").query(Long.class).list().stream()
                .map(days::find).flatMap(Optional::stream).toList();
    }

    /** Queues the e-mail of that template (an invitation, a reminder) with the link to the participant's form. */
    void queue(Day day, Registration r, String template) {
        Map<String, Object> v = new HashMap<>();
        v.put("name", r.givenName() + " " + r.surname());
        v.put("title", day.fullTitle());
        v.put("link", address.of("/evaluation/" + surveys.keyOf(r).orElseThrow()));
        // Every e-mail to an agent links their space (issue 16).
        v.put("space", spaceLinks.of(r));
        mailer.queue(day.id(), r.email(), template, Locale.forLanguageTag(r.language()), v);
    }
}
