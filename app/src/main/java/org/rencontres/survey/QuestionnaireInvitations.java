package org.rencontres.survey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.directory.Directory;
import org.rencontres.directory.Organisation;
import org.rencontres.directory.Person;
import org.rencontres.directory.TrainingContact;
import org.rencontres.directory.TrainingContacts;
import org.rencontres.event.Day;
import org.rencontres.event.Days;
import org.rencontres.programme.Programmes;
import org.rencontres.programme.Slot;
import org.rencontres.programme.SlotPerson;
import org.rencontres.registration.Registration;
import org.rencontres.registration.RegistrationState;
import org.rencontres.registration.Registrations;
import org.rencontres.shared.RecurringJobs;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the questionnaires answered by a key of one's own, once each, for the sessions that have their
 * questions: the follow-up survey to the present participants when its delay after the last day has come
 * (60 days by default); right after the last day, the training services' questionnaire to the training
 * contacts of the employers of the confirmed registrations, and the trainers' to the people of the
 * programme who have an e-mail address. A recurring db-scheduler job ({@code survey-questionnaires}) runs
 * it with the injected clock.
 */
@Configuration(proxyBeanMethods = false)
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class QuestionnaireInvitations {

    /** Each questionnaire goes out from its day until this long after it; an old session gets nothing. */
    static final Duration WINDOW = Duration.ofDays(7);

    private final JdbcClient jdbc;
    private final Questionnaires questionnaires;
    private final Surveys surveys;
    private final SurveySettings settings;
    private final Days days;
    private final Registrations registrations;
    private final TrainingContacts contacts;
    private final Directory directory;
    private final Programmes programmes;
    private final TransactionTemplate transaction;

    @Bean
    RecurringTask<Void> surveyQuestionnairesTask(Optional<Clock> clock,
                                                 @Value("${rencontres.survey.invitation-check-interval:30m}") Duration every) {
        return RecurringJobs.every("survey-questionnaires", every, clock, this::sendDue);
    }

    /** Sends what is due at {@code now}; returns how many e-mails were queued. */
    int sendDue(Instant now) {
        int sent = 0;
        List<Map<String, Object>> rows = jdbc.sql("SELECT DISTINCT event_day_id, phase FROM survey_question WHERE phase <> 'HOT' ORDER BY 1, 2")
                .query().listOfRows();
        for (Map<String, Object> row : rows) {
            Optional<Day> day = days.find(((Number) row.get("event_day_id")).longValue());
            if (day.isEmpty()) {
                continue;
            }
            Phase phase = Phase.valueOf((String) row.get("phase"));
            Instant end = day.get().days().end().toInstant();
            Instant from = phase == Phase.COLD ? end.plus(Duration.ofDays(settings.of(day.get().id()).followUp())) : end;
            if (now.isBefore(from) || !now.isBefore(from.plus(WINDOW))) {
                continue;
            }
            for (Map.Entry<String, Asked> a : asked(day.get().id(), phase).entrySet()) {
                if (Boolean.TRUE.equals(transaction.execute(s -> questionnaires.invite(day.get(), phase,
                        a.getValue().registrationId(), a.getKey(), a.getValue().name(), now)))) {
                    sent++;
                }
            }
        }
        return sent;
    }

    private record Asked(Long registrationId, String name) {
    }

    /** Who is asked to answer that questionnaire, by address (lower case). */
    private Map<String, Asked> asked(long dayId, Phase phase) {
        Map<String, Asked> asked = new LinkedHashMap<>();
        switch (phase) {
            case COLD -> surveys.invitable(dayId).forEach(r ->
                    asked.putIfAbsent(r.email().strip().toLowerCase(), new Asked(r.id(), r.givenName() + " " + r.surname())));
            case SERVICE -> {
                Set<Long> employers = new LinkedHashSet<>();
                registrations.ofDay(dayId).stream().filter(r -> r.state() == RegistrationState.CONFIRMED)
                        .map(Registration::employerOrganisationId).filter(id -> id != null).forEach(employers::add);
                Map<Long, Organisation> organisations = directory.organisations(employers);
                contacts.of(employers).forEach((organisation, list) -> {
                    for (TrainingContact c : list) {
                        Organisation o = organisations.get(organisation);
                        String name = o == null ? c.label() : c.label() + " – " + o.name();
                        asked.putIfAbsent(c.email().strip().toLowerCase(), new Asked(null, name));
                    }
                });
            }
            case TRAINER -> {
                Set<Long> people = new LinkedHashSet<>();
                for (Slot slot : programmes.programmeOf(dayId).slots()) {
                    slot.people().stream().map(SlotPerson::personId).forEach(people::add);
                }
                for (Person p : directory.people(people).values()) {
                    if (p.email() != null && !p.email().isBlank()) {
                        asked.putIfAbsent(p.email().strip().toLowerCase(), new Asked(null, p.fullName()));
                    }
                }
            }
            case HOT -> { }
        }
        return asked;
    }
}
