package org.rencontres.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rencontres.shared.FieldProblem;

/**
 * A request's addresses and number follow the shared rules (ContactValueTypesTest): the public form,
 * the paper path and a service's bulk registration all build a draft.
 */
class RequestDraftRulesTest {

    private static RequestDraft draft(String email, String phone, String manager) {
        return new RequestDraft("Petit", "Jérôme", email, phone, "Agent d'accueil", null, "Mairie d'Évry", manager,
                null, null, Instant.parse("2026-12-01T10:00:00Z"));
    }

    @Test
    void a_request_takes_an_address_and_a_number_by_the_shared_rules() {
        RequestDraft draft = draft(" jerome.petit@mairie.fr ", "+33 (0)1 60 79 74 00", "chef@mairie.fr");
        assertThat(draft.email()).isEqualTo("jerome.petit@mairie.fr");
        assertThat(draft.phone()).isEqualTo("+33 (0)1 60 79 74 00");
    }

    @Test
    void a_request_refuses_what_the_shared_rules_refuse() {
        assertThatIllegalArgumentException().isThrownBy(() -> draft("jérôme@mairie.fr", "01 60 79 74 00", null))
                .withMessageStartingWith("email:");
        assertThatIllegalArgumentException().isThrownBy(() -> draft("jerome@mairie.fr", "------", null))
                .withMessageStartingWith("phone:");
        assertThatIllegalArgumentException().isThrownBy(() -> draft("jerome@mairie.fr", "01 60 79 74 00", "chef@mairie"))
                .withMessageStartingWith("lineManagerEmail:");
    }

    @Test
    void the_paper_form_says_which_field_breaks_the_rules() {
        PaperRequestForm form = new PaperRequestForm("Petit", "Jérôme", "jérôme@mairie.fr", "------", "Agent", "",
                "Mairie d'Évry", "chef@mairie", "", "", "2026-12-01");
        assertThat(PaperRequestChecker.check(form, List.of(), LocalDate.of(2026, 12, 1)).problems())
                .contains(FieldProblem.of("courriel", "registration.admin.error.courriel.invalid"),
                        FieldProblem.of("telephone", "registration.admin.error.telephone.invalid"),
                        FieldProblem.of("responsable", "registration.admin.error.responsable.invalid"));
    }
}
