package org.rencontres.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.shared.FieldProblem;
import org.springframework.beans.factory.annotation.Autowired;

/** An account's address follows the shared e-mail rule (ContactValueTypesTest), as every other form. */
@RencontresIntegrationTest
class AccountFormRulesTest {

    private static final String PASSWORD = "correct horse battery staple";

    @Autowired AccountForms forms;

    @Test
    void an_accounts_address_follows_the_shared_rule() {
        assertThat(forms.validate(new AccountForm("Jérôme Petit", "jerome.petit.regles@mairie.fr", PASSWORD, PASSWORD)))
                .isEmpty();
        // The former rule of this form took both.
        assertThat(forms.validate(new AccountForm("Jérôme Petit", "jérôme@mairie.fr", PASSWORD, PASSWORD)))
                .containsExactly(FieldProblem.of("courriel", "account.error.email"));
        assertThat(forms.validate(new AccountForm("Jérôme Petit", "jerome@-mairie.fr", PASSWORD, PASSWORD)))
                .containsExactly(FieldProblem.of("courriel", "account.error.email"));
    }
}
