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
import org.rencontres.registration.needs.AccessibilityNeeds;
import org.rencontres.registration.questions.Question;
import org.rencontres.registration.questions.Questions;
import org.rencontres.shared.EmailAddress;
import org.rencontres.shared.PersonData;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
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
    private final RegistrationAnonymiser anonymiser;
    private final AccessibilityNeeds needs;
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
            needs.find(r.dayId(), r.id()).ifPresent(need -> {
                entries.add(entry("needs", need.kinds().stream().map(k -> text("registration.needs.kind." + k.name(), locale))
                        .collect(Collectors.joining(", ")) + (need.details() == null ? "" : " — " + need.details()), locale));
                entries.add(entry("needsConsentAt", PersonData.at(need.consentAt(), locale), locale));
                entries.add(entry("arrangement", text("registration.needs.state." + need.arrangement().state().name(), locale)
                        + (need.arrangement().text() == null ? "" : " — " + need.arrangement().text()), locale));
            });
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
            anonymiser.clearDetails(List.of(r.id()));
            if (r.state() == RegistrationState.CONFIRMED) {
                erased.add(text("registration.persondata.erased.details", locale, title));
                kept.add(new Kept(text("registration.persondata.kept.identity", locale, title),
                        text("registration.persondata.kept.identity.why", locale)));
            } else {
                anonymiser.anonymise(List.of(r.id()));
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
