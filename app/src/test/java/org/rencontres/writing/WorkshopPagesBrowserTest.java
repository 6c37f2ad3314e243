package org.rencontres.writing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.rencontres.BrowserSupport;
import org.rencontres.BrowserTest;
import org.rencontres.attendance.Attendances;
import org.rencontres.attendance.CheckIn;
import org.rencontres.attendance.HalfDay;
import org.rencontres.event.Days;
import org.rencontres.programme.Programmes;
import org.rencontres.registration.Registrations;
import org.rencontres.security.Accounts;
import org.rencontres.workshops.Workshops;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The organiser's workshop pages in Chromium with axe: the allocation (computed from the confirmation
 * page, then its draft with the rank profile), the small groups (a refused form, then a split of the
 * present participants) and the collective-writing list, all reached and submitted with the keyboard.
 */
class WorkshopPagesBrowserTest extends BrowserTest {

    @Autowired Days days;
    @Autowired Programmes programmes;
    @Autowired Workshops workshops;
    @Autowired Registrations registrations;
    @Autowired Accounts accounts;
    @Autowired Attendances attendances;

    private WritingFixture fixture;

    @BeforeEach
    void signedInOrganiser() {
        fixture = WritingFixture.create(days, programmes, workshops, registrations, accounts, 3);
        for (java.util.List<Long> people : fixture.participants()) {
            for (long id : people) {
                attendances.checkIn(fixture.dayId(), id, CheckIn.plain(HalfDay.MORNING, "Accueil"));
            }
        }
        browser.manage().deleteAllCookies();
        browser.get(url("/connexion"));
        type("courriel", fixture.organiserEmail());
        type("motdepasse", WritingFixture.PASSWORD);
        browser.findElement(By.id("motdepasse")).sendKeys(Keys.ENTER);
        patiently().until(ExpectedConditions.urlContains("/admin"));
    }

    @Test
    void the_allocation_pages_are_accessible() {
        String base = "/admin/journees/" + fixture.slug() + "/ateliers/repartition";
        browser.get(url(base));
        BrowserSupport.assertAccessible(browser);
        browser.get(url(base + "/calcul"));
        BrowserSupport.assertAccessible(browser);
        browser.findElement(By.cssSelector("main form button[type=submit]")).sendKeys(Keys.ENTER);
        waitFor(By.cssSelector("[role=status]"));
        assertThat(browser.getPageSource()).contains("leur premier choix");
        BrowserSupport.assertAccessible(browser);
    }

    @Test
    void the_groups_and_writing_pages_are_accessible() {
        String groups = "/admin/journees/" + fixture.slug() + "/ecriture/groupes";
        browser.get(url(groups));
        BrowserSupport.assertAccessible(browser);
        type("titre", "État de l'art en petits groupes");
        type("taille", "abc");
        browser.findElement(By.id("taille")).sendKeys(Keys.ENTER);
        waitFor(By.cssSelector(".error-summary"));
        BrowserSupport.assertAccessible(browser);
        type("taille", "2");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("demi-journee"))).selectByValue("matin");
        browser.findElement(By.id("taille")).sendKeys(Keys.ENTER);
        waitForText(By.cssSelector("main"), "Groupes créés");
        assertThat(browser.findElement(By.cssSelector("main")).getText()).contains("3 groupes, 6 personnes");
        BrowserSupport.assertAccessible(browser);

        // Someone confirmed and marked present after the split: listed, and added with the keyboard.
        long late = registrations.request(fixture.dayId(), new org.rencontres.registration.RequestDraft("Tardif",
                "Agent", "tardif." + System.nanoTime() + "@test.fr", "01 60 79 74 00", "Juriste", null, "Commune 7",
                null, null, null, java.time.Instant.parse("2016-01-10T10:00:00Z")), "fr", null,
                java.util.List.of(fixture.workshops().get(0).id()));
        registrations.advance(late, "orga@cnfpt.fr", null);
        registrations.advance(late, "orga@cnfpt.fr", null);
        registrations.confirm(late, "orga@cnfpt.fr");
        attendances.checkIn(fixture.dayId(), late, CheckIn.plain(HalfDay.MORNING, "Accueil"));
        browser.get(url(groups));
        assertThat(browser.findElement(By.cssSelector(".writing-groups-late")).getText()).contains("Agent Tardif");
        BrowserSupport.assertAccessible(browser);
        browser.findElement(By.cssSelector(".writing-groups-late button")).sendKeys(Keys.ENTER);
        waitForText(By.cssSelector("main"), "sont ajoutées aux groupes");
        assertThat(browser.findElements(By.cssSelector(".writing-groups-late"))).isEmpty();
        assertThat(browser.findElement(By.cssSelector("main")).getText()).contains("3 groupes, 7 personnes");
        browser.get(url("/admin/journees/" + fixture.slug() + "/ecriture"));
        assertThat(browser.findElements(By.cssSelector("table.writing-documents tbody tr"))).hasSize(5);
        BrowserSupport.assertAccessible(browser);
    }
}
