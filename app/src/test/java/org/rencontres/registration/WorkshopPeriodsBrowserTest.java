package org.rencontres.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.rencontres.BrowserSupport;
import org.rencontres.BrowserTest;
import org.rencontres.event.DayDraft;
import org.rencontres.event.SessionDayDraft;
import org.rencontres.event.DayStatus;
import org.rencontres.event.Days;
import org.rencontres.event.SessionCode;
import org.rencontres.programme.Programmes;
import org.rencontres.programme.SlotDraft;
import org.rencontres.programme.SlotKind;
import org.rencontres.security.Accounts;
import org.rencontres.security.NewAccount;
import org.rencontres.security.Role;
import org.rencontres.workshops.WorkshopDraft;
import org.rencontres.workshops.Workshops;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The pages of a day with two workshop periods in Chromium with axe: the request form's groups of
 * choices (and their errors), the organiser's allocation in two sections, computed and adjusted with
 * the keyboard.
 */
class WorkshopPeriodsBrowserTest extends BrowserTest {

    private static final String PASSWORD = "correct horse battery";

    @Autowired Days days;
    @Autowired Programmes programmes;
    @Autowired Workshops workshops;
    @Autowired Registrations registrations;
    @Autowired Accounts accounts;

    private long dayId;
    private String slug;
    private String organiserEmail;
    private final List<Long> people = new ArrayList<>();
    private long mirror;

    @BeforeEach
    void aDayWithTwoPeriodsAndThreeParticipants() {
        long n = System.nanoTime() % 100_000_000;
        SessionCode code = new SessionCode("ZPNB " + n);
        slug = code.slug();
        String unit = "INSET des périodes au navigateur " + n;
        dayId = days.create(new DayDraft(code, "Journée à deux temps d'ateliers", null, null, List.of(new SessionDayDraft(LocalDate.now().plusMonths(4), LocalTime.of(9, 0), LocalTime.of(17, 0))), "Une journée de test.", null,
                null, null, false, null, unit, null, List.of(), List.of(), List.of()));
        days.changeStatus(dayId, DayStatus.PUBLISHED);
        registrations.setCapacity(new Capacity(dayId, 20, 48, false));
        long morning = programmes.addSlot(dayId, new SlotDraft(days.days(dayId).orElseThrow().first().id(), LocalTime.of(9, 30), LocalTime.of(12, 0),
                SlotKind.WORKSHOP, null, "État de l'art", null, null, false, false, List.of(), List.of()));
        long afternoon1 = programmes.addSlot(dayId, new SlotDraft(days.days(dayId).orElseThrow().first().id(), LocalTime.of(14, 30), LocalTime.of(16, 0),
                SlotKind.WORKSHOP, "Ateliers participatifs", "Le document idéal", null, "Atelier n°1", false, false,
                List.of(), List.of()));
        long afternoon2 = programmes.addSlot(dayId, new SlotDraft(days.days(dayId).orElseThrow().first().id(), LocalTime.of(14, 30), LocalTime.of(16, 0),
                SlotKind.WORKSHOP, "Ateliers participatifs", "Mobilité", null, "Atelier n°2", false, false,
                List.of(), List.of()));
        long a = workshops.add(dayId, new WorkshopDraft(morning, 1, "Coopération", null, null, 2, null));
        long b = workshops.add(dayId, new WorkshopDraft(morning, 2, "Citoyenneté", null, null, null, null));
        mirror = workshops.add(dayId, new WorkshopDraft(afternoon1, 3, "Bright Mirror", null, null, 1, null));
        long mobility = workshops.add(dayId, new WorkshopDraft(afternoon2, 4, "Mobilité", null, null, null, null));
        for (int i = 0; i < 3; i++) {
            long id = registrations.request(dayId, new RequestDraft("Navigateur" + i, "Agent",
                    "periodes." + System.nanoTime() + "@test.fr", "01 60 79 74 00", "Juriste", null, "Commune " + i,
                    null, null, null, Instant.now()), "fr", null, List.of(i == 2 ? b : a, mirror, mobility));
            registrations.advance(id, "orga@cnfpt.fr", null);
            registrations.advance(id, "orga@cnfpt.fr", null);
            registrations.confirm(id, "orga@cnfpt.fr");
            people.add(id);
        }
        organiserEmail = "periodes.navigateur." + n + "@cnfpt.fr";
        accounts.create(new NewAccount(organiserEmail, "Paule Périodes", Role.ORGANISER, unit, PASSWORD));
    }

    @AfterEach
    void unpublish() {
        days.changeStatus(dayId, DayStatus.DRAFT);
    }

    @Test
    void the_request_form_with_two_periods_is_accessible_with_its_errors() {
        browser.manage().deleteAllCookies();
        browser.get(url("/journees/" + slug + "/inscription"));
        assertThat(browser.findElements(By.cssSelector("fieldset.workshop-slot"))).hasSize(2);
        BrowserSupport.assertAccessible(browser);
        type("nom", "Clavier");
        browser.findElement(By.id("nom")).sendKeys(Keys.ENTER);
        waitFor(By.cssSelector(".error-summary"));
        assertThat(browser.findElement(By.id("atelier2-1-erreur")).getText()).startsWith("Choisissez au moins un atelier");
        BrowserSupport.assertAccessible(browser);
    }

    @Test
    void the_allocation_in_two_sections_is_accessible_and_used_with_the_keyboard() {
        browser.manage().deleteAllCookies();
        browser.get(url("/connexion"));
        type("courriel", organiserEmail);
        type("motdepasse", PASSWORD);
        browser.findElement(By.id("motdepasse")).sendKeys(Keys.ENTER);
        patiently().until(ExpectedConditions.urlContains("/admin"));

        String base = "/admin/journees/" + slug + "/ateliers/repartition";
        browser.get(url(base + "/calcul"));
        browser.findElement(By.cssSelector("main form button[type=submit]")).sendKeys(Keys.ENTER);
        waitFor(By.cssSelector("[role=status]"));
        assertThat(browser.findElements(By.cssSelector("section.allocation-slot"))).hasSize(2);
        // Afternoon: all three want the mirror first, which has one seat.
        assertThat(browser.findElement(By.id("profil-2")).getText()).contains("1 a son premier choix, 2 leur deuxième");
        BrowserSupport.assertAccessible(browser);

        // Someone given the mobility in the afternoon moves to the mirror (over its capacity).
        long third = people.stream().filter(id -> !browser.findElement(By.cssSelector("#participant-" + id + "-2 .given"))
                .getText().equals("3. Bright Mirror")).findFirst().orElseThrow();
        String row = "participant-" + third + "-2";
        new Select(browser.findElement(By.id("atelier-" + third + "-2"))).selectByValue(String.valueOf(mirror));
        browser.findElement(By.cssSelector("#" + row + " button[type=submit]")).sendKeys(Keys.ENTER);
        waitForText(By.cssSelector("[role=status]"), "est maintenant dans l'atelier n°3");
        assertThat(browser.getCurrentUrl()).endsWith("#" + row);
        assertThat(browser.findElement(By.cssSelector("#" + row + " .given")).getText()).isEqualTo("3. Bright Mirror");
        BrowserSupport.assertAccessible(browser);
    }
}
