package org.rencontres.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.rencontres.BrowserSupport;
import org.rencontres.BrowserTest;
import org.rencontres.event.DayDraft;
import org.rencontres.event.SessionDayDraft;
import org.rencontres.event.DayStatus;
import org.rencontres.event.Days;
import org.rencontres.event.SessionCode;
import org.rencontres.security.Accounts;
import org.rencontres.security.NewAccount;
import org.rencontres.security.Role;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * In a real browser, with the keyboard-free path a person takes: the request form with its errors,
 * the confirmation, then the organiser's queue; axe-core finds no accessibility problem on each page.
 */
class RegistrationBrowserTest extends BrowserTest {

    private static final String PASSWORD = "correct horse battery";

    @Autowired Days days;
    @Autowired Accounts accounts;
    @Autowired Registrations registrations;

    @Test
    void an_agent_requests_a_seat_and_the_organiser_sees_it_in_the_queue() throws Exception {
        long n = System.nanoTime() % 100_000_000;
        String unit = "INSET du navigateur " + n;
        SessionCode code = new SessionCode("ZRWN " + n);
        long dayId = days.create(new DayDraft(code, "Journée du navigateur", null, null, List.of(new SessionDayDraft(LocalDate.of(2031, 9, 9), LocalTime.of(9, 0), LocalTime.of(17, 0))), "Une journée de test.", null, null, null, false, null, unit,
                null, List.of(), List.of(), List.of()));
        days.changeStatus(dayId, DayStatus.PUBLISHED);

        browser.get(url("/journees/" + code.slug()));
        browser.findElement(By.linkText("S'inscrire en ligne")).click();
        waitForText(By.tagName("h1"), "S'inscrire à la journée");
        BrowserSupport.assertAccessible(browser);

        type("nom", "Navigateur");
        type("prenom", "Nina");
        type("courriel", "nina@");
        browser.findElement(By.cssSelector("form.form button[type=submit]")).click();
        waitFor(By.id("erreurs"));
        assertThat(browser.findElement(By.id("courriel-erreur")).getText())
                .isEqualTo("L'adresse électronique n'est pas valide (exemple : prenom.nom@ville.fr).");
        BrowserSupport.assertAccessible(browser);
        assertThat(registrations.ofDay(dayId)).isEmpty();

        type("courriel", "nina.navigateur@test.fr");
        type("telephone", "01 60 79 74 00");
        type("fonction", "Chargée de mission");
        type("employeur", "Commune du Navigateur");
        browser.findElement(By.id("consentement")).click();
        browser.findElement(By.cssSelector("form.form button[type=submit]")).click();
        waitForText(By.tagName("h1"), "Demande d'inscription reçue");
        assertThat(browser.findElement(By.className("registration-state")).getText())
                .isEqualTo("en attente du service formation");
        BrowserSupport.assertAccessible(browser);
        assertThat(registrations.ofDay(dayId)).hasSize(1);

        accounts.create(new NewAccount("navigateur." + n + "@cnfpt.fr", "Nora Navigatrice", Role.ORGANISER, unit,
                PASSWORD));
        browser.get(url("/connexion"));
        type("courriel", "navigateur." + n + "@cnfpt.fr");
        type("motdepasse", PASSWORD);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitForText(By.tagName("h1"), "Vos journées");
        browser.get(url("/admin/journees/" + code.slug()));
        browser.findElement(By.linkText("Inscriptions")).click();
        waitForText(By.tagName("h1"), "Inscriptions : Journée du navigateur");
        BrowserSupport.assertAccessible(browser);
        browser.findElement(By.cssSelector("tbody tr .row-actions button")).click();
        waitFor(By.cssSelector("[role=status]"));
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText())
                .isEqualTo("Nina Navigateur : en attente de l'organisateur.");
        BrowserSupport.assertAccessible(browser);
    }
}
