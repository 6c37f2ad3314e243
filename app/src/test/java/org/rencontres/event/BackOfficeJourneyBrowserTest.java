package org.rencontres.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rencontres.BrowserSupport;
import org.rencontres.BrowserTest;
import org.rencontres.security.Accounts;
import org.rencontres.security.NewAccount;
import org.rencontres.security.Role;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An organiser, in a real browser, signs in, creates a day with two parallel workshops, publishes
 * it, opens its public page and downloads its brochure, whose text is read back with PDFBox.
 */
class BackOfficeJourneyBrowserTest extends BrowserTest {

    private static final String PASSWORD = "correct horse battery";

    @Autowired Accounts accounts;

    /** Date and time pickers take their value in ISO form, whatever the browser's language. */
    private void set(String id, String value) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", browser.findElement(By.id(id)), value);
    }

    private void addSlot(String start, String end, String kind, String title, String track) {
        WebDriverWait wait = patiently();
        type("debut", start);
        type("fin", end);
        new Select(browser.findElement(By.id("nature"))).selectByValue(kind);
        type("titre", title);
        type("piste", track);
        browser.findElement(By.cssSelector("form[aria-labelledby=ajout-titre] button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"), title));
    }

    @Test
    void an_organiser_builds_publishes_and_prints_a_day() throws Exception {
        accounts.create(new NewAccount("parcours@cnfpt.fr", "Camille Parcours", Role.ORGANISER, null, PASSWORD));

        browser.get(url("/connexion"));
        type("courriel", "parcours@cnfpt.fr");
        type("motdepasse", PASSWORD);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitForText(By.tagName("h1"), "Vos journées");
        BrowserSupport.assertAccessible(browser);

        browser.findElement(By.linkText("Nouvelle journée")).click();
        waitFor(By.id("code"));
        BrowserSupport.assertAccessible(browser);
        type("code", "ZPAR 001");
        type("titre", "Journée du parcours");
        set("date", "2031-10-09");
        set("debut", "09:00");
        set("fin", "16:30");
        type("contexte", "Une journée construite *de bout en bout* dans le navigateur.");
        type("lieuNom", "Hôtel de ville");
        type("lieuRue", "1 place de la Mairie");
        type("lieuCodePostal", "54000");
        type("lieuVille", "Nancy");
        browser.findElement(By.cssSelector("form.form-wide button[type=submit]")).click();
        waitForText(By.cssSelector("[role=status]"), "La journée est créée (en brouillon).");

        browser.findElement(By.linkText("Programme")).click();
        waitFor(By.id("debut"));
        addSlot("9h", "9h30", "WELCOME", "Accueil des participants", "");
        addSlot("9h30", "12h", "TALK", "Exposé d'ouverture", "");
        addSlot("14h", "16h", "WORKSHOP", "Atelier des pratiques", "Atelier n°1");
        addSlot("14h", "16h", "WORKSHOP", "Atelier des projets", "Atelier n°2");
        addSlot("16h", "16h30", "CLOSING", "Mot de clôture", "");
        BrowserSupport.assertAccessible(browser);

        browser.get(url("/admin/journees/ZPAR001"));
        browser.findElement(By.linkText("Publier")).click();
        waitForText(By.tagName("h1"), "Publier : ZPAR 001");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitForText(By.cssSelector("[role=status]"), "La journée est publiée.");

        browser.findElement(By.linkText("Voir la page publique")).click();
        waitForText(By.cssSelector("h1"), "Journée du parcours");
        assertThat(browser.findElement(By.cssSelector("h1")).getText()).isEqualTo("Journée du parcours");
        List<String> tracks = browser.findElements(By.cssSelector(".parallel .track-name")).stream()
                .map(WebElement::getText).toList();
        assertThat(tracks).containsExactly("Atelier n°1", "Atelier n°2");
        BrowserSupport.assertAccessible(browser);

        String brochure = browser.findElement(By.partialLinkText("plaquette")).getAttribute("href");
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(brochure)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.headers().firstValue("Content-Type")).contains("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Journée du parcours", "ZPAR 001", "Atelier des pratiques", "Atelier des projets",
                    "Atelier n°1", "Atelier n°2");
            assertThat(text).contains("9h", "9h30", "14h", "16h", "16h30");
        }
    }
}
