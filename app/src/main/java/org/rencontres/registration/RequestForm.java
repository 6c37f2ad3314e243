package org.rencontres.registration;

/**
 * The public request form as typed, field names as in the page. {@code siteWeb} is the honeypot:
 * hidden from people, only robots fill it.
 */
record RequestForm(String nom, String prenom, String courriel, String telephone, String fonction, String employeur,
                   String responsable, String repas, String accessibilite, String consentement, String siteWeb) {

    static RequestForm empty() {
        return new RequestForm("", "", "", "", "", "", "", "", "", null, "");
    }

    public boolean consented() {
        return consentement != null && !consentement.isBlank();
    }

    public boolean filledByRobot() {
        return siteWeb != null && !siteWeb.isBlank();
    }
}
