package org.rencontres.registration;

import java.time.Instant;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.event.Days;
import org.rencontres.shared.PublicAddress;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The address of an agent's space, for the other modules' e-mails to agents (a bulk message, a survey
 * invitation, a certificate): a new signed link, valid as long as the ones the registration's own
 * e-mails carry (two months after the session).
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class SpaceLinks {

    private final Links links;
    private final Days days;
    private final PublicAddress address;

    /** A link to {@code registration}'s space, issued in the caller's transaction (there must be one). */
    @Transactional(propagation = Propagation.MANDATORY)
    public String of(Registration registration) {
        Instant expires = RegistrationMails.spaceExpiry(days.find(registration.dayId()).orElseThrow());
        String token = links.issue(Links.Purpose.AGENT_SPACE, registration.id(), registration.email(), expires);
        return address.of("/inscription/espace/" + token);
    }
}
