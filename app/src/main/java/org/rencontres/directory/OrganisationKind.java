package org.rencontres.directory;

/** The kinds of body an organisation can be. */
public enum OrganisationKind {
    COMMUNE, INTERCOMMUNALITE, DEPARTEMENT, REGION, PUBLIC_BODY, ASSOCIATION, OTHER;

    /**
     * The kind an organisation known only by its name most likely is: "Ville de Nancy" a commune,
     * "Communauté d'agglomération Grand Paris Sud" an intercommunality, "Agence du monde commun" other.
     */
    public static OrganisationKind guessedFrom(String name) {
        return OrganisationKinds.guess(name);
    }
}
