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

    /** Words that, at the start of a name, say its kind ("Ville de Nancy", "Communauté d'agglomération de…"). */
    private static final Map<String, OrganisationKind> LEADING = new java.util.LinkedHashMap<>();
    /** Words that say it anywhere in the name ("CNFPT – INSET de Nancy"). */
    private static final Map<String, OrganisationKind> ANYWHERE = new java.util.LinkedHashMap<>();

    static {
        for (String s : new String[] {"ville", "mairie", "commune"}) {
            LEADING.put(s, OrganisationKind.COMMUNE);
        }
        for (String s : new String[] {"communaute de communes", "communaute d agglomeration", "communaute urbaine",
                "communaute de l agglomeration", "metropole", "eurometropole", "syndicat intercommunal",
                "syndicat mixte", "epci", "etablissement public territorial", "pole metropolitain"}) {
            LEADING.put(s, OrganisationKind.INTERCOMMUNALITE);
        }
        for (String s : new String[] {"conseil departemental", "departement", "collectivite europeenne d alsace"}) {
            LEADING.put(s, OrganisationKind.DEPARTEMENT);
        }
        for (String s : new String[] {"conseil regional", "region", "collectivite territoriale de", "collectivite de corse"}) {
            LEADING.put(s, OrganisationKind.REGION);
        }
        LEADING.put("association", OrganisationKind.ASSOCIATION);
        LEADING.put("federation", OrganisationKind.ASSOCIATION);
        ANYWHERE.put("association", OrganisationKind.ASSOCIATION);
        for (String s : new String[] {"cnfpt", "inset", "inet", "centre de gestion", "cdg", "ministere", "prefecture",
                "universite", "etablissement public", "caisse des depots", "agence francaise de developpement",
                "centre hospitalier", "chambre de commerce", "chambre des metiers", "chambre d agriculture"}) {
            ANYWHERE.put(s, OrganisationKind.PUBLIC_BODY);
        }
    }

    /**
     * The kind an organisation recorded by its name alone most likely is (a session's partner typed in
     * the session's page): its kind written out ("Association", "Région"), else what its name starts with
     * ("Ville de…", "Communauté d'agglomération…", "Conseil départemental…"), else a public body it names
     * (CNFPT, ministry, university…); "Autre" when the name says nothing, never a guess of "public".
     */
    static OrganisationKind guess(String name) {
        String folded = Texts.fold(name);
        Optional<OrganisationKind> written = parse(folded);
        if (written.isPresent()) {
            return written.get();
        }
        for (Map.Entry<String, OrganisationKind> e : LEADING.entrySet()) {
            if (folded.equals(e.getKey()) || folded.startsWith(e.getKey() + " ")) {
                return e.getValue();
            }
        }
        String padded = " " + folded + " ";
        for (Map.Entry<String, OrganisationKind> e : ANYWHERE.entrySet()) {
            if (padded.contains(" " + e.getKey() + " ")) {
                return e.getValue();
            }
        }
        return OrganisationKind.OTHER;
    }
}
