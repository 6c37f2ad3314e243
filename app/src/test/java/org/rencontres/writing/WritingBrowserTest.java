package org.rencontres.writing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rencontres.BrowserSupport;
import org.rencontres.BrowserTest;
import org.rencontres.RencontresApplication;
import org.rencontres.event.Days;
import org.rencontres.programme.Programmes;
import org.rencontres.registration.Registrations;
import org.rencontres.security.Accounts;
import org.rencontres.workshops.Workshops;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two real browsers (two Chromium processes) on the same shared document: typing at the same time
 * converges to the same text, the template's sections are laid out once, each sees the other in the
 * presence list; a browser cut off from the network keeps editing and merges when it comes back; a
 * browser on a second application instance sees the edits of the first (LISTEN/NOTIFY), and the text
 * survives that instance's restart.
 */
class WritingBrowserTest extends BrowserTest {

    @Autowired Days days;
    @Autowired Programmes programmes;
    @Autowired Workshops workshops;
    @Autowired Registrations registrations;
    @Autowired Accounts accounts;
    @Autowired WritingDocuments documents;
    @Autowired DataSource dataSource;
    @Autowired WritingSocketHandler handler;
    @Autowired UpdateStore store;

    private ChromeDriver other;
    private WritingFixture fixture;
    private WritingDocument first;

    @BeforeEach
    void aSecondBrowserAndADay() throws Exception {
        other = BrowserSupport.start();
        fixture = WritingFixture.create(days, programmes, workshops, registrations, accounts, 2);
        documents.ensureForWorkshops(fixture.dayId());
        first = documents.ofWorkshop(fixture.workshops().get(0).id()).orElseThrow();
    }

    @AfterEach
    void closeTheSecondBrowser() {
        if (other != null) {
            other.quit();
        }
    }

    private String participantPath(int index) {
        return "/ecriture/participant/" + documents.participantKey(first.id(), fixture.participants().get(0).get(index));
    }

    private static WebDriverWait waiting(WebDriver driver) {
        return new WebDriverWait(driver, Duration.ofSeconds(20), Duration.ofMillis(100));
    }

    private static String text(WebDriver driver) {
        return (String) ((JavascriptExecutor) driver).executeScript("return window.rencontresWriting[0].text()");
    }

    private static void ready(WebDriver driver) {
        waiting(driver).until(d -> "true".equals(d.findElement(By.id("writing-editor")).getAttribute("data-ready")));
    }

    /** Puts the caret at the end of the n-th paragraph (the empty one under each template heading). */
    private static WebElement paragraph(WebDriver driver, int n) {
        List<WebElement> paragraphs = driver.findElements(By.cssSelector(".writing-text > p"));
        WebElement p = paragraphs.get(n);
        p.click();
        p.sendKeys(Keys.END);
        return p;
    }

    /** Participants 0 and 1 open the first document, one in each browser, and both see the template. */
    private void bothOnTheTemplate() {
        browser.get(url(participantPath(0)));
        other.get(url(participantPath(1)));
        ready(browser);
        ready(other);
        waiting(browser).until(d -> text(d).equals(text(other)) && text(d).contains("Ce que nous faisons"));
    }

    /** Cuts the browser off the network (Chromium's offline emulation) and drops its connection, as a failure would. */
    private static void cutOff(ChromeDriver driver) {
        ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
        offline.setOffline(true);
        driver.setNetworkConditions(offline);
        ((JavascriptExecutor) driver).executeScript("window.rencontresWriting[0].link.disconnect()");
    }

