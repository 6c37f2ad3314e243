package org.rencontres.writing;

import java.util.List;
import java.util.Set;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.registration.AgentSpaceLinks;
import org.rencontres.registration.Registration;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The agent's space links to the shared documents the agent may write in (their workshop's when it writes
 * collectively, their group's).
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class WritingLinksForAgents implements AgentSpaceLinks {

    private final WritingDocuments documents;
    private final WritingAccess access;
    private final MessageSource messages;

    @Override
    public List<Link> of(Registration registration) {
        // Only the workshops that write collectively have a document; one made before its workshop was set
        // « sans écriture collective » is not offered either.
        Set<Long> writing = documents.writingWorkshops(registration.dayId());
        if (registration.workshopIds().stream().anyMatch(w -> writing.contains(w) && documents.ofWorkshop(w).isEmpty())) {
            documents.ensureForWorkshops(registration.dayId());
        }
        return documents.ofDay(registration.dayId()).stream()
                .filter(d -> d.workshopId() == null || writing.contains(d.workshopId()))
                .filter(d -> access.belongs(registration, d))
                .map(d -> new Link(messages.getMessage("writing.space.link", new Object[] {d.title()},
                        LocaleContextHolder.getLocale()), "/ecriture/participant/" + documents.participantKey(d.id(), registration.id())))
                .toList();
    }
}
