package org.rencontres.registration;

import java.util.List;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one way registration forgets a person, for the retention purge and for an erasure request alike.
 * {@link #clearDetails} removes what a request says beyond who asked; {@link #anonymise} also removes who
 * asked. Rows stay (the dashboard counts them by state, employer and step of the chain); what identifies
 * the agent goes.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class RegistrationAnonymiser {

    /** The name an anonymised registration bears, and its address: {@code anonyme-<id>@invalid}. */
    static final String NAME = "Anonyme";

    private final JdbcClient jdbc;

    /**
     * Clears phone, position, line manager, dietary and accessibility needs, the structured needs' texts (the
     * kinds and the arrangement's state stay, counted by the dashboard, never named), the answers to the
     * organiser's questions and the scanned paper forms.
     */
    void clearDetails(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("DELETE FROM registration_answer WHERE registration_id IN (:ids)").param("ids", ids).update();
        jdbc.sql("DELETE FROM registration_paper_form WHERE registration_id IN (:ids)").param("ids", ids).update();
        // A need given only in words (no kind ticked) keeps a dash, so that the row and its counts stay.
        jdbc.sql("""
                UPDATE registration_needs SET details = CASE WHEN mobility OR hearing OR sight OR other THEN NULL ELSE '—' END,
                       arrangement = NULL, reason = CASE WHEN state = 'IMPOSSIBLE' THEN '—' END, updated_by = NULL
                WHERE registration_id IN (:ids)""").param("ids", ids).update();
        jdbc.sql("""
                UPDATE registration SET phone = '', position_service = '', line_manager_email = NULL,
                       dietary_needs = NULL, accessibility_needs = NULL
                WHERE id IN (:ids)""").param("ids", ids).update();
    }

    /**
     * {@link #clearDetails}, then the names become {@value #NAME}, the address {@code anonyme-<id>@invalid}, the
     * agent's own steps in the trail say « agent », the space links go and the row is marked anonymised.
     *
     * @return how many registrations were anonymised
     */
    long anonymise(List<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        clearDetails(ids);
        jdbc.sql("""
                UPDATE registration_transition t SET actor = 'agent' FROM registration r
                WHERE r.id = t.registration_id AND r.id IN (:ids) AND position(lower(r.email) IN lower(t.actor)) > 0""")
                .param("ids", ids).update();
        jdbc.sql("DELETE FROM registration_link WHERE registration_id IN (:ids)").param("ids", ids).update();
        return jdbc.sql("""
                UPDATE registration SET surname = :name, given_name = :name, email = 'anonyme-' || id || '@invalid',
                       registered_by = NULL, anonymised_at = clock_timestamp()
                WHERE id IN (:ids)""").param("name", NAME).param("ids", ids).update();
    }
}
