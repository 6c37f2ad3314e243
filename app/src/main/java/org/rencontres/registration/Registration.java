package org.rencontres.registration;

import java.time.Instant;
import java.util.List;

/**
 * A registration as stored.
 *
 * @param waitingPosition the rank on the day's waiting list (1 is served first), kept once the
 *                        registration leaves the list
 * @param offerDeadline until when an OFFERED seat may be accepted
 * @param language the agent's language for e-mails, "fr" or "en"
 * @param registeredBy the training service's address when it registered the agent itself, else null
 * @param workshopIds the workshops given (on confirmation, or by the organiser's allocation): at most one
 *                    per workshop slot of the day
 * @param networkingOptIn whether the agent asked to take part in the day's networking rotation
 */
public record Registration(
        long id,
        long dayId,
        RegistrationState state,
        String surname,
        String givenName,
        String email,
        String phone,
        String positionService,
        Long employerOrganisationId,
        String employerName,
        String lineManagerEmail,
        String dietaryNeeds,
        String accessibilityNeeds,
        Instant consentAt,
        Integer waitingPosition,
        Instant offerDeadline,
        int version,
        Instant createdAt,
        String language,
        String registeredBy,
        List<Long> workshopIds,
        boolean networkingOptIn) {

    public Registration {
        workshopIds = workshopIds == null ? List.of() : List.copyOf(workshopIds);
    }

    /** Whether the registration has that workshop. */
    public boolean hasWorkshop(long workshopId) {
        return workshopIds.contains(workshopId);
    }
}
