package org.rencontres.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.rencontres.BrowserSupport;
import org.rencontres.BrowserTest;
import org.rencontres.TestSessions;
import org.rencontres.event.DayStatus;
import org.rencontres.event.Days;
import org.rencontres.event.SessionCode;
import org.rencontres.event.SessionDayDraft;
import org.rencontres.security.Accounts;
import org.rencontres.security.NewAccount;
import org.rencontres.security.Role;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * In a real browser: the request form's accessibility needs, refused without their consent and then sent,
 * and the organisers' page of the session's needs where the arrangement is recorded; axe-core finds no
 * accessibility problem on each page.
 */
class AccessibilityNeedsBrowserTest extends BrowserTest {

    @Autowired Days days;
    @Autowired Accounts accounts;
    @Autowired Registrations registrations;

    @Test
    void an_agent_gives_needs_with_consent_and_the_organiser_records_the_arrangement() throws Exception {
        long n = System.nanoTime() % 100_000_000;
        String unit = "INSET de l'accueil " + n;
        SessionCode code = new SessionCode("ZANB " + n);
        long dayId = TestSessions.session(days, registrations, code, "Journée de l'accueil", unit,
                new SessionDayDraft(LocalDate.of(2031, 9, 9), LocalTime.of(9, 0), LocalTime.of(17, 0)));
        days.changeStatus(dayId, DayStatus.PUBLISHED);

        browser.get(url("/journees/" + code.slug() + "/inscription"));
        waitFor(By.id("besoins"));
        assertThat(browser.findElement(By.cssSelector("#besoins legend")).getText())
                .isEqualTo("Besoins liés à une situation de handicap (facultatif)");
        BrowserSupport.assertAccessible(browser);

        type("nom", "Accueil");
        type("prenom", "Inès");
        type("courriel", "ines.accueil." + n + "@test.fr");
        type("telephone", "01 60 79 74 00");
        type("fonction", "Chargée de mission");
        type("employeur", "Commune de l'Accueil");
        browser.findElement(By.id("besoinVue")).click();
        type("accessibilite", "Documents en gros caractères");
        browser.findElement(By.id("consentement")).click();
        browser.findElement(By.cssSelector("form.form button[type=submit]")).click();
        waitFor(By.id("consentementBesoins-erreur"));
        assertThat(browser.findElement(By.id("besoinVue")).isSelected()).isTrue();
        BrowserSupport.assertAccessible(browser);
        assertThat(registrations.ofDay(dayId)).isEmpty();

        browser.findElement(By.id("consentementBesoins")).click();
        browser.findElement(By.cssSelector("form.form button[type=submit]")).click();
        waitForText(By.tagName("h1"), "Demande d'inscription reçue");
        long id = registrations.ofDay(dayId).get(0).id();

        accounts.create(new NewAccount("accueil." + n + "@cnfpt.fr", "Olga Organisatrice", Role.ORGANISER, unit,
                TestSessions.PASSWORD));
        browser.get(url("/connexion"));
        type("courriel", "accueil." + n + "@cnfpt.fr");
        type("motdepasse", TestSessions.PASSWORD);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitForText(By.tagName("h1"), "Vos journées");
        browser.get(url("/admin/journees/" + code.slug() + "/accessibilite"));
        waitFor(By.id("besoin-" + id));
        assertThat(browser.findElement(By.cssSelector("#besoin-" + id + " .need-text")).getText())
                .isEqualTo("Documents en gros caractères");
        BrowserSupport.assertAccessible(browser);

        new Select(browser.findElement(By.id("etat-" + id))).selectByValue("IMPOSSIBLE");
        browser.findElement(By.cssSelector("#besoin-" + id + " button[type=submit]")).click();
        waitFor(By.id("motif-" + id + "-erreur"));
        BrowserSupport.assertAccessible(browser);

        new Select(browser.findElement(By.id("etat-" + id))).selectByValue("AGREED");
        type("amenagement-" + id, "Programme imprimé en corps 18");
        browser.findElement(By.cssSelector("#besoin-" + id + " button[type=submit]")).click();
        waitFor(By.cssSelector("[role=status]"));
        assertThat(browser.findElement(By.cssSelector("#besoin-" + id + " .need-state")).getText()).isEqualTo("convenu");
        BrowserSupport.assertAccessible(browser);
    }
}
