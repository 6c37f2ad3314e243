package org.rencontres.daypage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.rencontres.BrowserSupport;
import org.rencontres.BrowserTest;

/**
 * The demo day's page in a real headless Chromium: content, keyboard path (skip link first),
 * no axe-core violation at WCAG A/AA, and a screenshot in app/target/screenshots/.
 * Skips itself only where no Chromium is installed and CI is not set.
 */
class DayPageBrowserTest extends BrowserTest {

    @Test
    void the_demo_day_is_complete_and_readable() {
        browser.get(url("/journees/Z20IN001"));

        assertThat(browser.getTitle()).startsWith("Nouveaux mandats, nouvelles perspectives");
        assertThat(browser.findElement(By.cssSelector(".day-header .session-code")).getText()).isEqualTo("Z20IN 001");
        List<String> times = browser.findElements(By.cssSelector(".timeline time")).stream()
                .map(WebElement::getText).toList();
        assertThat(times).contains("9h30", "10h", "10h15", "11h15", "12h15", "12h30", "12h45", "14h", "14h30", "16h",
                "16h15", "16h30");
        String networking = browser.findElement(By.cssSelector("section.networking")).getText();
        assertThat(networking).contains("Rencontres par groupes de 6 personnes par rotation de 10 à 12 min",
                "ODD, FICOL, Cadre juridique et AICT", "Déclaration de l'APD");
        String contacts = browser.findElement(By.id("contact")).getText()
                + browser.findElement(By.id("inscription")).getText();
        assertThat(contacts).contains("06 16 95 88 75", "emmanuel.thouary@cnfpt.fr", "03 83 19 22 20",
                "magali.belot@cnfpt.fr");
        // Family names are capitalised by style only: the text itself stays as written.
        assertThat(browser.findElement(By.cssSelector(".family-name")).getText()).isEqualTo("PORNET RIVOIRE");
    }

    @Test
    void the_keyboard_reaches_the_skip_link_first_and_it_leads_to_the_content() {
        browser.get(url("/journees/Z20IN001"));

        new Actions(browser).sendKeys(Keys.TAB).perform();
        WebElement first = browser.switchTo().activeElement();
        assertThat(first.getAttribute("class")).contains("skip-link");
        assertThat(first.getText()).isEqualTo("Aller au contenu");
        assertThat(first.getCssValue("outline-style")).isNotEqualTo("none");
        assertThat(first.isDisplayed()).isTrue();

        new Actions(browser).sendKeys(Keys.ENTER).perform();
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("contenu");
        new Actions(browser).sendKeys(Keys.TAB).perform();
        WebElement inContent = browser.switchTo().activeElement();
        assertThat(inContent.getText()).isEqualTo("Ajouter à mon agenda (fichier .ics)");
        assertThat(inContent.getCssValue("outline-style")).isNotEqualTo("none");
    }

    @Test
    void no_accessibility_violation_at_levels_a_and_aa() throws Exception {
        for (String path : List.of("/journees/Z20IN001", "/", "/accessibilite", "/journees/INCONNU", "/connexion?erreur")) {
            browser.get(url(path));
            BrowserSupport.assertAccessible(browser);
        }
    }

    @Test
    void the_paper_version_drops_navigation_and_buttons() {
        browser.get(url("/journees/Z20IN001"));
        browser.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", "print"));
        try {
            assertThat(browser.findElement(By.cssSelector(".day-actions")).isDisplayed()).isFalse();
            assertThat(browser.findElement(By.cssSelector("nav.toc")).isDisplayed()).isFalse();
            assertThat(browser.findElement(By.cssSelector(".timeline")).isDisplayed()).isTrue();
            assertThat(browser.findElement(By.id("contact")).isDisplayed()).isTrue();
        } finally {
            browser.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", ""));
        }
    }

    @Test
    void a_screenshot_of_the_whole_page_is_kept() throws Exception {
        browser.get(url("/journees/Z20IN001"));
        Number height = (Number) ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, height.intValue()));
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", "screenshots", "journee-Z20IN001.png");
        Files.createDirectories(target.getParent());
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
        assertThat(Files.size(target)).isGreaterThan(10_000);
    }
}
