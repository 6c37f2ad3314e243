package org.rencontres;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium for browser tests, and the axe-core check at WCAG A/AA. Where no
 * Chromium is installed a test skips itself, unless CI is set.
 */
public final class BrowserSupport {

    private static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM_BINARY", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver");
    private static final List<String> WCAG_A_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    private BrowserSupport() {
    }

    public static ChromeDriver start() throws Exception {
        boolean installed = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
        if (!installed) {
            if (System.getenv("CI") != null) {
                throw new AssertionError("CI is set: Chromium must be installed (" + CHROMIUM + ", " + CHROMEDRIVER + ")");
            }
            Assumptions.abort("No Chromium here (" + CHROMIUM + "): browser test skipped outside CI");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,1000", "--lang=fr-FR",
                "--user-data-dir=" + Files.createTempDirectory("rencontres-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        ChromeDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return browser;
    }

    /**
     * The one accessibility check of every page a browser test visits: no axe-core violation at WCAG 2.x levels A and
     * AA, and the visible text of every link, button and labelled control is part of its accessible name (WCAG 2.5.3,
     * RGAA 7.1 / 11.2), which axe leaves to an experimental rule.
     */
    public static void assertAccessible(WebDriver browser) {
        Results results = new AxeBuilder().withTags(WCAG_A_AA).analyze(browser);
        assertThat(results.getViolations())
                .as("axe-core violations on %s: %s", browser.getCurrentUrl(), describe(results.getViolations()))
                .isEmpty();
        assertThat(labelNotInName(browser))
                .as("controls whose accessible name does not contain their visible text on %s", browser.getCurrentUrl())
                .isEmpty();
        assertThat(farFromTheirLabels(browser))
                .as("radio buttons and checkboxes away from their labels on %s", browser.getCurrentUrl())
                .isEmpty();
        assertThat(browser.findElement(org.openqa.selenium.By.tagName("body")).getText())
                .as("a missing message on %s", browser.getCurrentUrl()).doesNotContainPattern("\\?\\?[\\w.]+\\?\\?");
    }

    /**
     * The radio buttons and checkboxes of the current page that do not sit on the line of their label's text, within
     * 2 rem of it (RGAA 11.4): "id: how far".
     */
    @SuppressWarnings("unchecked")
    public static List<String> farFromTheirLabels(WebDriver browser) {
        return (List<String>) ((JavascriptExecutor) browser).executeScript(NEXT_TO_LABEL);
    }

    /**
     * Fails if the current page scrolls sideways in a window 320 px wide (RGAA 10.11, WCAG 1.4.10), then gives the
     * window back its size. A wide table may scroll inside its own region: it must then be a labelled, focusable one.
     */
    public static void assertReflowsAt320(WebDriver browser) {
        org.openqa.selenium.Dimension before = browser.manage().window().getSize();
        try {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(320, 800));
            Object widths = ((JavascriptExecutor) browser).executeScript("""
                    const width = document.documentElement.clientWidth;
                    const wide = Array.from(document.querySelectorAll('body *'))
                        .filter(e => e.getBoundingClientRect().right > width + 1)
                        .slice(0, 8).map(e => e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className + ' '
                            + Math.round(e.getBoundingClientRect().right) + ' ' + getComputedStyle(e).overflowX);
                    const regions = Array.from(document.querySelectorAll('.table-scroll')).map(r => 'region '
                        + getComputedStyle(r).overflowX + ' ' + Math.round(r.getBoundingClientRect().width) + ' in '
                        + r.parentElement.tagName + '.' + r.parentElement.className + ' '
                        + Math.round(r.parentElement.getBoundingClientRect().width) + ' '
                        + getComputedStyle(r.parentElement).display);
                    return [width, document.documentElement.scrollWidth, wide.concat(regions).join(', ')];""");
            List<?> w = (List<?>) widths;
            assertThat(((Number) w.get(0)).longValue()).as("viewport of a 320 px window").isLessThanOrEqualTo(320);
            assertThat(((Number) w.get(1)).longValue())
                    .as("page width at 320 px on %s (viewport %s; too wide: %s)", browser.getCurrentUrl(), w.get(0), w.get(2))
                    // scrollWidth is rounded to the pixel while the layout is not: one pixel is rounding, not scrolling.
                    .isLessThanOrEqualTo(((Number) w.get(0)).longValue() + 1);
            @SuppressWarnings("unchecked")
            List<String> bare = (List<String>) ((JavascriptExecutor) browser).executeScript("""
                    return Array.from(document.querySelectorAll('table')).filter(t => {
                      const r = t.closest('.table-scroll');
                      return t.scrollWidth > document.documentElement.clientWidth && !(r && r.getAttribute('role') === 'region'
                          && r.tabIndex === 0 && (r.getAttribute('aria-labelledby') || r.getAttribute('aria-label')));
                    }).map(t => t.id || t.className || 'table');""");
            assertThat(bare).as("wide tables outside a labelled, focusable scroll region on %s", browser.getCurrentUrl())
                    .isEmpty();
        } finally {
            browser.manage().window().setSize(before);
        }
    }

    private static final String NEXT_TO_LABEL = """
            const found = [];
            for (const input of document.querySelectorAll('input[type=radio], input[type=checkbox]')) {
              if (!input.id || !input.getClientRects().length) continue;
              const label = document.querySelector('label[for="' + CSS.escape(input.id) + '"]');
              if (!label || !label.getClientRects().length || label.contains(input)) continue;
              const range = document.createRange();
              range.selectNodeContents(label);
              const text = range.getClientRects()[0];
              if (!text) continue;
              const box = input.getBoundingClientRect();
              const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
              const gap = text.left >= box.right ? text.left - box.right : (box.left >= text.right ? box.left - text.right : 0);
              const sameLine = box.top < text.bottom && text.top < box.bottom;
              if (gap > 2 * rem || !sameLine) {
                found.push(input.id + ': ' + Math.round(gap) + ' px from its label' + (sameLine ? '' : ', on another line'));
              }
            }
            return found;
            """;

    /**
     * The controls of the current page whose aria-label or aria-labelledby gives a name that does not contain the
     * visible text (compared without case, spaces and punctuation), as "visible text → accessible name".
     */
    @SuppressWarnings("unchecked")
    public static List<String> labelNotInName(WebDriver browser) {
        return (List<String>) ((JavascriptExecutor) browser).executeScript(LABEL_IN_NAME);
    }

    private static final String LABEL_IN_NAME = """
            const norm = t => (t || '').toLowerCase().normalize('NFKC').replace(/[\\s\\u00a0\\u202f]+/g, ' ')
                .replace(/[«»“”"'’.,:;!?()…–-]/g, '').replace(/ +/g, ' ').trim();
            const found = [];
            const controls = document.querySelectorAll('a[href], button, summary, [role=button], [role=link],'
                + ' [role=menuitem], [role=tab], input[type=submit], input[type=button], input[type=reset]');
            for (const el of controls) {
              if (!el.getClientRects().length) continue;
              let name = null;
              if (el.hasAttribute('aria-labelledby')) {
                name = el.getAttribute('aria-labelledby').split(/\\s+/)
                    .map(id => document.getElementById(id)).filter(x => x).map(x => x.textContent).join(' ');
              } else if (el.hasAttribute('aria-label')) {
                name = el.getAttribute('aria-label');
              }
              if (name === null) continue;
              const visible = el.tagName === 'INPUT' ? el.value : el.innerText;
              if (norm(visible) && !norm(name).includes(norm(visible))) {
                found.push(visible.trim() + ' → ' + name.trim());
              }
            }
            return found;
            """;

    private static String describe(List<Rule> violations) {
        return violations.stream()
                .map(v -> v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + " at "
                        + v.getNodes().stream().map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "));
    }
}
