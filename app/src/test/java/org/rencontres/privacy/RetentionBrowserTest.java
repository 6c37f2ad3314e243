package org.rencontres.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.rencontres.BrowserSupport;
import org.rencontres.BrowserTest;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.TestSessions;
import org.rencontres.security.Accounts;
import org.rencontres.security.NewAccount;
import org.rencontres.security.Role;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The retention page in a real headless Chromium, filled from the keyboard: free of axe-core violations at
 * WCAG A/AA as it opens and with an error shown, the error tied to its field; the public notice too.
 */
@RencontresIntegrationTest
class RetentionBrowserTest extends BrowserTest {

    @Autowired Accounts accounts;

    @Test
    void an_administrator_sets_a_period_from_the_keyboard_and_the_pages_are_accessible() {
        long n = System.nanoTime() % 100_000_000;
        String email = "navigateur.conservation." + n + "@cnfpt.fr";
        accounts.create(new NewAccount(email, "Bianca Navigatrice", Role.ADMINISTRATOR, null, TestSessions.PASSWORD));
        browser.get(url("/connexion"));
        type("courriel", email);
        type("motdepasse", TestSessions.PASSWORD);
        browser.findElement(By.id("motdepasse")).sendKeys(Keys.ENTER);
        patiently().until(ExpectedConditions.urlContains("/admin"));

        browser.get(url(RetentionPagesTest.PAGE));
        waitFor(By.id("prochaine-purge"));
        BrowserSupport.assertAccessible(browser);

        type("mois-writing-documents", "deux ans");
        type("organisme", "CNFPT " + n);
        type("adresse", "80 rue de Reuilly, 75012 Paris");
        type("courriel-dpd", "dpd@cnfpt.fr");
        browser.findElement(By.id("courriel-dpd")).sendKeys(Keys.ENTER);
        waitFor(By.id("mois-writing-documents-erreur"));
        assertThat(browser.findElement(By.id("mois-writing-documents-erreur")).getText())
                .isEqualTo("Indiquez une durée en mois, un nombre entier de 1 à 240.");
        assertThat(browser.findElement(By.id("mois-writing-documents")).getAttribute("aria-invalid")).isEqualTo("true");
        BrowserSupport.assertAccessible(browser);

        type("mois-writing-documents", "30");
        browser.findElement(By.id("courriel-dpd")).sendKeys(Keys.ENTER);
        waitForText(By.cssSelector("p.notice"), "Les réglages de conservation sont enregistrés.");
        assertThat(browser.findElement(By.id("mois-writing-documents")).getAttribute("value")).isEqualTo("30");

        browser.get(url("/donnees-personnelles"));
        waitFor(By.id("droits"));
        assertThat(browser.findElement(By.cssSelector("#traitement-writing .retention")).getText())
                .isEqualTo("Écritures collectives : 30 mois");
        BrowserSupport.assertAccessible(browser);
    }
}
