package org.rencontres.registration;

import java.time.Instant;
import java.util.regex.Pattern;

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

    // The WHATWG definition that input type="email" uses.
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");
    // Digits with the usual separators, an optional leading +: "01 60 79 74 00", "+33 1 60 79 74 00".
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 .()-]{5,24}");

    /** @throws IllegalArgumentException naming the first missing or malformed field */
    public RequestDraft {
        surname = required(surname, "surname");
        givenName = required(givenName, "givenName");
        email = required(email, "email");
        if (!isEmail(email)) {
            throw new IllegalArgumentException("email: not an e-mail address");
        }
        phone = required(phone, "phone");
        if (!isPhone(phone)) {
            throw new IllegalArgumentException("phone: not a telephone number");
        }
        positionService = required(positionService, "positionService");
        employerName = optional(employerName);
        if (employerOrganisationId == null && employerName == null) {
            throw new IllegalArgumentException("employer: choose an organisation or type its name");
        }
        lineManagerEmail = optional(lineManagerEmail);
        if (lineManagerEmail != null && !isEmail(lineManagerEmail)) {
            throw new IllegalArgumentException("lineManagerEmail: not an e-mail address");
        }
        dietaryNeeds = optional(dietaryNeeds);
        accessibilityNeeds = optional(accessibilityNeeds);
        if (consentAt == null) {
            throw new IllegalArgumentException("consentAt: the privacy notice was not accepted");
        }
    }

    /** Whether {@code email} (stripped) is an e-mail address as the request takes it. */
    public static boolean isEmail(String email) {
        return email != null && email.strip().length() <= 254 && EMAIL.matcher(email.strip()).matches();
    }

    /** Whether {@code phone} (stripped) is a telephone number as the request takes it. */
    public static boolean isPhone(String phone) {
        return phone != null && PHONE.matcher(phone.strip()).matches();
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
