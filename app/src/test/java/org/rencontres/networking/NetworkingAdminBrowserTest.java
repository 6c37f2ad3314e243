package org.rencontres.networking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rencontres.BrowserSupport;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.event.DayDraft;
import org.rencontres.event.SessionDayDraft;
import org.rencontres.event.Days;
import org.rencontres.event.SessionCode;
import org.rencontres.programme.Programmes;
import org.rencontres.programme.SlotDraft;
import org.rencontres.programme.SlotKind;
import org.rencontres.security.Accounts;
import org.rencontres.security.NewAccount;
import org.rencontres.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The rotation form in a real headless Chromium: reached from the programme editor, filled from the
 * keyboard, with and without errors, and free of axe-core violations at WCAG A/AA.
 */
@RencontresIntegrationTest
class NetworkingAdminBrowserTest {

    private static final String PASSWORD = "correct horse battery";
    private static ChromeDriver browser;

    @LocalServerPort int port;
    @Autowired Days days;
    @Autowired Accounts accounts;
    @Autowired Programmes programmes;
    @Autowired NetworkingSessions sessions;

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = BrowserSupport.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    @Test
    void an_organiser_sets_up_the_rotation_from_the_keyboard_and_the_form_is_accessible() {
        String unit = "INSET du navigateur réseau " + System.nanoTime();
        SessionCode code = new SessionCode("ZNAR " + System.nanoTime() % 100_000);
        long dayId = days.create(new DayDraft(code, "Journée au navigateur", null, null, List.of(new SessionDayDraft(LocalDate.of(2031, 9, 25), LocalTime.of(9, 0), LocalTime.of(17, 0))), "Test.", null, null, null, false, null, unit, null,
                List.of(), List.of(), List.of()));
        long slotId = programmes.addSlot(dayId, new SlotDraft(days.days(dayId).orElseThrow().first().id(), LocalTime.of(12, 45), LocalTime.of(14, 0),
                SlotKind.NETWORKING, null, "Speed dating", null, null, false, false, List.of(), List.of()));
        String email = "navigateur.reseau." + System.nanoTime() + "@cnfpt.fr";
        accounts.create(new NewAccount(email, "Nina Navigatrice", Role.ORGANISER, unit, PASSWORD));

        browser.get(url("/connexion"));
        type("courriel", email);
        type("motdepasse", PASSWORD);
        browser.findElement(By.id("motdepasse")).sendKeys(Keys.ENTER);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        wait.until(ExpectedConditions.urlContains("/admin"));

        browser.get(url("/admin/journees/" + code.slug() + "/programme"));
        browser.findElement(By.partialLinkText("Speed dating : règles et thèmes")).click();
        String page = "/admin/journees/" + code.slug() + "/reseautage/" + slotId;
        wait.until(ExpectedConditions.urlToBe(url(page)));
        BrowserSupport.assertAccessible(browser);

        // A longest rotation shorter than the shortest: the message sits next to the field.
        type("rotationMin", "12");
        type("rotationMax", "10");
        type("themes", "Formation\nExpatriation");
        browser.findElement(By.id("rotationMax")).sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".error-summary")));
        assertThat(browser.findElement(By.id("rotationMax-erreur")).getText())
                .isEqualTo("La durée maximale doit être au moins égale à la durée minimale (12 minutes).");
        assertThat(browser.findElement(By.id("themes")).getAttribute("value")).isEqualTo("Formation\nExpatriation");
        assertThat(sessions.ofSlot(dayId, slotId)).isEmpty();
        BrowserSupport.assertAccessible(browser);

        type("rotationMax", "15");
        browser.findElement(By.id("rotationMax")).sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[role=status]")));
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText())
                .isEqualTo("Le speed dating est enregistré.");
        NetworkingSession saved = sessions.ofSlot(dayId, slotId).orElseThrow();
        assertThat(saved.rotationMinMinutes()).isEqualTo(12);
        assertThat(saved.rotationMaxMinutes()).isEqualTo(15);
        assertThat(saved.themes()).containsExactly("Formation", "Expatriation");
        BrowserSupport.assertAccessible(browser);
        the_current_page_of_a_sub_navigation_shows_itself_without_colour();
    }

    /** RGAA 3.1: the sub-navigation's current page is bold and underlined, not told by aria-current alone. */
    private void the_current_page_of_a_sub_navigation_shows_itself_without_colour() {
        org.openqa.selenium.WebElement current = browser.findElement(By.cssSelector("main nav [aria-current=page]"));
        org.openqa.selenium.WebElement other = browser.findElement(By.cssSelector("main nav a:not([aria-current])"));
        assertThat(Integer.parseInt(current.getCssValue("font-weight"))).isGreaterThanOrEqualTo(700);
        assertThat(Integer.parseInt(other.getCssValue("font-weight"))).isLessThan(700);
        assertThat(current.getCssValue("text-decoration-thickness")).isNotEqualTo(other.getCssValue("text-decoration-thickness"));
    }
}
