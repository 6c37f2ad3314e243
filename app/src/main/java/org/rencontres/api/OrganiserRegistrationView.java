package org.rencontres.api;

import java.time.Instant;
import java.util.List;

import org.rencontres.registration.Registration;
import org.rencontres.registration.Transition;

/**
 * A registration as the organiser API shows it (French field names, as the API's documents are French).
 *
 * @param historique the moves of the approval chain, oldest first; only in the detail, else null
 */
record OrganiserRegistrationView(long id, String etat, String nom, String prenom, String courriel, String telephone,
                                 String service, String employeur, Long employeurId, Instant demandeLe,
                                 Integer rangListeAttente, Instant offreJusquA, List<Step> historique) {

    /** One move: from (null for the request), to, when, who, why. */
    record Step(String de, String vers, Instant le, String par, String motif) {
    }

    static OrganiserRegistrationView of(Registration r, List<Transition> history) {
        return new OrganiserRegistrationView(r.id(), r.state().name(), r.surname(), r.givenName(), r.email(), r.phone(),
                r.positionService(), r.employerName(), r.employerOrganisationId(), r.createdAt(), r.waitingPosition(),
                r.offerDeadline(), history == null ? null : history.stream()
                        .map(t -> new Step(t.from() == null ? null : t.from().name(), t.to().name(), t.at(), t.actor(),
                                t.reason()))
                        .toList());
    }
}
