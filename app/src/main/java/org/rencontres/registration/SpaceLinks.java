package org.rencontres.registration;

import java.time.Instant;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.event.Days;
import org.rencontres.shared.PublicAddress;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

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
    private final RegistrationQueries registrations;

    /**
     * The registration whose space {@code token} opens, for the pages other modules hang under the space's
     * address ({@code /inscription/espace/{token}/…}): the same check as the space's own pages.
     *
     * @throws ResponseStatusException 404 for a tampered or unknown link, 410 for an expired one
     */
    public Registration registrationOf(String token) {
        Links.Checked checked = links.check(token, Links.Purpose.AGENT_SPACE);
        if (!checked.ok()) {
            throw new ResponseStatusException(checked.problem() == Links.Problem.INVALID ? HttpStatus.NOT_FOUND : HttpStatus.GONE);
        }
        return registrations.find(checked.link().registrationId())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** A link to {@code registration}'s space, issued in the caller's transaction (there must be one). */
    @Transactional(propagation = Propagation.MANDATORY)
    public String of(Registration registration) {
        Instant expires = RegistrationMails.spaceExpiry(days.find(registration.dayId()).orElseThrow());
        String token = links.issue(Links.Purpose.AGENT_SPACE, registration.id(), registration.email(), expires);
        return address.of("/inscription/espace/" + token);
    }
}