    @Test
    void two_browsers_typing_at_the_same_time_converge() throws Exception {
        browser.get(url(participantPath(0)));
        other.get(url(participantPath(1)));
        ready(browser);
        ready(other);
        // Both laid out the template at once: its four sections are there once each.
        waiting(browser).until(d -> text(d).equals(text(other)));
        assertThat(text(browser)).containsOnlyOnce("Ce que nous faisons").containsOnlyOnce("Ce que nous proposons");
        assertThat(browser.findElements(By.cssSelector(".writing-text > h2"))).hasSize(4);
        waitForText(By.id("writing-presence"), "Agent Redacteur0x1");
        assertThat(other.findElement(By.id("writing-presence")).getText()).contains("Agent Redacteur0x0");
        BrowserSupport.assertAccessible(browser);

        WebElement mine = paragraph(browser, 0);
        WebElement theirs = paragraph(other, 1);
        CompletableFuture<Void> a = CompletableFuture.runAsync(() -> {
            for (String word : "Nous tenons un registre des marchés ALPHA-FIN".split(" ")) {
                mine.sendKeys(word + " ");
            }
        });
        CompletableFuture<Void> b = CompletableFuture.runAsync(() -> {
            for (String word : "Le tutorat des nouveaux agents fonctionne BETA-FIN".split(" ")) {
                theirs.sendKeys(word + " ");
            }
        });
        CompletableFuture.allOf(a, b).get();
        waiting(browser).until(d -> text(d).contains("BETA-FIN") && text(other).contains("ALPHA-FIN")
                && text(d).equals(text(other)));
        assertThat(text(browser)).contains("Nous tenons un registre des marchés ALPHA-FIN",
                "Le tutorat des nouveaux agents fonctionne BETA-FIN");
        // The other's cursor is drawn with their name.
        waiting(browser).until(d -> d.findElements(By.cssSelector(".writing-cursor-label")).stream()
                .anyMatch(e -> e.getText().contains("Agent Redacteur0x1")));
        // Formatting: a heading and bold from the toolbar reach the other browser.
        paragraph(browser, 2);
        browser.findElement(By.cssSelector("button[data-command=strong]")).click();
        browser.findElement(By.cssSelector(".writing-text")).sendKeys("Point fort");
        waiting(other).until(d -> d.findElements(By.cssSelector(".writing-text strong")).stream()
                .anyMatch(e -> e.getText().equals("Point fort")));
        // The exports are made by the server from the stored updates, once both browsers have had theirs acknowledged.
        waiting(browser).until(d -> pending(d) == 0 && pending(other) == 0);
        String base = participantPath(0);
        org.rencontres.WebSession anyone = new org.rencontres.WebSession(port);
        var markdown = anyone.get(base + "/texte.md");
        assertThat(markdown.statusCode()).isEqualTo(200);
        assertThat(markdown.body()).contains("### Ce que nous faisons", "Nous tenons un registre des marchés ALPHA-FIN",
                "Le tutorat des nouveaux agents fonctionne BETA-FIN", "**Point fort**");
        var pdf = anyone.getBytes(base + "/texte.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", " "))
                    .contains("Ce que nous faisons", "ALPHA-FIN", "BETA-FIN", "Point fort");
        }
    }

    private static int pending(WebDriver driver) {
        return ((Number) ((JavascriptExecutor) driver)
                .executeScript("return window.rencontresWriting[0].link.pendingCount()")).intValue();
    }

    @Test
    void a_participant_whose_registration_is_withdrawn_is_told_and_writes_no_more() throws Exception {
        browser.get(url(participantPath(0)));
        ready(browser);
        waiting(browser).until(d -> text(d).contains("Ce que nous faisons")
                && "online".equals(d.findElement(By.id("writing")).getAttribute("data-state")));
        paragraph(browser, 0).sendKeys("Avant le retrait AVANT ");
        waiting(browser).until(d -> ((Number) ((JavascriptExecutor) d)
                .executeScript("return window.rencontresWriting[0].link.pendingCount()")).intValue() == 0);
        long stored = store.rows(first.id());

        handler.recheckEvery(0);   // every message checks (15 s in production)
        try {
            registrations.withdraw(fixture.participants().get(0).get(0), "Agent", null);
            // The page's next message (a ping here; its text or an edit would do the same) meets the check.
            ((JavascriptExecutor) browser).executeScript("window.rencontresWriting[0].link.sendText({ t: 'ping' })");
            waitForText(By.id("writing-status"), "Vous n'avez plus accès à ce document");
            assertThat(browser.findElement(By.id("writing")).getAttribute("data-state")).isEqualTo("revoked");
            waiting(browser).until(d -> "false".equals(d.findElement(By.cssSelector(".writing-text"))
                    .getAttribute("contenteditable")));
        } finally {
            handler.recheckEvery(WritingSocketHandler.RECHECK_MILLIS);
        }
        // Nothing after the withdrawal was stored, and the page does not connect again.
        Thread.sleep(1_500);
        assertThat(store.rows(first.id())).isEqualTo(stored);
        assertThat(browser.findElement(By.id("writing")).getAttribute("data-state")).isEqualTo("revoked");
        // The next tests start with a clean storage.
        browser.get(url("/"));
        ((JavascriptExecutor) browser).executeScript("localStorage.clear()");
    }

    @Test
    void a_browser_offline_for_a_while_merges_its_edits_when_it_comes_back() throws Exception {
        bothOnTheTemplate();

        cutOff(browser);
        waiting(browser).until(d -> "offline".equals(d.findElement(By.id("writing")).getAttribute("data-state")));
        paragraph(browser, 0).sendKeys("Écrit hors ligne HORS-LIGNE ");
        paragraph(other, 3).sendKeys("Écrit pendant ce temps EN-LIGNE ");
        assertThat(browser.findElement(By.id("writing-status")).getText()).contains("Hors ligne");
        waiting(other).until(d -> text(d).contains("EN-LIGNE"));
        assertThat(text(other)).doesNotContain("HORS-LIGNE");
        assertThat(text(browser)).doesNotContain("EN-LIGNE");

        browser.deleteNetworkConditions();
        waiting(browser).until(d -> text(d).contains("EN-LIGNE") && text(other).contains("HORS-LIGNE")
                && text(d).equals(text(other)));
        assertThat(browser.findElement(By.id("writing-status")).getText()).contains("Connecté");
    }

    @Test
    void edits_kept_by_a_page_closed_while_offline_are_sent_by_the_next_one() throws Exception {
        bothOnTheTemplate();
        try {
            cutOff(browser);
            // Cut off: "offline" between attempts, "connecting" during one.
            waiting(browser).until(d -> !"online".equals(d.findElement(By.id("writing")).getAttribute("data-state")));
            paragraph(browser, 0).sendKeys("Gardé sur l'appareil GARDE ");
            waiting(browser).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                    "return Object.keys(localStorage).some(k => k.startsWith('rencontres-writing-'))")));
            // The page is closed before the network comes back: its edits wait in localStorage.
            browser.get("about:blank");
        } finally {
            browser.deleteNetworkConditions();
        }
        assertThat(text(other)).doesNotContain("GARDE");
        browser.get(url(participantPath(0)));
        ready(browser);
        waiting(other).until(d -> text(d).contains("Gardé sur l'appareil GARDE"));
        waiting(browser).until(d -> text(d).equals(text(other)));
        // Once acknowledged, nothing is left waiting in the browser's storage.
        waiting(browser).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return Object.keys(localStorage).every(k => !k.startsWith('rencontres-writing-'))")));
    }

    @Test
    void another_instance_relays_the_edits_and_a_restart_keeps_the_text() throws Exception {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        String[] args = {
                "--server.port=0", "--rencontres.demo.enabled=false", "--rencontres.jobs.enabled=false",
                "--rencontres.mail.enabled=false", "--spring.datasource.url=" + pool.getJdbcUrl(),
                "--spring.datasource.username=" + pool.getUsername(),
                "--spring.datasource.password=" + (pool.getPassword() == null ? "" : pool.getPassword())};
        String expected;
        try (ConfigurableApplicationContext second = new SpringApplication(RencontresApplication.class).run(args)) {
            int secondPort = ((WebServerApplicationContext) second).getWebServer().getPort();
            browser.get(url(participantPath(0)));
            other.get("http://localhost:" + secondPort + participantPath(1));
            ready(browser);
            ready(other);
            paragraph(other, 1).sendKeys("Venu de la seconde instance SECONDE ");
            waiting(browser).until(d -> text(d).contains("SECONDE"));
            paragraph(browser, 0).sendKeys("Venu de la premiere PREMIERE ");
            waiting(other).until(d -> text(d).contains("PREMIERE"));
            expected = text(browser);
            waiting(other).until(d -> text(d).equals(text(browser)));
        }
        // The second instance is gone; a new one, started afresh on the same database, serves the same text.
        try (ConfigurableApplicationContext third = new SpringApplication(RencontresApplication.class).run(args)) {
            int thirdPort = ((WebServerApplicationContext) third).getWebServer().getPort();
            other.get("http://localhost:" + thirdPort + participantPath(1));
            ready(other);
            waiting(other).until(d -> text(d).equals(expected));
        }
    }

    @Test
    void the_moderator_highlights_a_passage_on_the_projector() {
        browser.manage().deleteAllCookies();
        browser.get(url("/connexion"));
        type("courriel", fixture.organiserEmail());
        type("motdepasse", WritingFixture.PASSWORD);
        browser.findElement(By.id("motdepasse")).sendKeys(Keys.ENTER);
        waiting(browser).until(d -> d.getCurrentUrl().contains("/admin"));
        browser.get(url("/admin/journees/" + fixture.slug() + "/ecriture/" + first.id()));
        ready(browser);
        other.get(url("/ecriture/projection?lecture=" + first.readKey()));
        waiting(other).until(d -> "true".equals(d.findElement(By.cssSelector(".writing-editor")).getAttribute("data-ready")));
        waiting(browser).until(d -> text(d).contains("Ce que nous faisons"));
        WebElement p = paragraph(browser, 0);
        p.sendKeys("Le passage à retenir");
        p.sendKeys(Keys.chord(Keys.SHIFT, Keys.HOME));
        browser.findElement(By.cssSelector("button[data-command=highlight]")).click();
        waiting(other).until(d -> d.findElements(By.cssSelector(".writing-highlight")).stream()
                .map(WebElement::getText).reduce("", String::concat).contains("Le passage à retenir"));
        // Read-only: the projector's text cannot be edited, and the page passes axe.
        assertThat(other.findElement(By.cssSelector(".writing-text")).getAttribute("contenteditable")).isEqualTo("false");
        BrowserSupport.assertAccessible(other);
        // RGAA 10.11, 12.7: the projection has a skip link and fits 320 px without scrolling sideways.
        assertThat(other.findElement(By.cssSelector("a.skip-link")).getAttribute("href")).endsWith("#contenu");
        BrowserSupport.assertReflowsAt320(other);
        BrowserSupport.assertAccessible(browser);
        browser.findElement(By.cssSelector("button[data-command=unhighlight]")).click();
        waiting(other).until(d -> d.findElements(By.cssSelector(".writing-highlight")).isEmpty());
    }
}
