package org.rencontres.writing;

import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.event.Day;
import org.rencontres.event.DayAccess;
import org.rencontres.event.Days;
import org.rencontres.registration.Registration;
import org.rencontres.registration.RegistrationState;
import org.rencontres.registration.Registrations;
import org.rencontres.security.Organiser;
import org.rencontres.workshops.Workshops;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Who may open a document, the one rule for the pages and the WebSocket: organisers who manage the
 * day; the workshop's facilitators through their key; the workshop's confirmed participants (or the
 * group's members) through their key; holders of
 * the read-only link, who only read. A closed document is read-only for everyone.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class WritingAccess {

    private final WritingDocuments documents;
    private final Registrations registrations;
    private final Days days;
    private final DayAccess dayAccess;
    private final Workshops workshops;

    /** An organiser's access, if they manage the document's day. */
    Optional<Access> organiser(Organiser organiser, long documentId) {
        if (organiser == null) {
            return Optional.empty();
        }
        Optional<WritingDocument> document = documents.find(documentId);
        if (document.isEmpty()) {
            return Optional.empty();
        }
        Optional<Day> day = days.find(document.get().dayId());
        if (day.isEmpty()) {
            return Optional.empty();
        }
        try {
            dayAccess.requireManage(organiser, day.get().sessionCode().slug());
        } catch (AccessDeniedException | ResponseStatusException e) {
            return Optional.empty();
        }
        return Optional.of(new Access(document.get(), Access.Role.ORGANISER, organiser.displayName(), null));
    }

    /** A participant's access through their key, while they still belong to the workshop or group. */
    Optional<Access> participant(String key) {
        return documents.participantByKey(key).flatMap(k -> documents.find(k.documentId())
                .flatMap(document -> registrations.find(k.registrationId())
                        .filter(r -> belongs(r, document))
                        .map(r -> new Access(document, Access.Role.PARTICIPANT, r.givenName() + " " + r.surname(),
                                r.id()))));
    }

    /** Whether a registration may write in that document. */
    boolean belongs(Registration r, WritingDocument document) {
        if (r.state() != RegistrationState.CONFIRMED || r.dayId() != document.dayId()) {
            return false;
        }
        if (document.workshopId() != null) {
            return r.hasWorkshop(document.workshopId());
        }
        if (document.groupId() != null) {
            return documents.isGroupMember(document.groupId(), r.id());
        }
        return true;
    }

    /** A facilitator's access to their workshop's document, through the key the workshops module gave them. */
    Optional<Access> facilitator(String key) {
        return workshops.facilitatorByKey(key).flatMap(f -> {
            Optional<WritingDocument> document = documents.ofWorkshop(f.workshopId());
            if (document.isEmpty()) {
                workshops.dayOf(f.workshopId()).ifPresent(documents::ensureForWorkshops);
                document = documents.ofWorkshop(f.workshopId());
            }
            return document.map(d -> new Access(d, Access.Role.FACILITATOR, f.name(), null));
        });
    }

    /** Whoever holds the read-only link. */
    Optional<Access> reader(String readKey) {
        return documents.byReadKey(readKey).map(d -> new Access(d, Access.Role.READER, null, null));
    }
}
