package org.rencontres.registration;

import java.time.Instant;

import org.rencontres.shared.EmailAddress;
import org.rencontres.shared.Phone;

/**
 * What an agent gives to ask for a seat. The employer is either an organisation of the directory
 * ({@code employerOrganisationId}) or, when it is missing there, a typed name that the organiser
 * will check ({@link #employerTyped()}).
 *
 * @param positionService the agent's position and service
 * @param consentAt when the agent accepted the privacy notice; a request without consent is refused
 * @param networkingOptIn whether the agent wants to take part in the day's networking rotation
 */
public record RequestDraft(
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
        boolean networkingOptIn) {

    /** A request that does not ask to take part in the networking rotation. */
    public RequestDraft(String surname, String givenName, String email, String phone, String positionService,
                        Long employerOrganisationId, String employerName, String lineManagerEmail, String dietaryNeeds,
                        String accessibilityNeeds, Instant consentAt) {
        this(surname, givenName, email, phone, positionService, employerOrganisationId, employerName, lineManagerEmail,
                dietaryNeeds, accessibilityNeeds, consentAt, false);
    }

    /** @throws IllegalArgumentException naming the first missing or malformed field */
    public RequestDraft {
        surname = required(surname, "surname");
        givenName = required(givenName, "givenName");
        email = required(email, "email");
        if (!EmailAddress.isValid(email)) {
            throw new IllegalArgumentException("email: not an e-mail address");
        }
        phone = required(phone, "phone");
        if (!Phone.isValid(phone)) {
            throw new IllegalArgumentException("phone: not a telephone number");
        }
        positionService = required(positionService, "positionService");
        employerName = optional(employerName);
        if (employerOrganisationId == null && employerName == null) {
            throw new IllegalArgumentException("employer: choose an organisation or type its name");
        }
        lineManagerEmail = optional(lineManagerEmail);
        if (lineManagerEmail != null && !EmailAddress.isValid(lineManagerEmail)) {
            throw new IllegalArgumentException("lineManagerEmail: not an e-mail address");
        }
        dietaryNeeds = optional(dietaryNeeds);
        accessibilityNeeds = optional(accessibilityNeeds);
        if (consentAt == null) {
            throw new IllegalArgumentException("consentAt: the privacy notice was not accepted");
        }
    }

    /** The employer was typed, not chosen from the directory: the organiser has to check it. */
    public boolean employerTyped() {
        return employerOrganisationId == null;
    }

    private static String required(String value, String field) {
        String v = optional(value);
        if (v == null) {
            throw new IllegalArgumentException(field + ": required");
        }
        return v;
    }

    private static String optional(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
