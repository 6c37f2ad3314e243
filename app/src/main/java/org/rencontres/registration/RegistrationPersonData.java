package org.rencontres.registration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.event.Day;
import org.rencontres.event.Days;
import org.rencontres.registration.questions.Question;
import org.rencontres.registration.questions.Questions;
import org.rencontres.shared.EmailAddress;
import org.rencontres.shared.PersonData;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What registration holds about an agent: each request (identity, employer, needs, state), the answers
 * to the organiser's questions, the history of the request and the paper form received. Erasure keeps
 * the identity and employer of a confirmed registration (the attendance sheet and the certificate name
 * the person from it) and anonymises every other request; it erases the rest (phone, position, line
 * manager, needs, answers, paper form, links) in every case. Runs last ({@link PersonData#LAST}).
 */
@Component
@Order(PersonData.LAST)
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class RegistrationPersonData implements PersonData {

    private final RegistrationQueries queries;
    private final Questions questions;
    private final PaperForms paperForms;
    private final Days days;
    private final JdbcClient jdbc;
    private final MessageSource messages;

    @Override
    public List<Section> of(EmailAddress person, Locale locale) {
        List<Section> sections = new ArrayList<>();
        for (Registration r : queries.ofAgent(person.value())) {
            String title = days.find(r.dayId()).map(Day::title).orElse("");
            List<Entry> entries = new ArrayList<>();
            entries.add(entry("surname", r.surname(), locale));
            entries.add(entry("givenName", r.givenName(), locale));
            entries.add(entry("email", r.email(), locale));
            entries.add(entry("phone", r.phone(), locale));
            entries.add(entry("position", r.positionService(), locale));
            entries.add(entry("employer", r.employerName(), locale));
            entries.add(entry("lineManager", r.lineManagerEmail(), locale));
            entries.add(entry("dietary", r.dietaryNeeds(), locale));
            entries.add(entry("accessibility", r.accessibilityNeeds(), locale));
            entries.add(entry("state", text("registration.state." + r.state().name(), locale), locale));
            entries.add(entry("requestedAt", PersonData.at(r.createdAt(), locale), locale));
            entries.add(entry("consentAt", PersonData.at(r.consentAt(), locale), locale));
            Map<Long, Question> asked = questions.ofDay(r.dayId()).stream()
                    .collect(Collectors.toMap(Question::id, Function.identity()));
            questions.answersOf(r.id()).forEach((questionId, texts) -> entries.add(new Entry(
                    asked.containsKey(questionId) ? asked.get(questionId).label() : String.valueOf(questionId),
                    String.join(", ", texts))));
            for (Transition t : queries.history(r.id())) {
                entries.add(new Entry(text("registration.persondata.transition", locale, PersonData.at(t.at(), locale)),
                        text("registration.state." + t.to().name(), locale)
                                + (t.reason() == null || t.reason().isBlank() ? "" : " (" + t.reason() + ")")));
            }
            paperForms.of(r.id()).ifPresent(f -> entries.add(entry("paperForm", f.fileName(), locale)));
            sections.add(new Section(text("registration.persondata.section", locale, title), entries));
        }
        return sections;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Erasure erase(EmailAddress person, Locale locale) {
        List<Registration> registrations = queries.ofAgent(person.value());
        if (registrations.isEmpty()) {
            return Erasure.nothing();
        }
        List<String> erased = new ArrayList<>();
        List<Kept> kept = new ArrayList<>();
        for (Registration r : registrations) {
            String title = days.find(r.dayId()).map(Day::title).orElse("");
            jdbc.sql("DELETE FROM registration_answer WHERE registration_id = ?").param(r.id()).update();
            jdbc.sql("DELETE FROM registration_paper_form WHERE registration_id = ?").param(r.id()).update();
            jdbc.sql("""
                    UPDATE registration SET phone = '', position_service = '', line_manager_email = NULL,
                           dietary_needs = NULL, accessibility_needs = NULL WHERE id = ?""").param(r.id()).update();
            if (r.state() == RegistrationState.CONFIRMED) {
                erased.add(text("registration.persondata.erased.details", locale, title));
                kept.add(new Kept(text("registration.persondata.kept.identity", locale, title),
                        text("registration.persondata.kept.identity.why", locale)));
            } else {
                String anonymous = "efface-" + r.id() + "@anonyme.invalid";
                jdbc.sql("""
                        UPDATE registration SET surname = ?, given_name = ?, email = ?, registered_by = NULL
                        WHERE id = ?""")
                        .params(text("registration.persondata.anonymous", locale),
                                text("registration.persondata.anonymous", locale), anonymous, r.id()).update();
                jdbc.sql("DELETE FROM registration_link WHERE registration_id = ?").param(r.id()).update();
                jdbc.sql("""
                        UPDATE registration_transition SET actor = 'Agent'
                        WHERE registration_id = ? AND position(lower(?) IN lower(actor)) > 0""")
                        .params(r.id(), person.value()).update();
                erased.add(text("registration.persondata.erased.all", locale, title));
                kept.add(new Kept(text("registration.persondata.kept.trail", locale, title),
                        text("registration.persondata.kept.trail.why", locale)));
            }
        }
        return new Erasure(erased, kept);
    }

    private Entry entry(String label, String value, Locale locale) {
        return new Entry(text("registration.persondata." + label, locale), value);
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
