package org.rencontres.event;

import java.util.List;

import org.rencontres.directory.Organisation;

/**
 * The day form as typed, field names as in the French form; kept as text so that a form with
 * errors comes back exactly as the organiser left it.
 */
record DayForm(String code, String titre, String soustitre, String theme, String date, String debut, String fin,
                      String contexte, String publicVise, String inscription, String lienInscription,
                      Boolean previsionnel, String organisateur, String unite, String lieuNom, String lieuBatiment,
                      String lieuRue, String lieuCodePostal, String lieuVille, String lieuAdressePostale,
                      String lieuLatitude, String lieuLongitude, String lieuAcces, Integer version,
                      String motsCles, String repas) {

    static DayForm empty(String organisingUnit) {
        return new DayForm("", "", "", "", "", "09:00", "17:00", "", "", "", "", true, "", organisingUnit,
                "", "", "", "", "", "", "", "", "", null, "", "oui");
    }

    static DayForm of(Day d, Organisation organiser, List<String> tags) {
        Venue v = d.venue();
        SessionDay first = d.days().first();
        return new DayForm(d.sessionCode().value(), d.title(), n(d.subtitle()), n(d.theme()), first.date().toString(),
                first.startsAt().toString(), first.endsAt().toString(), d.context().source(), n(d.audience()),
                n(d.registrationInstructions()), n(d.registrationUrl()), d.programmeProvisional(),
                organiser == null ? "" : organiser.name(), n(d.organisingUnit()),
                v == null ? "" : v.name(), v == null ? "" : n(v.building()), v == null ? "" : v.street(),
                v == null ? "" : v.postcode(), v == null ? "" : v.city(), v == null ? "" : n(v.postalAddress()),
                v == null || v.latitude() == null ? "" : v.latitude().toPlainString(),
                v == null || v.longitude() == null ? "" : v.longitude().toPlainString(),
                v == null ? "" : n(v.accessNotes()), d.version(), String.join(", ", tags),
                d.mealOffered() ? "oui" : "non");
    }

    /** Whether a meal is offered: « oui » unless the organiser answered « non » (a form without the field keeps it). */
    public boolean mealOffered() {
        return !"non".equals(repas);
    }

    boolean hasVenue() {
        return List.of(n(lieuNom), n(lieuRue), n(lieuCodePostal), n(lieuVille)).stream().anyMatch(s -> !s.isBlank());
    }

    private static String n(String s) {
        return s == null ? "" : s;
    }
}
