package org.rencontres.registration;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.rencontres.registration.allocation.WorkshopRanking;
import org.rencontres.registration.needs.DeclaredNeeds;
import org.rencontres.registration.needs.NeedKind;
import org.rencontres.shared.FieldProblem;

/**
 * The public request form as typed, field names as in the page. {@code siteWeb} is the honeypot:
 * hidden from people, only robots fill it. The workshop choices are read apart, by
 * {@link WorkshopRanking} (their fields depend on the day's workshop slots).
 */
record RequestForm(String nom, String prenom, String courriel, String telephone, String fonction, String employeur,
                   String responsable, String repas, String accessibilite, String consentement, String siteWeb,
                   String reseautage, String besoinMobilite, String besoinAudition, String besoinVue,
                   String besoinAutre, String consentementBesoins) {

    static RequestForm empty() {
        return new RequestForm("", "", "", "", "", "", "", "", "", null, "", null, null, null, null, null, null);
    }

    /**
     * The problems of the typed fields, in the order of the page.
     *
     * @param managerAsked whether the day asks for the line manager's opinion (then their address is required)
     */
    List<FieldProblem> problems(boolean managerAsked) {
        String keys = "registration.error.";
        List<FieldProblem> problems = new ArrayList<>();
        AgentFieldRules.identity(problems, keys, nom, prenom, courriel, telephone, fonction);
        AgentFieldRules.required(problems, keys, "employeur", employeur);
        AgentFieldRules.lineManager(problems, keys, responsable);
        if (!consented()) {
            problems.add(FieldProblem.of("consentement", "registration.error.consentement.required"));
        }
        AgentFieldRules.lengths(problems, keys, nom, prenom, fonction, employeur, repas, accessibilite);
        if (!needs().isEmpty() && !needsConsented()) {
            // Health data (GDPR art. 9): given only with the agent's explicit consent to pass it on.
            problems.add(FieldProblem.of("consentementBesoins", "registration.needs.error.consent"));
        }
        if (managerAsked) {
            AgentFieldRules.required(problems, keys, "responsable", responsable);
        }
        return problems;
    }

    /** The accessibility needs declared in the form's fieldset (none: nothing is stored). */
    public DeclaredNeeds needs() {
        Set<NeedKind> kinds = EnumSet.noneOf(NeedKind.class);
        if (checked(besoinMobilite)) {
            kinds.add(NeedKind.MOBILITY);
        }
        if (checked(besoinAudition)) {
            kinds.add(NeedKind.HEARING);
        }
        if (checked(besoinVue)) {
            kinds.add(NeedKind.SIGHT);
        }
        if (checked(besoinAutre)) {
            kinds.add(NeedKind.OTHER);
        }
        return new DeclaredNeeds(kinds, accessibilite);
    }

    public boolean needsConsented() {
        return checked(consentementBesoins);
    }

    private static boolean checked(String box) {
        return box != null && !box.isBlank();
    }

    public boolean consented() {
        return consentement != null && !consentement.isBlank();
    }

    /** The agent wants to take part in the networking rotation. */
    public boolean networking() {
        return reseautage != null && !reseautage.isBlank();
    }

    public boolean filledByRobot() {
        return siteWeb != null && !siteWeb.isBlank();
    }
}
