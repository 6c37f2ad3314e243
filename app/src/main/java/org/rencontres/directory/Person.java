package org.rencontres.directory;

/** A person of the directory: speaker, moderator, host or contact. */
public record Person(long id, String givenName, String familyName, String jobTitle, Long organisationId,
                     String email, String phone) {

    public String fullName() {
        return givenName + " " + familyName;
    }
}
