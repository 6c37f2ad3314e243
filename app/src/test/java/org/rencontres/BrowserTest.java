package org.rencontres;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A test class that drives one headless Chromium (see {@link BrowserSupport}) against the application. */
@RencontresIntegrationTest
public abstract class BrowserTest {

    protected static ChromeDriver browser;

    @LocalServerPort protected int port;

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = BrowserSupport.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Waits (15 s at most) until an element is on the page, after a click that loads another page. */
    protected WebElement waitFor(By locator) {
        return patiently().until(ExpectedConditions.presenceOfElementLocated(locator));
    }

    /** Waits (15 s at most) until an element shows that text, after a click that loads another page. */
    protected void waitForText(By locator, String text) {
        patiently().until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
    }

    /**
     * A wait of 15 s that reads again when the page is replaced under it: while the next page loads, Chromium may
     * answer "Node with given id does not belong to the document" (a plain WebDriverException, not a stale element),
     * which the wait must treat as "not yet" rather than as a failure.
     */
    protected static WebDriverWait patiently() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        wait.ignoring(StaleElementReferenceException.class);
        wait.ignoring(WebDriverException.class);
        return wait;
    }

    /** The accessibility check of the current page (axe at WCAG A/AA, label in name): see {@link BrowserSupport}. */
    protected static void assertAccessible() {
        BrowserSupport.assertAccessible(browser);
    }

    /** Types into the field of that id, replacing what it held. */
    protected void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }
}
