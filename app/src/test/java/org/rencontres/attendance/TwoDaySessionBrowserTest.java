package org.rencontres.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.rencontres.BrowserSupport;
import org.rencontres.BrowserTest;
import org.rencontres.event.Days;
import org.rencontres.event.SessionCode;
import org.rencontres.registration.Capacity;
import org.rencontres.registration.RegistrationState;
import org.rencontres.registration.Registrations;
import org.rencontres.security.Accounts;
import org.rencontres.security.NewAccount;
import org.rencontres.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 15 end to end in a real browser: an organiser creates a session on Tuesday 18 March 2031
 * (9:00–17:00), adds Wednesday 19 March (9:00–12:30) from the session page, puts a slot on each day,
 * publishes it (the public page says « du mardi 18 au mercredi 19 mars 2031 »), checks a confirmed
 * agent in on day 1 morning and afternoon and on day 2 morning (day chosen with the desk's selector,
 * the change sent with the keyboard), and issues the certificate, whose PDF and verification page list
 * both days and sum 11 h 30. The registration itself is made through the registration module's API
 * (its browser flow has its own tests). axe-core checks every back-office page visited.
 */
class TwoDaySessionBrowserTest extends BrowserTest {

    private static final String PASSWORD = "correct horse battery";

    @Autowired Accounts accounts;
    @Autowired Days days;
    @Autowired Registrations registrations;
    @Autowired JdbcClient jdbc;

    /** Date and time pickers take their value in ISO form, whatever the browser's language. */
    private void set(String id, String value) {
        browser.executeScript("arguments[0].value = arguments[1]", browser.findElement(By.id(id)), value);
    }

    private void addSlot(String dayOption, String start, String end, String kind, String title) {
        new Select(browser.findElement(By.id("jour"))).selectByVisibleText(dayOption);
        type("debut", start);
        type("fin", end);
        new Select(browser.findElement(By.id("nature"))).selectByValue(kind);
        type("titre", title);
        browser.findElement(By.cssSelector("form[aria-labelledby=ajout-titre] button[type=submit]")).click();
        patiently()
                .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"), title));
    }

    private void checkIn(long registrationId, String name) {
        type("q", "Deuxjours");
        browser.findElement(By.id("q")).sendKeys(Keys.ENTER);
        waitFor(By.cssSelector(".desk-results li[data-ref=inscription-" + registrationId + "] button"));
        browser.findElement(By.cssSelector(".desk-results li[data-ref=inscription-" + registrationId + "] button")).click();
        waitForText(By.cssSelector(".notice[role=status]"), name + " : présence enregistrée à ");
    }

