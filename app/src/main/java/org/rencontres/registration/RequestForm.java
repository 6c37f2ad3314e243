package org.rencontres.registration;

import java.util.ArrayList;
import java.util.List;

/**
 * The public request form as typed, field names as in the page. {@code siteWeb} is the honeypot:
 * hidden from people, only robots fill it. {@code atelier1}…{@code atelier3} are the workshop
 * choices, first preferred (workshop ids as text, empty when not chosen).
 */
record RequestForm(String nom, String prenom, String courriel, String telephone, String fonction, String employeur,
                   String responsable, String repas, String accessibilite, String consentement, String siteWeb,
                   String atelier1, String atelier2, String atelier3, String reseautage) {

    static RequestForm empty() {
        return new RequestForm("", "", "", "", "", "", "", "", "", null, "", "", "", "", null);
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

    /** The workshop choices in order, as typed (blank ones left out). */
    List<String> choices() {
        List<String> choices = new ArrayList<>();
        for (String c : new String[] {atelier1, atelier2, atelier3}) {
            if (c != null && !c.isBlank()) {
                choices.add(c.strip());
            }
        }
        return choices;
    }

    /** The choice of rank {@code rank} (1-based) as typed, or "". */
    public String choice(int rank) {
        String c = switch (rank) {
            case 1 -> atelier1;
            case 2 -> atelier2;
            default -> atelier3;
        };
        return c == null ? "" : c;
    }
}
