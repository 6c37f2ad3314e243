package org.rencontres.registration;

/** The agent (same e-mail, whatever its case) already has a live request for the day. */
class DuplicateRegistrationException extends RegistrationException {

    private final long dayId;
    private final String email;

    public DuplicateRegistrationException(long dayId, String email) {
        super("A live request already exists for " + email + " on day " + dayId);
        this.dayId = dayId;
        this.email = email;
    }

    public long dayId() {
        return dayId;
    }

    public String email() {
        return email;
    }
}
