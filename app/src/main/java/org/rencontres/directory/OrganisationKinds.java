package org.rencontres.directory;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Reads a kind of organisation as people write it in a file: "Commune", "EPCI", "département", "REGION"… */
final class OrganisationKinds {

    private static final Map<String, OrganisationKind> NAMES = new HashMap<>();

    static {
        for (OrganisationKind kind : OrganisationKind.values()) {
            NAMES.put(Texts.fold(kind.name()), kind);
        }
        alias(OrganisationKind.COMMUNE, "commune", "mairie", "ville");
        alias(OrganisationKind.INTERCOMMUNALITE, "intercommunalité", "epci", "communauté de communes",
                "communauté d'agglomération", "communauté urbaine", "métropole", "syndicat intercommunal");
        alias(OrganisationKind.DEPARTEMENT, "département", "conseil départemental");
        alias(OrganisationKind.REGION, "région", "conseil régional");
        alias(OrganisationKind.PUBLIC_BODY, "autre organisme public", "organisme public", "établissement public",
                "public");
        alias(OrganisationKind.ASSOCIATION, "association");
        alias(OrganisationKind.OTHER, "autre", "other");
    }

    private OrganisationKinds() {
    }

    private static void alias(OrganisationKind kind, String... names) {
        for (String name : names) {
            NAMES.put(Texts.fold(name), kind);
        }
    }

    static Optional<OrganisationKind> parse(String text) {
        return Optional.ofNullable(NAMES.get(Texts.fold(text)));
    }
}
