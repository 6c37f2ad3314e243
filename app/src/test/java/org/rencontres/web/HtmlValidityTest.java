package org.rencontres.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rencontres.HtmlChecker;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.WebSession;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every public page is valid HTML according to the Nu HTML Checker. */
@RencontresIntegrationTest
class HtmlValidityTest {

    private static final List<String> PAGES = List.of("/", "/?du=pas-une-date&au=2020-13-45", "/journees/Z20IN001",
            "/journees/INCONNU", "/accessibilite", "/accessibilite/audit", "/plan-du-site", "/?lang=en", "/connexion",
            "/connexion?erreur");

    @LocalServerPort int port;

    @Test
    void public_pages_have_no_html_error_nor_warning() throws Exception {
        WebSession visitor = new WebSession(port);
        Map<String, String> pages = new LinkedHashMap<>();
        for (String page : PAGES) {
            pages.put(page, visitor.get(page).body());
        }
        HtmlChecker.assertValid("public", pages);
    }
}
