package org.rencontres.attendance;

/** Someone who came without a registration, as typed at the desk (organisation and e-mail optional). */
public record WalkIn(String surname, String givenName, String organisation, String email) {
}
