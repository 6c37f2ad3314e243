package org.rencontres.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.rencontres.BrowserSupport;
import org.rencontres.BrowserTest;
import org.rencontres.TestSessions;
import org.rencontres.event.Days;
import org.rencontres.event.SessionCode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The approval trail's pages in Chromium, checked with axe: the agent's space that links the trail, the
 * verification page of a genuine code (the steps in a table) and of an unknown one.
 */
class ApprovalTrailBrowserTest extends BrowserTest {

    @Autowired Days days;
    @Autowired Registrations registrations;
    @Autowired ApprovalTrails trails;
    @Autowired Links links;
    @Autowired TransactionTemplate transaction;

    @Test
    void the_space_links_the_trail_and_the_verification_page_shows_its_steps() throws Exception {
        long n = System.nanoTime() % 100_000_000;
        long dayId = TestSessions.session(days, registrations, new SessionCode("ZTRB " + n), "Journée du parcours vérifié",
                "INSET du parcours " + n, TestSessions.halfDay());
        long id = TestSessions.confirmed(registrations, dayId, "Iris", "Vérifiable");
        Registration r = registrations.find(id).orElseThrow();
        String token = transaction.execute(s -> links.issue(Links.Purpose.AGENT_SPACE, id, r.email(),
                Instant.now().plus(7, ChronoUnit.DAYS)));

        browser.get(url("/inscription/espace/" + token));
        assertThat(browser.findElement(By.cssSelector("a[href$='/parcours.pdf']")).getText())
                .isEqualTo("Parcours d'approbation (PDF vérifiable)");
        BrowserSupport.assertAccessible(browser);

        String code = trails.current(r).code();
        browser.get(url("/inscription/parcours/verifier/" + code));
        assertThat(browser.findElement(By.cssSelector(".verify-genuine")).getText()).startsWith("Ce parcours d'approbation est authentique");
        assertThat(browser.findElements(By.cssSelector("tbody tr"))).hasSize(4);
        assertThat(browser.findElement(By.cssSelector("tbody")).getText()).contains("Inscription confirmée", "Organisateur");
        BrowserSupport.assertAccessible(browser);

        browser.get(url("/inscription/parcours/verifier/" + "A".repeat(24)));
        assertThat(browser.findElement(By.cssSelector(".verify-unknown")).getText())
                .isEqualTo("Aucun parcours d'approbation ne correspond au code " + "A".repeat(24) + ".");
        BrowserSupport.assertAccessible(browser);
    }
}
