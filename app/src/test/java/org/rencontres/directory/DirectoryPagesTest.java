package org.rencontres.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.rencontres.BrowserSupport;
import org.rencontres.HtmlChecker;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.WebSession;
import org.rencontres.security.Accounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The directory's pages are valid HTML, and the organisation form is accessible in a real browser. */
@RencontresIntegrationTest
class DirectoryPagesTest {

    @LocalServerPort int port;
    @Autowired Accounts accounts;
    @Autowired OrganisationCatalogue organisations;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void the_directory_pages_have_no_html_error_nor_warning() throws Exception {
        WebSession organiser = DirectoryAdminTest.signedIn(port, accounts, "pages.annuaire@cnfpt.fr");
        long agglo = organisations.named("Communauté d'agglomération Grand Paris Sud Seine-Essonnes-Sénart").orElseThrow().id();
        long person = jdbc.sql("SELECT id FROM person WHERE email = 'emmanuel.thouary@cnfpt.fr'").query(Long.class).single();
        Map<String, String> pages = new LinkedHashMap<>();
        for (String path : new String[] {"/admin/annuaire/organisations", "/admin/annuaire/organisations?q=zzz&type=REGION",
                "/admin/annuaire/organisations/nouvelle", "/admin/annuaire/organisations/" + agglo,
                "/admin/annuaire/organisations/" + agglo + "/modifier", "/admin/annuaire/organisations/" + agglo + "/supprimer",
                "/admin/annuaire/personnes", "/admin/annuaire/personnes/nouvelle", "/admin/annuaire/personnes/" + person,
                "/admin/annuaire/import", "/admin/annuaire/import?trop-volumineux"}) {
            pages.put(path, organiser.get(path).body());
        }
        pages.put("organisation form with errors", organiser.submit("/admin/annuaire/organisations/nouvelle",
                "/admin/annuaire/organisations", Map.of("nom", "", "sigle", "", "type", "", "siren", "1", "rue", "",
                        "codepostal", "1", "ville", "", "site", "x")).body());
        pages.put("person form with errors", organiser.submit("/admin/annuaire/personnes/nouvelle", "/admin/annuaire/personnes",
                Map.of("prenom", "", "nom", "", "fonction", "", "organisation", "x", "courriel", "x", "telephone", "x")).body());
        pages.put("contact form with errors", organiser.submit("/admin/annuaire/organisations/" + agglo,
                "/admin/annuaire/organisations/" + agglo + "/contacts", Map.of("libelle", "", "courriel", "x")).body());
        pages.put("upload refused", organiser.upload("/admin/annuaire/import", "fichier", "vide.csv", new byte[0]).body());
        organiser.upload("/admin/annuaire/import", "fichier", "apercu.csv",
                "nom;type;code postal\nVille de Pages;Commune;54000\nVille en erreur;Planète;540\n".getBytes(StandardCharsets.UTF_8));
        pages.put("import preview with errors", organiser.get("/admin/annuaire/import/apercu").body());
        organiser.upload("/admin/annuaire/import", "fichier", "apercu.csv",
                "nom;type;Remarque\nVille de Pages;Commune;x\n".getBytes(StandardCharsets.UTF_8));
        pages.put("import preview", organiser.get("/admin/annuaire/import/apercu").body());
        pages.put("english list", organiser.get("/admin/annuaire/organisations?lang=en").body());
        organiser.get("/admin/annuaire/organisations?lang=fr");
        HtmlChecker.assertValid("directory", pages);
    }

    @Test
    void the_organisation_form_is_accessible_and_shows_its_errors_without_javascript() throws Exception {
        if (!accounts.emailTaken("navigateur.annuaire@cnfpt.fr")) {
            accounts.create(new org.rencontres.security.NewAccount("navigateur.annuaire@cnfpt.fr", "Navigatrice",
                    org.rencontres.security.Role.ORGANISER, null, DirectoryAdminTest.PASSWORD));
        }
        WebDriver browser = BrowserSupport.start();
        try {
            browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
            String base = "http://localhost:" + port;
            browser.get(base + "/connexion");
            browser.findElement(By.id("courriel")).sendKeys("navigateur.annuaire@cnfpt.fr");
            browser.findElement(By.id("motdepasse")).sendKeys(DirectoryAdminTest.PASSWORD);
            browser.findElement(By.cssSelector("main form button[type=submit]")).click();
            browser.findElement(By.linkText("Annuaire")).click();
            browser.findElement(By.linkText("Ajouter une organisation")).click();
            pageShows(browser, "Ajouter une organisation");
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Ajouter une organisation");
            BrowserSupport.assertAccessible(browser);

            browser.findElement(By.id("nom")).sendKeys("Commune de Navigateur");
            browser.findElement(By.id("siren")).sendKeys("123 456 789");
            browser.findElement(By.id("codepostal")).sendKeys("540");
            browser.findElement(By.cssSelector("main form button[type=submit]")).click();
            new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(15)).until(
                    org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(By.cssSelector(".error-summary")));

            WebElement summary = browser.findElement(By.cssSelector(".error-summary"));
            assertThat(summary.findElements(By.cssSelector("li"))).extracting(WebElement::getText).containsExactly(
                    "Choisissez le type d’organisation.",
                    "Le SIREN doit compter 9 chiffres et être valide (clé de contrôle), par exemple 217 500 016.",
                    "Le code postal doit compter 5 chiffres, par exemple 91080.");
            assertThat(browser.findElement(By.id("nom")).getAttribute("value")).isEqualTo("Commune de Navigateur");
            BrowserSupport.assertAccessible(browser);

            // The summary's links lead to the fields, by keyboard too.
            summary.findElement(By.linkText("Choisissez le type d’organisation.")).click();
            assertThat(browser.getCurrentUrl()).endsWith("#type");

            new Select(browser.findElement(By.id("type"))).selectByVisibleText("Commune");
            WebElement siren = browser.findElement(By.id("siren"));
            siren.clear();
            siren.sendKeys("217 500 016");
            WebElement postcode = browser.findElement(By.id("codepostal"));
            postcode.clear();
            postcode.sendKeys("54000");
            browser.findElement(By.cssSelector("main form button[type=submit]")).click();
            pageShows(browser, "Commune de Navigateur");
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Commune de Navigateur");
            assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).isEqualTo("L’organisation est enregistrée.");
            BrowserSupport.assertAccessible(browser);
        } finally {
            browser.quit();
        }
    }

    /** Waits until the page's heading is the expected one: a click may still be loading the next page. */
    private static void pageShows(WebDriver browser, String heading) {
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(15)).until(
                org.openqa.selenium.support.ui.ExpectedConditions.textToBe(By.tagName("h1"), heading));
    }
}
