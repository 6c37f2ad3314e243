package org.rencontres.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.rencontres.BrowserSupport;
import org.rencontres.BrowserTest;
import org.rencontres.event.DayDraft;
import org.rencontres.event.SessionDayDraft;
import org.rencontres.event.Days;
import org.rencontres.event.SessionCode;
import org.rencontres.registration.Capacity;
import org.rencontres.registration.Registrations;
import org.rencontres.registration.RequestDraft;
import org.rencontres.security.Accounts;
import org.rencontres.security.NewAccount;
import org.rencontres.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The welcome desk in a real browser on a phone-sized window: a check-in by name search, and a
 * check-in made while the network is down (Chromium's network emulation), kept on the device and
 * sent once when the connection returns. axe-core finds no accessibility problem on the pages.
 */
class WelcomeDeskBrowserTest extends BrowserTest {

    private static final String PASSWORD = "correct horse battery";

    @Autowired Days days;
    @Autowired Accounts accounts;
    @Autowired Registrations registrations;
    @Autowired JdbcClient jdbc;

    private long dayId;
    private String slug;

    @BeforeEach
    void aDayItsOrganiserSignedInOnAPhone() {
        long n = System.nanoTime() % 100_000_000;
        String unit = "INSET de l'accueil mobile " + n;
        SessionCode code = new SessionCode("ZATB " + n);
        slug = code.slug();
        // A draft in 2016: the back office works on it, the public catalogue never lists it.
        dayId = days.create(new DayDraft(code, "Journée de l'accueil mobile", null, null, List.of(new SessionDayDraft(LocalDate.of(2016, 6, 15), LocalTime.of(9, 0), LocalTime.of(17, 0))), "Une journée de test.", null, null, null, false, null, unit,
                null, List.of(), List.of(), List.of()));
        registrations.setCapacity(new Capacity(dayId, 20, 48, false));
        String email = "mobile." + n + "@cnfpt.fr";
        accounts.create(new NewAccount(email, "Mona Mobile", Role.ORGANISER, unit, PASSWORD));
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(url("/connexion"));
        type("courriel", email);
        type("motdepasse", PASSWORD);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitForText(By.tagName("h1"), "Vos journées");
    }

    @AfterEach
    void backOnlineOnABigScreen() {
        browser.deleteNetworkConditions();
        browser.manage().window().setSize(new Dimension(1280, 1000));
    }

    private long confirmed(String givenName, String surname, String employer) {
        long id = registrations.request(dayId, new RequestDraft(surname, givenName,
                givenName.toLowerCase() + "." + System.nanoTime() + "@test.fr", "01 60 79 74 00", "Juriste", null,
                employer, null, null, null, Instant.parse("2016-01-10T10:00:00Z")));
        registrations.advance(id, "orga@cnfpt.fr", null);
        registrations.advance(id, "orga@cnfpt.fr", null);
        registrations.confirm(id, "orga@cnfpt.fr");
        return id;
    }

    private int presences(long registrationId) {
        return jdbc.sql("SELECT count(*) FROM attendance WHERE registration_id = ?").param(registrationId)
                .query(Integer.class).single();
    }

    private void search(String text) {
        type("q", text);
        browser.findElement(By.cssSelector("form.desk-search button[type=submit]")).click();
        waitFor(By.cssSelector(".desk-results li"));
    }

    @Test
    void a_person_found_by_name_is_checked_in_with_one_tap() {
        long camille = confirmed("Camille", "Tactile", "Ville du Téléphone");
        browser.get(url("/admin/journees/" + slug + "/accueil?demi=matin"));
        assertThat(browser.findElement(By.cssSelector(".desk-counts")).getText()).isEqualTo("Aucun présent sur 1 attendu.");
        BrowserSupport.assertAccessible(browser);

        search("téléphone");
        BrowserSupport.assertAccessible(browser);
        browser.findElement(By.cssSelector(".desk-results li[data-ref=inscription-" + camille + "] button")).click();
        waitForText(By.cssSelector(".notice[role=status]"), "Camille Tactile : présence enregistrée à ");
        assertThat(browser.findElement(By.cssSelector(".desk-counts")).getText()).isEqualTo("1 présent sur 1 attendu.");
        assertThat(browser.findElement(By.cssSelector(".desk-results li .desk-present")).getText()).startsWith("Présent à ");
        BrowserSupport.assertAccessible(browser);
        assertThat(presences(camille)).isEqualTo(1);
    }

    /** Waits for the page to see the network state; dispatches the event itself if the emulation did not. */
    private void expectOffline(boolean offline) {
        By banner = By.id("hors-ligne");
        try {
            patiently().until(offline
                    ? ExpectedConditions.visibilityOfElementLocated(banner)
                    : ExpectedConditions.invisibilityOfElementLocated(banner));
        } catch (org.openqa.selenium.TimeoutException e) {
            browser.executeScript("window.dispatchEvent(new Event(arguments[0]))", offline ? "offline" : "online");
        }
    }

    @Test
    void a_check_in_made_offline_is_sent_once_when_the_network_returns() {
        long dominique = confirmed("Dominique", "Réseau", "Ville sans Wi-Fi");
        browser.get(url("/admin/journees/" + slug + "/accueil?demi=matin"));
        search("reseau");
        // The live regions are in the page from the start, empty, so that what is written into them is announced.
        for (String region : List.of("etat-reseau", "file-attente")) {
            assertThat(browser.findElement(By.id(region)).getAttribute("role")).isEqualTo("status");
            assertThat(browser.findElement(By.id(region)).getAttribute("hidden")).isNull();
            assertThat(browser.findElement(By.id(region)).getText()).isEmpty();
        }

        ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
        offline.setOffline(true);
        browser.setNetworkConditions(offline);
        expectOffline(true);
        assertThat(browser.findElement(By.id("hors-ligne")).isDisplayed()).isTrue();

        org.openqa.selenium.WebElement present = browser.findElement(
                By.cssSelector(".desk-results li[data-ref=inscription-" + dominique + "] button"));
        present.sendKeys(org.openqa.selenium.Keys.ENTER);
        waitForText(By.id("file-attente"), "Dominique Réseau");
        // The queued button keeps the focus (it says it is done with aria-disabled), and a second press queues nothing.
        assertThat(browser.switchTo().activeElement()).isEqualTo(present);
        assertThat(present.getAttribute("aria-disabled")).isEqualTo("true");
        present.sendKeys(org.openqa.selenium.Keys.ENTER);
        assertThat(browser.findElement(By.id("file-attente")).getText())
                .startsWith("Présence gardée sur cet appareil, envoi au retour du réseau :");
        assertThat(browser.executeScript("return Object.keys(localStorage).filter(function (k) {"
                + " return k.indexOf('rencontres.checkins:') === 0 && JSON.parse(localStorage.getItem(k)).length > 0; }).length"))
                .isEqualTo(1L);
        assertThat(presences(dominique)).isZero();
        BrowserSupport.assertAccessible(browser);

        browser.deleteNetworkConditions();
        expectOffline(false);
        waitForText(By.id("file-attente"), "Dominique Réseau : présence enregistrée à ");
        assertThat(browser.findElement(By.id("file-attente")).getText()).startsWith("Présences envoyées au retour du réseau :");
        assertThat(presences(dominique)).isEqualTo(1);
        assertThat(browser.executeScript("return Object.keys(localStorage).filter(function (k) {"
                + " return k.indexOf('rencontres.checkins:') === 0 && JSON.parse(localStorage.getItem(k)).length > 0; }).length"))
                .isEqualTo(0L);

        // Coming back online again, or reloading the page, sends nothing twice.
        browser.executeScript("window.dispatchEvent(new Event('online'))");
        browser.navigate().refresh();
        waitFor(By.cssSelector(".desk-results li .desk-present"));
        assertThat(browser.findElement(By.cssSelector(".desk-counts")).getText()).isEqualTo("1 présent sur 1 attendu.");
        assertThat(presences(dominique)).isEqualTo(1);
    }

    private boolean focusInside(String id) {
        return (Boolean) browser.executeScript(
                "return document.getElementById(arguments[0]).contains(document.activeElement)", id);
    }

    /**
     * The signature dialog from the keyboard (RGAA 7.1, 7.3, 12.8, 12.9): the button that opens it is pressed with
     * Enter; while it is open, Tab and Shift+Tab stay inside and the rest of the page is inert; Escape closes it and
     * gives the focus back to that button. Before it opens, Tab does reach the page behind.
     */
    @Test
    void the_signature_dialog_keeps_the_focus_and_escape_gives_it_back() {
        long fay = confirmed("Fay", "Clavier", "Ville au Clavier");
        browser.get(url("/admin/journees/" + slug + "/accueil?demi=matin"));
        search("clavier");
        browser.findElement(By.id("faire-signer")).click();
        org.openqa.selenium.WebElement opener = browser.findElement(
                By.cssSelector(".desk-results li[data-ref=inscription-" + fay + "] button"));
        assertThat((Boolean) browser.executeScript("return document.querySelector('.site-header').inert")).isFalse();

        opener.sendKeys(org.openqa.selenium.Keys.ENTER);
        patiently().until(ExpectedConditions.visibilityOfElementLocated(By.id("signature-pad")));
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("signature-titre");
        assertThat((Boolean) browser.executeScript("return document.querySelector('.site-header').inert")).isTrue();
        assertThat((Boolean) browser.executeScript("return document.querySelector('.site-footer').inert")).isTrue();
        BrowserSupport.assertAccessible(browser);
        for (int i = 0; i < 6; i++) {
            new org.openqa.selenium.interactions.Actions(browser).sendKeys(org.openqa.selenium.Keys.TAB).perform();
            assertThat(focusInside("signature")).as("Tab %d stays in the dialog", i + 1).isTrue();
        }
        for (int i = 0; i < 6; i++) {
            new org.openqa.selenium.interactions.Actions(browser).keyDown(org.openqa.selenium.Keys.SHIFT)
                    .sendKeys(org.openqa.selenium.Keys.TAB).keyUp(org.openqa.selenium.Keys.SHIFT).perform();
            assertThat(focusInside("signature")).as("Shift+Tab %d stays in the dialog", i + 1).isTrue();
        }

        new org.openqa.selenium.interactions.Actions(browser).sendKeys(org.openqa.selenium.Keys.ESCAPE).perform();
        assertThat(browser.findElement(By.id("signature")).isDisplayed()).isFalse();
        assertThat(browser.switchTo().activeElement()).isEqualTo(opener);
        assertThat((Boolean) browser.executeScript("return document.querySelector('.site-header').inert")).isFalse();
        assertThat(presences(fay)).isZero();

        // Closed, Tab leaves the results again: the page behind is no longer inert.
        new org.openqa.selenium.interactions.Actions(browser).sendKeys(org.openqa.selenium.Keys.TAB).perform();
        assertThat(focusInside("signature")).isFalse();
    }

    @Test
    void a_signature_drawn_on_the_pad_is_kept_and_an_empty_pad_is_refused() {
        long eve = confirmed("Eve", "Stylet", "Ville Signée");
        browser.get(url("/admin/journees/" + slug + "/accueil?demi=apres-midi"));
        search("stylet");
        browser.findElement(By.id("faire-signer")).click();
        browser.findElement(By.cssSelector(".desk-results li[data-ref=inscription-" + eve + "] button")).click();
        waitFor(By.id("signature-pad"));
        patiently().until(ExpectedConditions.visibilityOfElementLocated(By.id("signature-pad")));
        BrowserSupport.assertAccessible(browser);

        browser.findElement(By.id("signature-valider")).click();
        assertThat(browser.findElement(By.id("signature-erreur")).getText())
                .isEqualTo("La signature est vide : faites signer dans le cadre avant de valider.");
        assertThat(browser.findElement(By.id("signature-erreur")).isDisplayed()).isTrue();
        assertThat(presences(eve)).isZero();

        org.openqa.selenium.WebElement pad = browser.findElement(By.id("signature-pad"));
        new org.openqa.selenium.interactions.Actions(browser).moveToElement(pad, -100, 10).clickAndHold()
                .moveByOffset(60, -20).moveByOffset(80, 30).moveByOffset(40, -10).release().perform();
        browser.findElement(By.id("signature-valider")).click();
        waitForText(By.cssSelector(".notice[role=status]"), "Eve Stylet : présence enregistrée à ");
        assertThat(jdbc.sql("SELECT count(*) FROM attendance WHERE registration_id = ? AND half_day = 'AFTERNOON'"
                + " AND signature IS NOT NULL AND signed_at IS NOT NULL").param(eve).query(Integer.class).single()).isEqualTo(1);
    }
}
