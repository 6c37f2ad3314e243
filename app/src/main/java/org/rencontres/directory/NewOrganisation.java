package org.rencontres.directory;

/** What it takes to record an organisation. */
public record NewOrganisation(String name, String shortName, OrganisationKind kind, String siren,
                              String street, String postcode, String city, String website) {

    public static NewOrganisation named(String name, OrganisationKind kind) {
        return new NewOrganisation(name, null, kind, null, null, null, null, null);
    }
}
