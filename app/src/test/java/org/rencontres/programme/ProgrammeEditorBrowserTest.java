package org.rencontres.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rencontres.BrowserSupport;
import org.rencontres.BrowserTest;
import org.rencontres.event.DayDraft;
import org.rencontres.event.SessionDayDraft;
import org.rencontres.event.Days;
import org.rencontres.event.SessionCode;
import org.rencontres.security.Accounts;
import org.rencontres.security.NewAccount;
import org.rencontres.security.Role;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The programme editor in a real headless Chromium, with htmx at work: an organiser adds a slot
 * from the keyboard, the list is updated in place and the focus lands on the confirmation; the
 * editor, its error state and the slot page have no axe-core violation at WCAG A/AA.
 */
class ProgrammeEditorBrowserTest extends BrowserTest {

    private static final String PASSWORD = "correct horse battery";

    @Autowired Days days;
    @Autowired Accounts accounts;
    @Autowired Programmes programmes;

    @Test
    void an_organiser_adds_a_slot_from_the_keyboard_and_the_editor_is_accessible() {
        String unit = "INSET du navigateur " + System.nanoTime();
        SessionCode code = new SessionCode("ZNAV " + System.nanoTime() % 100_000);
        long dayId = days.create(new DayDraft(code, "Journée au navigateur", null, null, List.of(new SessionDayDraft(LocalDate.of(2031, 9, 18), LocalTime.of(9, 0), LocalTime.of(17, 0))), "Test.", null, null, null, false, null, unit, null,
                List.of(), List.of(), List.of()));
        String email = "navigateur." + System.nanoTime() + "@cnfpt.fr";
        accounts.create(new NewAccount(email, "Nina Navigatrice", Role.ORGANISER, unit, PASSWORD));

        browser.get(url("/connexion"));
        type("courriel", email);
        type("motdepasse", PASSWORD);
        browser.findElement(By.id("motdepasse")).sendKeys(Keys.ENTER);
        patiently().until(ExpectedConditions.urlContains("/admin"));

        String editor = "/admin/journees/" + code.slug() + "/programme";
        browser.get(url(editor));
        BrowserSupport.assertAccessible(browser);

        type("debut", "9h");
        type("fin", "9h30");
        browser.findElement(By.id("nature")).sendKeys("Accueil");
        type("titre", "Accueil des participants");
        browser.findElement(By.id("titre")).sendKeys(Keys.ENTER);

        WebDriverWait wait = patiently();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".editor-slots"),
                "Accueil des participants"));
        WebElement focused = browser.switchTo().activeElement();
        assertThat(focused.getAttribute("role")).isEqualTo("status");
        assertThat(focused.getText()).isEqualTo("Le créneau « Accueil des participants » est ajouté.");
        assertThat(browser.getCurrentUrl()).endsWith(editor);
        assertThat(programmes.programmeOf(dayId).slots()).extracting(Slot::title).containsExactly("Accueil des participants");
        assertThat(browser.findElement(By.id("titre")).getAttribute("value")).isEmpty();
        BrowserSupport.assertAccessible(browser);

        // A slot that overlaps the first: the summary of errors gets the focus, the typed values stay.
        type("debut", "9h15");
        type("fin", "10h");
        browser.findElement(By.id("nature")).sendKeys("Exposé");
        type("titre", "Exposé trop tôt");
        browser.findElement(By.id("titre")).sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".error-summary")));
        assertThat(browser.switchTo().activeElement().getAttribute("class")).contains("error-summary");
        assertThat(browser.findElement(By.id("debut-erreur")).getText()).contains("chevauche « Accueil des participants »");
        assertThat(browser.findElement(By.id("titre")).getAttribute("value")).isEqualTo("Exposé trop tôt");
        assertThat(programmes.programmeOf(dayId).slots()).hasSize(1);
        BrowserSupport.assertAccessible(browser);

        // A control character pasted into a quick edit: the server refuses it (400) and htmx swaps nothing;
        // the refusal is shown at the top of the page and takes the focus, the typed values stay.
        type("debut", "11h");
        type("fin", "11h30");
        ((JavascriptExecutor) browser).executeScript(
                "document.getElementById('titre').value = 'Pause\u0001café';");
        browser.findElement(By.id("titre")).sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("htmx-refusal")));
        WebElement refusal = browser.findElement(By.id("htmx-refusal"));
        assertThat(refusal.getAttribute("role")).isEqualTo("alert");
        assertThat(refusal.getText()).contains("Demande incorrecte").contains("titre").contains("caractère invisible");
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("htmx-refusal");
        assertThat(browser.findElement(By.id("titre")).getAttribute("value")).isEqualTo("Pause\u0001café");
        assertThat(programmes.programmeOf(dayId).slots()).hasSize(1);
        BrowserSupport.assertAccessible(browser);

        browser.findElement(By.cssSelector(".editor-actions a")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("fiche")));
        BrowserSupport.assertAccessible(browser);
    }
}
