package org.rencontres.survey;

import java.util.List;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.registration.AgentSpaceLinks;
import org.rencontres.registration.Registration;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** A confirmed agent's space offers the day's survey form. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class SurveyForAgents implements AgentSpaceLinks {

    private final Surveys surveys;
    private final MessageSource messages;

    @Override
    public List<Link> of(Registration registration) {
        if (surveys.questions(registration.dayId()).isEmpty()) {
            return List.of();
        }
        return surveys.keyOf(registration)
                .map(token -> List.of(new Link(messages.getMessage("survey.space.link", null, LocaleContextHolder.getLocale()),
                        "/evaluation/" + token)))
                .orElse(List.of());
    }
}
