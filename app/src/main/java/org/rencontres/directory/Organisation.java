package org.rencontres.directory;

/** A collectivité or any other body that people belong to, organise days or take part in them. */
public record Organisation(long id, String name, String shortName, OrganisationKind kind, String siren,
                           String street, String postcode, String city, String website) {

    /** The form to print: the short name when there is one. */
    public String displayName() {
        return shortName != null && !shortName.isBlank() ? shortName : name;
    }
}
