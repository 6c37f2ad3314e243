package org.rencontres.directory;

/** The kinds of body an organisation can be. */
public enum OrganisationKind {
    COMMUNE, INTERCOMMUNALITE, DEPARTEMENT, REGION, PUBLIC_BODY, ASSOCIATION, OTHER
}
