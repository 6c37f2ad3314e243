package org.rencontres.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.WebSession;
import org.springframework.boot.test.web.server.LocalServerPort;

/** With no issuer configured (the shared test context), single sign-on is off and passwords are the way in. */
@RencontresIntegrationTest
class SingleSignOnOffTest {

    @LocalServerPort int port;

    @Test
    void without_an_issuer_the_sign_in_page_has_the_password_form_and_no_single_sign_on() throws Exception {
        WebSession visitor = new WebSession(port);

        Document signIn = visitor.page("/connexion");

        assertThat(signIn.select("input[type=password]")).hasSize(1);
        assertThat(signIn.select("a[href*=oauth2]")).isEmpty();
        assertThat(visitor.get("/oauth2/authorization/sso").headers().firstValue("Location").orElse(""))
                .as("no redirect to any issuer").doesNotContain("authorize");
    }
}
