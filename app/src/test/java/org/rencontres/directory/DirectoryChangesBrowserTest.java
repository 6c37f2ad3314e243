package org.rencontres.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rencontres.BrowserSupport;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.security.Accounts;
import org.rencontres.security.NewAccount;
import org.rencontres.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In Chromium: an organiser asks for a new training-service address, which waits; an administrator finds the
 * request from the directory's navigation, approves it on the confirmation page, and the address is there,
 * with its line in the organisation's history. Every page is checked by axe.
 */
@RencontresIntegrationTest
class DirectoryChangesBrowserTest {

    @LocalServerPort int port;
    @Autowired Accounts accounts;
    @Autowired OrganisationCatalogue organisations;
    @Autowired TrainingContacts contacts;

    private void signIn(WebDriver browser, String email) {
        browser.get("http://localhost:" + port + "/connexion");
        browser.findElement(By.id("courriel")).sendKeys(email);
        browser.findElement(By.id("motdepasse")).sendKeys(DirectoryAdminTest.PASSWORD);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("/admin"));
    }

    private static void pageShows(WebDriver browser, String heading) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.textToBe(By.tagName("h1"), heading));
    }

    @Test
    void an_organisers_request_waits_until_an_administrator_approves_it() throws Exception {
        for (String[] account : new String[][] {{"navigateur.y@unite-y.fr", "ORGANISER"}, {"navigateur.admin@cnfpt.fr", "ADMINISTRATOR"}}) {
            if (!accounts.emailTaken(account[0])) {
                accounts.create(new NewAccount(account[0], account[1].equals("ORGANISER") ? "Yvonne Navigatrice" : "Adèle Navigatrice",
                        Role.valueOf(account[1]), account[1].equals("ORGANISER") ? "INSET Y" : null, DirectoryAdminTest.PASSWORD));
            }
        }
        long n = System.nanoTime() % 100_000_000;
        String name = "Commune du Navigateur " + n;
        Organisation o = organisations.create(new OrganisationForm(name, "", "COMMUNE", "", "", "", "", "")).value();

        WebDriver browser = BrowserSupport.start();
        try {
            browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
            signIn(browser, "navigateur.y@unite-y.fr");
            browser.get("http://localhost:" + port + "/admin/annuaire/organisations/" + o.id());
            pageShows(browser, name);
            browser.findElement(By.id("courriel")).sendKeys("y" + n + "@unite-y.fr");
            browser.findElement(By.cssSelector("form[action$='/contacts'] button[type=submit]")).click();
            new WebDriverWait(browser, Duration.ofSeconds(15)).until(
                    ExpectedConditions.presenceOfElementLocated(By.cssSelector(".pending-changes")));
            assertThat(browser.findElement(By.cssSelector("[role=status]")).getText())
                    .startsWith("L’ajout de l’adresse y" + n + "@unite-y.fr est demandé");
            assertThat(contacts.of(o.id())).isEmpty();
            BrowserSupport.assertAccessible(browser);
            browser.findElement(By.cssSelector("form[action='/deconnexion'] button")).click();

            signIn(browser, "navigateur.admin@cnfpt.fr");
            browser.findElement(By.linkText("Annuaire")).click();
            browser.findElement(By.linkText("Demandes de modification")).click();
            pageShows(browser, "Demandes de modification de l’annuaire");
            BrowserSupport.assertAccessible(browser);
            browser.findElement(By.xpath("//tr[td/a[normalize-space()='" + name + "']]//a[starts-with(normalize-space(), 'Approuver')]")).click();
            pageShows(browser, "Approuver la demande");
            BrowserSupport.assertAccessible(browser);
            browser.findElement(By.cssSelector("main form button[type=submit]")).click();
            pageShows(browser, "Demandes de modification de l’annuaire");
            assertThat(browser.findElement(By.cssSelector("[role=status]")).getText())
                    .isEqualTo("La demande d’Yvonne Navigatrice est approuvée et appliquée.");
            assertThat(contacts.of(o.id())).extracting(TrainingContact::email).containsExactly("y" + n + "@unite-y.fr");

            browser.get("http://localhost:" + port + "/admin/annuaire/organisations/" + o.id());
            pageShows(browser, name);
            assertThat(browser.findElement(By.cssSelector(".directory-history tbody tr td:nth-child(3)")).getText())
                    .startsWith("Demande approuvée");
            BrowserSupport.assertAccessible(browser);
        } finally {
            browser.quit();
        }
    }
}
