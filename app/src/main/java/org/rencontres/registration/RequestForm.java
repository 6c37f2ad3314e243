package org.rencontres.registration;

/**
 * The public request form as typed, field names as in the page. {@code siteWeb} is the honeypot:
 * hidden from people, only robots fill it. The workshop choices are read apart, by
 * {@link WorkshopRanking} (their fields depend on the day's workshop slots).
 */
record RequestForm(String nom, String prenom, String courriel, String telephone, String fonction, String employeur,
                   String responsable, String repas, String accessibilite, String consentement, String siteWeb,
                   String reseautage) {

    static RequestForm empty() {
        return new RequestForm("", "", "", "", "", "", "", "", "", null, "", null);
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
