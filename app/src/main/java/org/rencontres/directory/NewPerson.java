package org.rencontres.directory;

/** What it takes to record a person. */
public record NewPerson(String givenName, String familyName, String jobTitle, Long organisationId,
                        String email, String phone) {
}
