package org.rencontres.mailing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.rencontres.BrowserSupport;
import org.rencontres.BrowserTest;
import org.rencontres.event.Days;
import org.rencontres.notification.QueuedMails;
import org.rencontres.registration.Registrations;
import org.rencontres.security.Accounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The e-mail log and a bulk e-mail in Chromium, driven from the keyboard: the log with its notice that e-mails are
 * kept, a search, one message with its HTML shown in the sandboxed frame, then « Écrire aux participants » with a
 * refused placeholder, the preview and the sending. axe-core finds no accessibility problem on any of the pages.
 */
class MailingBrowserTest extends BrowserTest {

    @Autowired Days days;
    @Autowired Registrations registrations;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;

    private MailingDays day;

    @BeforeEach
    void aSessionWithTwoConfirmedAgentsAndItsOrganiserSignedIn() throws Exception {
        day = new MailingDays(port, days, registrations, accounts, "ZMBR", "Journée des courriels au clavier");
        day.confirmed("Alice", "Dupont");
        day.confirmed("Chloe", "Martin");
        browser.manage().deleteAllCookies();
        browser.get(url("/connexion"));
        type("courriel", "courriels.zmbr." + day.n + "@cnfpt.fr");
        type("motdepasse", MailingDays.PASSWORD);
        browser.findElement(By.id("motdepasse")).sendKeys(Keys.ENTER);
        waitForText(By.tagName("h1"), "Vos journées");
    }

    @Test
    void an_organiser_reads_the_log_and_writes_to_the_participants_from_the_keyboard() {
        browser.get(url(day.log()));
        waitFor(By.id("courriels"));
        assertThat(browser.findElement(By.id("courriels-conserves")).getText())
                .startsWith("Aucun serveur d'envoi (SMTP) n'est configuré");
        assertThat(browser.findElements(By.cssSelector("#courriels tbody tr"))).hasSize(6);
        BrowserSupport.assertAccessible(browser);

        // Search by recipient: typed, then Enter.
        WebElement search = browser.findElement(By.id("destinataire"));
        search.sendKeys("chloe");
        search.sendKeys(Keys.ENTER);
        waitForText(By.id("nombre-courriels"), "3 courriels");
        assertThat(browser.getCurrentUrl()).contains("destinataire=chloe");

        // One message: its link reached with the keyboard, its HTML shown in the sandboxed frame.
        WebElement first = browser.findElement(By.cssSelector("#courriels tbody tr td a"));
        first.sendKeys(Keys.ENTER);
        waitFor(By.id("html"));
        assertThat(browser.findElement(By.id("destinataire")).getText()).isEqualTo(day.email("Chloe"));
        BrowserSupport.assertAccessible(browser);
        browser.switchTo().frame(browser.findElement(By.id("html")));
        assertThat(browser.findElement(By.tagName("body")).getText()).startsWith("Bonjour Chloe Martin,");
        browser.switchTo().defaultContent();

        // « Écrire aux participants »: an unknown placeholder is refused on its field.
        browser.get(url(day.log()));
        browser.findElement(By.linkText("Écrire aux participants")).sendKeys(Keys.ENTER);
        waitFor(By.id("objet"));
        BrowserSupport.assertAccessible(browser);
        type("objet", "Informations pratiques");
        type("texte", "Bonjour {prénom},");
        browser.findElement(By.cssSelector("form.form button[type=submit]")).sendKeys(Keys.ENTER);
        waitFor(By.id("texte-erreur"));
        assertThat(browser.findElement(By.id("texte-erreur")).getText()).startsWith("Champ inconnu : {prénom}.");
        BrowserSupport.assertAccessible(browser);

        // Corrected: the preview counts the recipients; the sending queues one message each.
        type("texte", "Bonjour {prenom},\n\nLe plan d'accès est dans votre espace : {lien_espace}");
        browser.findElement(By.cssSelector("form.form button[type=submit]")).sendKeys(Keys.ENTER);
        waitFor(By.id("nombre-destinataires"));
        assertThat(browser.findElement(By.id("nombre-destinataires")).getText()).isEqualTo("2 destinataires");
        assertThat(browser.findElement(By.id("apercu-texte")).getText()).startsWith("Bonjour Alice,");
        BrowserSupport.assertAccessible(browser);
        browser.findElement(By.xpath("//button[normalize-space()='Envoyer à 2 destinataires']")).sendKeys(Keys.ENTER);
        waitFor(By.cssSelector(".notice[role=status]"));
        assertThat(browser.findElement(By.cssSelector(".notice[role=status]")).getText())
                .isEqualTo("Courriel mis en file pour 2 destinataires ; chacun figure ci-dessous.");
        assertThat(browser.findElements(By.cssSelector("#courriels tbody tr"))).hasSize(8);
        BrowserSupport.assertAccessible(browser);

        List<QueuedMails.QueuedMail> toChloe = new QueuedMails(jdbc).to(day.email("Chloe"), "Informations pratiques");
        assertThat(toChloe).hasSize(1);
        assertThat(toChloe.get(0).text()).startsWith("Bonjour Chloe,\n\nLe plan d'accès est dans votre espace : http");
    }
}
