package org.rencontres.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.rencontres.BrowserSupport;
import org.rencontres.BrowserTest;
import org.rencontres.event.DayDraft;
import org.rencontres.event.DayStatus;
import org.rencontres.event.Days;
import org.rencontres.event.SessionCode;
import org.rencontres.event.SessionDayDraft;
import org.rencontres.notification.QueuedMails;
import org.rencontres.security.Accounts;
import org.rencontres.security.NewAccount;
import org.rencontres.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The organiser cancels a session with the keyboard alone, reads how many people will be told, confirms; each
 * registrant is e-mailed and their space says the session is cancelled, with the organiser's message and no
 * convocation. axe-core checks the pages on the way.
 */
class SessionCancellationBrowserTest extends BrowserTest {

    private static final String PASSWORD = "correct horse battery";

    @Autowired Days days;
    @Autowired Accounts accounts;
    @Autowired Registrations registrations;
    @Autowired JdbcClient jdbc;

    @Test
    void the_organiser_cancels_with_the_keyboard_and_both_registrants_spaces_say_so() throws Exception {
        long n = System.nanoTime() % 100_000_000;
        SessionCode code = new SessionCode("ZCAN " + n);
        long dayId = days.create(new DayDraft(code, "Journée à annuler", null, null, List.of(new SessionDayDraft(
                LocalDate.now().plusMonths(2), LocalTime.of(9, 0), LocalTime.of(17, 0))), "Une journée de test.", null,
                null, null, false, null, null, null, List.of(), List.of(), List.of()));
        days.changeStatus(dayId, DayStatus.PUBLISHED);
        registrations.setCapacity(new Capacity(dayId, 10, 48, false));
        List<String> agents = List.of("ines" + n + "@annulation.test", "emile" + n + "@annulation.test");
        for (String email : agents) {
            long id = registrations.request(dayId, new RequestDraft("Agent", "Prénom", email, "01 60 79 74 00",
                    "Chargée de mission", null, "Commune d'Annulation", null, null, null, Instant.now()));
            registrations.advance(id, "Test", null);
            registrations.advance(id, "Test", null);
        }
        registrations.confirm(registrations.ofDay(dayId).get(0).id(), "Test");
        String organiser = "annulation." + n + "@cnfpt.fr";
        accounts.create(new NewAccount(organiser, "Odile Annulation", Role.ORGANISER, null, PASSWORD));

        browser.get(url("/connexion"));
        type("courriel", organiser);
        type("motdepasse", PASSWORD);
        browser.findElement(By.id("motdepasse")).sendKeys(Keys.ENTER);
        waitForText(By.tagName("h1"), "Vos journées");

        browser.get(url("/admin/journees/" + code.slug()));
        waitForText(By.tagName("h1"), "Journée à annuler");
        tabTo(e -> "a".equals(e.getTagName()) && e.getText().equals("Annuler la journée")).sendKeys(Keys.ENTER);
        waitForText(By.tagName("h1"), "Annuler la journée");
        assertThat(browser.findElement(By.id("personnes-prevenues")).getText())
                .isEqualTo("2 personnes inscrites seront prévenues par courriel.");
        BrowserSupport.assertAccessible(browser);
        tabTo(e -> "message".equals(e.getAttribute("id"))).sendKeys("La salle est fermée pour travaux.");
        tabTo(e -> "button".equals(e.getTagName()) && e.getText().equals("Annuler la journée")).sendKeys(Keys.ENTER);
        waitForText(By.tagName("h1"), "Journée à annuler");
        assertThat(days.find(dayId).orElseThrow().status()).isEqualTo(DayStatus.CANCELLED);

        QueuedMails outbox = new QueuedMails(jdbc);
        for (String email : agents) {
            assertThat(outbox.to(email, "Journée annulée")).as(email).hasSize(1);
            browser.get(url(AgentSpaces.pathOf(jdbc, email)));
            waitForText(By.tagName("h1"), "Mon inscription");
            assertThat(browser.findElement(By.id("annulation")).getText()).as(email)
                    .contains("Session annulée", "La salle est fermée pour travaux.");
            assertThat(browser.findElements(By.id("etat"))).as(email).isEmpty();
            assertThat(browser.findElements(By.partialLinkText("convocation"))).as(email).isEmpty();
            BrowserSupport.assertAccessible(browser);
        }
    }

    /** Presses Tab from the top of the page until the focused element is the one sought, and returns it. */
    private WebElement tabTo(Predicate<WebElement> sought) {
        for (int i = 0; i < 200; i++) {
            WebElement focused = browser.switchTo().activeElement();
            if (i > 0 && sought.test(focused)) {
                return focused;
            }
            focused.sendKeys(Keys.TAB);
        }
        throw new AssertionError("Tab never reached the element sought");
    }
}
