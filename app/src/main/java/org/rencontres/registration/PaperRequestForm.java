package org.rencontres.registration;

import java.time.LocalDate;

/**
 * The paper path's form as typed by the organiser, field names as in the page: the agent's fields
 * of the public form, the employer chosen from the directory ({@code organisation}, an id) or typed
 * ({@code employeur}), and the day the signed form was received ({@code recuLe}). The scan comes
 * apart, as a file.
 */
record PaperRequestForm(String nom, String prenom, String courriel, String telephone, String fonction,
                        String organisation, String employeur, String responsable, String repas,
                        String accessibilite, String recuLe) {

    /** An empty form, received on that day. */
    static PaperRequestForm receivedOn(LocalDate day) {
        return new PaperRequestForm("", "", "", "", "", "", "", "", "", "", day.toString());
    }
}
