package org.rencontres.survey;

import java.util.ArrayList;
import java.util.List;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.registration.AgentSpaceLinks;
import org.rencontres.registration.Registration;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** A confirmed agent's space offers the day's survey form, and the follow-up survey once sent to them. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class SurveyForAgents implements AgentSpaceLinks {

    private final Surveys surveys;
    private final Questionnaires questionnaires;
    private final MessageSource messages;

    @Override
    public List<Link> of(Registration registration) {
        List<Link> links = new ArrayList<>();
        if (!surveys.questions(registration.dayId()).isEmpty()) {
            surveys.keyOf(registration).ifPresent(token -> links.add(new Link(text("survey.space.link"), "/evaluation/" + token)));
        }
        // Once the follow-up survey was sent to them, their space leads to it too.
        questionnaires.followUpOf(registration.id())
                .ifPresent(token -> links.add(new Link(text("survey.space.followup"), "/questionnaire/" + token)));
        return links;
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
