package org.rencontres.networking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rencontres.BrowserSupport;
import org.rencontres.BrowserTest;
import org.rencontres.event.Days;
import org.rencontres.programme.Programmes;
import org.rencontres.security.Accounts;
import org.rencontres.security.NewAccount;
import org.rencontres.security.Role;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The live screens in a real headless Chromium: the conductor screen counts down, the projector and
 * a participant's page switch round together, a page reloaded mid-round shows the right second, and
 * both pages are free of axe-core violations at WCAG A/AA.
 */
class LiveBrowserTest extends BrowserTest {

    private static final String PASSWORD = "correct horse battery";
    private static final LiveActor WHO = new LiveActor(null, "Test du navigateur");

    @Autowired Days days;
    @Autowired Programmes programmes;
    @Autowired NetworkingSessions rotations;
    @Autowired LiveSessions live;
    @Autowired Accounts accounts;

    private LiveFixture fixture;

    @BeforeEach
    void signedInOrganiserOfAPreparedRotation() {
        fixture = LiveFixture.create(days, programmes, rotations, live, 600, 60);
        String email = "navigateur.direct." + System.nanoTime() + "@cnfpt.fr";
        accounts.create(new NewAccount(email, "Nadia Direct", Role.ORGANISER, fixture.unit(), PASSWORD));
        browser.manage().deleteAllCookies();
        browser.get(url("/connexion"));
        type("courriel", email);
        type("motdepasse", PASSWORD);
        browser.findElement(By.id("motdepasse")).sendKeys(Keys.ENTER);
        patiently().until(ExpectedConditions.urlContains("/admin"));
    }

    private int shownSeconds() {
        String[] clock = browser.findElement(By.id("live-clock")).getText().split(":");
        return Integer.parseInt(clock[0]) * 60 + Integer.parseInt(clock[1]);
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(15), Duration.ofMillis(100));
    }

    @Test
    void the_conductor_screen_counts_down_and_is_accessible() {
        browser.get(url(fixture.screenPath()));
        waitForText(By.id("live-heading"), "Bientôt : tour 1 sur 3");
        BrowserSupport.assertAccessible(browser);
        projected_screens_reflow_at_320_px();
        live.start(fixture.sessionId(), WHO);
        waitForText(By.id("live-heading"), "Tour 1 sur 3");
        waitForText(By.id("live-phase"), "En cours");
        waiting().until(d -> shownSeconds() <= 598);
        assertThat(shownSeconds()).isGreaterThan(590);
        // The big clock is hidden from screen readers; the polite region speaks on the minute only.
        assertThat(browser.findElement(By.id("live-clock")).getAttribute("aria-hidden")).isEqualTo("true");
        assertThat(browser.findElement(By.id("live-announce")).getAttribute("aria-live")).isEqualTo("polite");
        assertThat(browser.findElement(By.id("live-sound")).isDisplayed()).isTrue();
        BrowserSupport.assertAccessible(browser);
    }

    /**
     * RGAA 10.11, 12.7, 12.1: the conductor screen has a skip link and the site's footer, and at 320 px its tables
     * and clock fit without scrolling sideways.
     */
    private void projected_screens_reflow_at_320_px() {
        assertThat(browser.findElement(By.cssSelector("a.skip-link")).getAttribute("href")).endsWith("#direct");
        assertThat(browser.findElement(By.id("etat-accessibilite")).getText()).startsWith("Accessibilité");
        BrowserSupport.assertReflowsAt320(browser);
    }

    /** RGAA 7.5: the phone controls announce a change of round in a polite region, as the conductor screen does. */
    @Test
    void the_phone_controls_announce_like_the_conductor_screen() {
        browser.get(url(fixture.screenPath() + "/commandes"));
        waitForText(By.id("live-heading"), "Bientôt : tour 1 sur 3");
        WebElement announce = browser.findElement(By.id("live-announce"));
        assertThat(announce.getAttribute("aria-live")).isEqualTo("polite");
        assertThat(announce.getAttribute("textContent")).isEmpty();
        BrowserSupport.assertAccessible(browser);
        live.start(fixture.sessionId(), WHO);
        waitForText(By.id("live-heading"), "Tour 1 sur 3");
        waiting().until(d -> d.findElement(By.id("live-announce")).getAttribute("textContent").startsWith("Tour 1 sur 3."));
        BrowserSupport.assertAccessible(browser);
    }

    @Test
    void the_projector_and_a_personal_page_switch_round_together() {
        live.start(fixture.sessionId(), WHO);
        browser.get(url(fixture.screenPath()));
        waitForText(By.id("live-heading"), "Tour 1 sur 3");
        String projector = browser.getWindowHandle();
        browser.switchTo().newWindow(WindowType.TAB);
        browser.get(url(fixture.personalPath("p2")));
        waitForText(By.id("live-heading"), "Tour 1 sur 3");
        // The page redraws itself when its first live message arrives: wait for the text rather than read an
        // element that may be replaced between finding and reading it.
        waiting().ignoring(StaleElementReferenceException.class).until(d ->
                "Table A".equals(d.findElement(By.cssSelector("#seat-now .live-table-name")).getText()));
        BrowserSupport.assertAccessible(browser);
        String personal = browser.getWindowHandle();
        waiting().until(d -> "RUNNING".equals(d.findElement(By.id("direct")).getAttribute("data-status")));

        live.nextRound(fixture.sessionId(), WHO);
        waitForText(By.id("live-heading"), "Tour 2 sur 3");
        waitForText(By.cssSelector("#seat-now .live-table-name"), "Table B");
        waitForText(By.cssSelector("#seat-next .live-table-name"), "Table A");
        browser.switchTo().window(projector);
        waitForText(By.id("live-heading"), "Tour 2 sur 3");
        waitForText(By.id("live-tables-heading"), "Tables du tour 2");
        List<String> firstTable = browser.findElements(By.cssSelector(".live-table")).get(0)
                .findElements(By.cssSelector(".live-seats li")).stream().map(e -> e.getText()).toList();
        assertThat(firstTable).containsExactly("Participant 1", "Participant 4", "Participant 5");
        // The round change was announced politely and signalled.
        assertThat(browser.findElement(By.id("live-announce")).getAttribute("textContent")).startsWith("Tour 2 sur 3.");
        browser.switchTo().window(personal).close();
        browser.switchTo().window(projector);
    }

    @Test
    void a_page_reloaded_mid_round_resumes_at_the_right_second() {
        live.start(fixture.sessionId(), WHO);
        live.addTime(fixture.sessionId(), WHO, 300);
        browser.get(url(fixture.personalPath("p5")));
        waitForText(By.id("live-heading"), "Tour 1 sur 3");
        browser.navigate().refresh();
        waitForText(By.id("live-heading"), "Tour 1 sur 3");
        long expected = live.state(fixture.sessionId()).orElseThrow().secondsLeft();
        assertThat((long) shownSeconds()).isBetween(expected - 2, expected + 2);
        // Paused, every screen freezes at the same second.
        LiveState paused = live.pause(fixture.sessionId(), WHO);
        waitForText(By.id("live-phase"), "En pause");
        browser.navigate().refresh();
        waitForText(By.id("live-phase"), "En pause");
        assertThat((long) shownSeconds()).isEqualTo(paused.secondsLeft());
    }
}
