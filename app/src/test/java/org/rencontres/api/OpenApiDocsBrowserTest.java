package org.rencontres.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.rencontres.BrowserTest;

/**
 * The readable page of the OpenAPI document works in a real Chromium under the application's Content-Security-Policy:
 * it lists the operations, and "Try it out" calls the API and shows its answer.
 */
class OpenApiDocsBrowserTest extends BrowserTest {

    @Test
    void the_page_lists_the_operations_and_tries_one() {
        browser.get(url("/api/v1/docs"));

        waitForText(By.cssSelector(".information-container"), "Rencontres");
        List<String> paths = browser.findElements(By.cssSelector(".opblock-summary-path")).stream()
                .map(WebElement::getText).map(t -> t.replace("\u200b", "")).toList();
        assertThat(paths).contains("/api/v1/journees", "/api/v1/journees/{code}");

        browser.findElements(By.cssSelector(".opblock-summary")).stream()
                .filter(e -> e.getText().replace("\u200b", "").contains("/api/v1/journees/{code}"))
                .findFirst().orElseThrow().click();
        // springdoc.swagger-ui.try-it-out-enabled: the form is open at once, with the documented example.
        waitFor(By.cssSelector(".btn.execute")).click();
        try {
            waitFor(By.cssSelector(".live-responses-table"));
        } catch (RuntimeException e) {
            throw new AssertionError("no answer shown: " + browser.findElement(By.cssSelector(".opblock.is-open")).getText(), e);
        }
        String answer = browser.findElement(By.cssSelector(".live-responses-table")).getText();
        assertThat(answer).contains("200", "Z20IN 001");
    }
}