    /** The desk's counts, once they read {@code expected}: the region is swapped by htmx after each act. */
    private void assertCounts(String expected) {
        patiently().ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.textToBe(By.cssSelector(".desk-counts"), expected));
    }

    private List<String> presences(long registrationId) {
        return jdbc.sql("""
                SELECT d.day_date || ' ' || a.half_day FROM attendance a JOIN event_session_day d ON d.id = a.session_day_id
                WHERE a.registration_id = ? ORDER BY 1""").param(registrationId).query(String.class).list();
    }

    private byte[] download(String href) throws Exception {
        String session = browser.manage().getCookieNamed("JSESSIONID").getValue();
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                .header("Cookie", "JSESSIONID=" + session).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(href).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/pdf");
        return response.body();
    }

    @Test
    void an_organiser_runs_a_two_day_session_from_creation_to_certificate() throws Exception {
        long n = System.nanoTime() % 100_000_000;
        SessionCode code = new SessionCode("ZDJB " + n);
        String slug = code.slug();
        String email = "deuxjours." + n + "@cnfpt.fr";
        accounts.create(new NewAccount(email, "Dominique Deuxjours", Role.ORGANISER, null, PASSWORD));

        browser.get(url("/connexion"));
        type("courriel", email);
        type("motdepasse", PASSWORD);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitForText(By.tagName("h1"), "Vos journées");

        // The session, on its first day.
        browser.findElement(By.linkText("Nouvelle journée")).click();
        waitFor(By.id("code"));
        type("code", code.value());
        type("titre", "Session des deux jours");
        set("date", "2031-03-18");
        set("debut", "09:00");
        set("fin", "17:00");
        type("contexte", "Une session sur deux jours construite dans le navigateur.");
        type("lieuNom", "Hôtel de ville");
        type("lieuRue", "1 place de la Mairie");
        type("lieuCodePostal", "54000");
        type("lieuVille", "Nancy");
        browser.findElement(By.cssSelector("form.form-wide button[type=submit]")).click();
        waitForText(By.cssSelector("[role=status]"), "La journée est créée (en brouillon).");

        // Its second day, from the session page.
        browser.get(url("/admin/journees/" + slug + "#jours"));
        waitFor(By.id("jours"));
        assertThat(browser.findElements(By.cssSelector("#jours .session-days li"))).hasSize(1);
        BrowserSupport.assertAccessible(browser);
        browser.findElement(By.linkText("Ajouter un jour")).click();
        waitForText(By.tagName("h1"), "Nouveau jour de la session " + code.value());
        BrowserSupport.assertAccessible(browser);
        set("date", "2031-03-19");
        set("debut", "09:00");
        set("fin", "12:30");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitForText(By.cssSelector("[role=status]"), "Le jour a été ajouté à la session.");
        assertThat(browser.findElements(By.cssSelector("#jours .session-days li")).stream()
                .map(li -> li.getText().substring(0, li.getText().indexOf(" — "))).toList())
                .containsExactly("mardi 18 mars 2031, de 9h à 17h", "mercredi 19 mars 2031, de 9h à 12h30");
        BrowserSupport.assertAccessible(browser);

        // A slot on each day, the day chosen in the editor.
        browser.findElement(By.linkText("Programme")).click();
        waitFor(By.id("jour"));
        assertThat(new Select(browser.findElement(By.id("jour"))).getOptions().stream().map(WebElement::getText).toList())
                .containsExactly("Choisir le jour", "Jour 1 : mardi 18 mars 2031, de 9h à 17h",
                        "Jour 2 : mercredi 19 mars 2031, de 9h à 12h30");
        addSlot("Jour 1 : mardi 18 mars 2031, de 9h à 17h", "9h30", "12h", "TALK", "Exposé du premier jour");
        addSlot("Jour 2 : mercredi 19 mars 2031, de 9h à 12h30", "9h", "12h", "WORKSHOP", "Atelier du second jour");
        assertThat(browser.findElement(By.id("jour-1")).getText()).contains("mardi 18 mars 2031");
        assertThat(browser.findElement(By.cssSelector("[aria-labelledby=jour-1]")).getText()).contains("Exposé du premier jour")
                .doesNotContain("Atelier du second jour");
        assertThat(browser.findElement(By.cssSelector("[aria-labelledby=jour-2]")).getText()).contains("Atelier du second jour")
                .doesNotContain("Exposé du premier jour");
        BrowserSupport.assertAccessible(browser);

        // Published, the public page says both days.
        browser.get(url("/admin/journees/" + slug));
        browser.findElement(By.linkText("Publier")).click();
        waitForText(By.tagName("h1"), "Publier : " + code.value());
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitForText(By.cssSelector("[role=status]"), "La journée est publiée.");
        browser.get(url("/journees/" + slug));
        waitForText(By.tagName("h1"), "Session des deux jours");
        String publicPage = browser.findElement(By.tagName("main")).getText();
        assertThat(publicPage).contains("du mardi 18 au mercredi 19 mars 2031", "Exposé du premier jour", "Atelier du second jour");
        BrowserSupport.assertAccessible(browser);

        // The agent asks for a seat on the public form, in the browser; the approvals that follow are
        // other people's acts (employer, training service, organiser), done through the module's API.
        long dayId = days.find(slug).orElseThrow().id();
        registrations.setCapacity(new Capacity(dayId, 20, 48, false));
        browser.findElement(By.linkText("S'inscrire en ligne")).click();
        waitForText(By.tagName("h1"), "S'inscrire à la journée");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("du mardi 18 au mercredi 19 mars 2031");
        BrowserSupport.assertAccessible(browser);
        type("nom", "Deuxjours");
        type("prenom", "Camille");
        type("courriel", "camille." + n + "@test.fr");
        type("telephone", "01 60 79 74 00");
        type("fonction", "Juriste");
        type("employeur", "Commune de Test-sur-Seine");
        browser.findElement(By.id("consentement")).click();
        browser.findElement(By.cssSelector("form.form button[type=submit]")).click();
        waitForText(By.tagName("h1"), "Demande d'inscription reçue");
        BrowserSupport.assertAccessible(browser);
        long camille = registrations.ofDay(dayId).stream().filter(r -> r.email().equals("camille." + n + "@test.fr"))
                .findFirst().orElseThrow().id();
        for (int step = 0; step < 3 && state(camille) != RegistrationState.CONFIRMED; step++) {
            if (state(camille) == RegistrationState.AWAITING_ORGANISER) {
                registrations.confirm(camille, "orga@cnfpt.fr");
            } else {
                registrations.advance(camille, "orga@cnfpt.fr", null);
            }
        }
        assertThat(state(camille)).isEqualTo(RegistrationState.CONFIRMED);

        // The desk: outside the session's dates it opens on day 1.
        browser.get(url("/admin/journees/" + slug));
        browser.findElement(By.linkText("Accueil des participants")).click();
        waitFor(By.id("jour"));
        assertThat(browser.findElement(By.cssSelector(".desk-session-day")).getText()).isEqualTo("Jour 1 sur 2 : mardi 18 mars 2031");
        assertThat(new Select(browser.findElement(By.id("jour"))).getOptions().stream().map(WebElement::getText).toList())
                .containsExactly("Jour 1 – mardi 18 mars 2031 (9h – 17h)", "Jour 2 – mercredi 19 mars 2031 (9h – 12h30)");
        BrowserSupport.assertAccessible(browser);

        // Day 1, morning.
        new Select(browser.findElement(By.id("demi"))).selectByValue("matin");
        browser.findElement(By.cssSelector("form.desk-half button[type=submit]")).click();
        waitFor(By.cssSelector("#demi option[value=matin][selected]"));
        assertCounts("Aucun présent sur 1 attendu.");
        checkIn(camille, "Camille Deuxjours");
        assertCounts("1 présent sur 1 attendu.");

        // Day 1, afternoon.
        new Select(browser.findElement(By.id("demi"))).selectByValue("apres-midi");
        browser.findElement(By.cssSelector("form.desk-half button[type=submit]")).click();
        waitFor(By.cssSelector("#demi option[value=apres-midi][selected]"));
        assertCounts("Aucun présent sur 1 attendu.");
        checkIn(camille, "Camille Deuxjours");
        BrowserSupport.assertAccessible(browser);

        // Day 2, chosen with the selector and sent from the keyboard: Tab to the button, Enter.
        new Select(browser.findElement(By.id("jour"))).selectByValue("2031-03-19");
        browser.findElement(By.id("jour")).sendKeys(Keys.TAB);
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("demi");
        browser.switchTo().activeElement().sendKeys(Keys.TAB);
        WebElement change = browser.switchTo().activeElement();
        assertThat(change.getText()).isEqualTo("Changer de jour ou de demi-journée");
        assertThat(browser.executeScript("return arguments[0].matches(':focus-visible')", change)).isEqualTo(true);
        assertThat(change.getCssValue("outline-style")).isEqualTo("solid");
        assertThat(change.getCssValue("outline-width")).isEqualTo("3px");
        change.sendKeys(Keys.ENTER);
        waitForText(By.cssSelector(".desk-session-day"), "Jour 2 sur 2 : mercredi 19 mars 2031");
        // Day 2 has a morning only, whatever half-day was asked.
        assertThat(new Select(browser.findElement(By.id("demi"))).getOptions().stream().map(WebElement::getText).toList())
                .containsExactly("Matin (09:00 – 12:30)");
        assertCounts("Aucun présent sur 1 attendu.");
        checkIn(camille, "Camille Deuxjours");
        assertCounts("1 présent sur 1 attendu.");
        BrowserSupport.assertAccessible(browser);

        assertThat(presences(camille)).containsExactly("2031-03-18 AFTERNOON", "2031-03-18 MORNING", "2031-03-19 MORNING");

        // The certificate, issued on its first download from the certificates page.
        browser.get(url("/admin/journees/" + slug + "/attestations"));
        waitForText(By.tagName("h1"), "Attestations de présence");
        BrowserSupport.assertAccessible(browser);
        String href = browser.findElement(By.partialLinkText("Attestation de Camille Deuxjours")).getAttribute("href");
        String text;
        try (PDDocument pdf = Loader.loadPDF(download(href))) {
            text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
        }
        assertThat(text).contains("du mardi 18 au mercredi 19 mars 2031",
                "mardi 18 mars 2031 Matin de 09h00 à 13h00 4 h",
                "mardi 18 mars 2031 Après-midi de 13h00 à 17h00 4 h",
                "mercredi 19 mars 2031 Matin de 09h00 à 12h30 3 h 30",
                "Total des heures de présence 11 h 30");

        String certificate = jdbc.sql("SELECT code FROM attendance_certificate WHERE registration_id = ?").param(camille)
                .query(String.class).single();
        browser.get(url("/attestations/verifier/" + certificate));
        waitFor(By.cssSelector(".verify-details"));
        String verified = browser.findElement(By.cssSelector(".verify-details")).getText();
        assertThat(verified).contains("11 h 30", "mardi 18 mars 2031 : matin, après-midi ; mercredi 19 mars 2031 : matin");
        BrowserSupport.assertAccessible(browser);
    }

    private RegistrationState state(long registration) {
        return registrations.find(registration).orElseThrow().state();
    }
}
