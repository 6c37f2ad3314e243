package org.rencontres.directory;

/** A line of the people list: the person with the name of their organisation. */
record PersonEntry(long id, String givenName, String familyName, String jobTitle, Long organisationId,
                          String organisationName, String email, String phone) {

    public String fullName() {
        return givenName + " " + familyName;
    }
}
