package org.rencontres.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.rencontres.BrowserSupport;
import org.rencontres.BrowserTest;
import org.rencontres.directory.Directory;
import org.rencontres.directory.NewPerson;
import org.rencontres.event.DayDraft;
import org.rencontres.event.DayStatus;
import org.rencontres.event.Days;
import org.rencontres.event.SessionCode;
import org.rencontres.event.SessionDayDraft;
import org.rencontres.registration.Capacity;
import org.rencontres.registration.Registrations;
import org.rencontres.registration.RequestDraft;
import org.rencontres.security.Accounts;
import org.rencontres.security.NewAccount;
import org.rencontres.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

/**
 * The points of the RGAA audit (issue 21) that no module's own browser test covers: the accessibility statement, its
 * grid and the footer's state; the shared checks of {@link BrowserSupport#assertAccessible} failing on a page that
 * breaks them; radios and checkboxes next to their labels; wide tables in their own scroll region at 320 px; the error
 * summary (focus, order, « Erreur : » in the title, links that show label and message); specific titles; French
 * content marked as such in the English interface; text spacing.
 */
class RgaaBrowserTest extends BrowserTest {

    private static final String PASSWORD = "correct horse battery";

    @Autowired Days days;
    @Autowired Accounts accounts;
    @Autowired Registrations registrations;
    @Autowired Directory directory;
    @Autowired AccessibilityAudit audit;

    private long dayId;
    private String slug;
    private String code;
    private long n;

    @BeforeEach
    void aPublishedDayItsOrganiserSignedIn() {
        n = System.nanoTime() % 100_000_000;
        String unit = "INSET du RGAA " + n;
        SessionCode sessionCode = new SessionCode("ZRGA " + n);
        code = sessionCode.value();
        slug = sessionCode.slug();
        dayId = days.create(new DayDraft(sessionCode, "Journée de l'accessibilité " + n, null, null,
                List.of(new SessionDayDraft(LocalDate.of(2030, 6, 13), LocalTime.of(9, 0), LocalTime.of(17, 0))),
                "Un contexte en français.", null, null, null, false, null, unit, null, List.of(), List.of(), List.of()));
        days.changeStatus(dayId, DayStatus.PUBLISHED);
        registrations.setCapacity(new Capacity(dayId, 20, 48, false));
        for (String name : List.of("Ana", "Bea")) {
            long id = registrations.request(dayId, new RequestDraft("Largeur" + name, name,
                    name.toLowerCase() + "." + System.nanoTime() + "@test.fr", "01 60 79 74 00", "Juriste de la commande publique", null,
                    "Communauté d'agglomération du Grand Paris Sud Seine Essonne Sénart", null, null, null,
                    Instant.parse("2030-01-10T10:00:00Z")));
            registrations.advance(id, "orga@cnfpt.fr", null);
        }
        String email = "rgaa." + n + "@cnfpt.fr";
        accounts.create(new NewAccount(email, "Rachid Rgaa", Role.ORGANISER, unit, PASSWORD));
        browser.get(url("/connexion"));
        type("courriel", email);
        type("motdepasse", PASSWORD);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitForText(By.tagName("h1"), "Vos journées");
    }

    @AfterEach
    void bigScreenInFrench() {
        browser.manage().window().setSize(new Dimension(1280, 1000));
        browser.get(url("/?lang=fr"));
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    @Test
    void the_statement_is_served_with_its_grid_and_the_footer_says_the_state() throws Exception {
        // The footer of every page says the state, read from the grid.
        browser.get(url("/"));
        String state = switch (audit.state()) {
            case TOTAL -> "totalement conforme";
            case PARTIAL -> "partiellement conforme";
            case NONE -> "non conforme";
        };
        assertThat(browser.findElement(By.id("etat-accessibilite")).getAttribute("textContent")).isEqualTo("Accessibilité\u00a0: " + state);
        BrowserSupport.assertAccessible(browser);

        browser.findElement(By.id("etat-accessibilite")).click();
        waitForText(By.tagName("h1"), "Déclaration d'accessibilité");
        assertThat(browser.findElement(By.id("etat-conformite")).getAttribute("textContent")).contains("Rencontres est " + state
                + " avec le référentiel général d’amélioration de l’accessibilité (RGAA), version 4.1.");
        long met = audit.count(AccessibilityAudit.Result.C);
        assertThat(browser.findElement(By.id("resultats")).getAttribute("textContent"))
                .contains("révèle que " + audit.rate() + "\u00a0% des critères")
                .contains(met + " critères respectés sur " + audit.applicable() + " applicables")
                .contains(" 7 décembre 2026 par l’équipe");
        assertThat(browser.findElements(By.cssSelector("#echantillon li"))).hasSize(20);
        String text = browser.findElement(By.tagName("main")).getAttribute("textContent");
        assertThat(text).contains("Dérogations pour charge disproportionnée", "Contenus non soumis",
                "Technologies utilisées", "Environnement de test", "Défenseur des droits", "09\u00a069\u00a039\u00a000\u00a000",
                "Retour d'information et contact");
        assertThat(browser.getTitle()).isEqualTo("Déclaration d'accessibilité – Rencontres");
        BrowserSupport.assertAccessible(browser);
        BrowserSupport.assertReflowsAt320(browser);

        // The grid, as a page and as the file in the repository.
        browser.findElement(By.linkText("Consulter la grille d'audit, critère par critère")).click();
        waitForText(By.tagName("h1"), "Grille d'audit RGAA 4.1");
        assertThat(browser.findElements(By.cssSelector(".audit-grid tbody tr"))).hasSize(106);
        assertThat(browser.findElement(By.id("critere-13.1")).getText()).contains("13.1").contains("CertificatesWebTest");
        BrowserSupport.assertAccessible(browser);
        BrowserSupport.assertReflowsAt320(browser);
        HttpResponse<String> csv = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url("/accessibilite/audit-rgaa.csv"))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).isEqualTo(new String(new ClassPathResource(AccessibilityAudit.FILE).getContentAsByteArray(),
                StandardCharsets.UTF_8));

        // The site map, from the footer of every page: a second way through the site (RGAA 12.1, 12.3).
        browser.findElement(By.linkText("Plan du site")).click();
        waitForText(By.tagName("h1"), "Plan du site");
        assertThat(browser.findElements(By.cssSelector("main a")).stream().map(a -> a.getAttribute("href")).toList())
                .contains(url("/"), url("/accessibilite"), url("/accessibilite/audit"), url("/donnees-personnelles"),
                        url("/connexion"), url("/admin"));
        BrowserSupport.assertAccessible(browser);
    }

    /** The checks every browser test runs fail on a page that breaks them: they can fail. */
    @Test
    void the_shared_checks_find_a_name_without_its_visible_text_and_a_checkbox_far_from_its_label() {
        browser.get("data:text/html;charset=utf-8,<!DOCTYPE html><html lang=fr><title>t</title><main>"
                + "<a href='%23x' aria-label='Supprimer la répartition « Atelier »'>Supprimer cette répartition</a>"
                + "<a href='%23y' aria-label='Supprimer cette répartition (« Atelier »)'>Supprimer cette répartition</a>"
                + "<p><input type=checkbox id=loin style='width:100%25'><label for=loin>Faire signer</label></p>"
                + "<p><input type=checkbox id=pres><label for=pres>Faire signer</label></p></main></html>");
        assertThat(BrowserSupport.labelNotInName(browser))
                .containsExactly("Supprimer cette répartition → Supprimer la répartition « Atelier »");
        assertThat(BrowserSupport.farFromTheirLabels(browser)).hasSize(1).allMatch(s -> s.startsWith("loin: "));
    }

    /** RGAA 11.4: on the desk (« Faire signer ») and the queue's filters, each box sits on its label's line. */
    @Test
    void radio_buttons_and_checkboxes_sit_next_to_their_labels() {
        browser.get(url("/admin/journees/" + slug + "/accueil?demi=matin"));
        WebElement ask = browser.findElement(By.id("faire-signer"));
        WebElement label = browser.findElement(By.cssSelector("label[for=faire-signer]"));
        assertThat(label.getRect().getX() - (ask.getRect().getX() + ask.getRect().getWidth())).isBetween(0, 32);
        assertThat(BrowserSupport.farFromTheirLabels(browser)).isEmpty();
        BrowserSupport.assertAccessible(browser);

        browser.get(url("/admin/journees/" + slug + "/inscriptions"));
        assertThat(browser.findElements(By.cssSelector("main input[type=checkbox]"))).isNotEmpty();
        assertThat(BrowserSupport.farFromTheirLabels(browser)).isEmpty();
        BrowserSupport.assertAccessible(browser);
    }

    /** RGAA 10.11: at 320 px the queue's and the directory's tables scroll in their own labelled region, not the page. */
    @Test
    void wide_tables_scroll_in_their_own_labelled_region_at_320_px() {
        browser.get(url("/admin/journees/" + slug + "/inscriptions"));
        WebElement region = browser.findElement(By.cssSelector(".table-scroll[role=region]"));
        assertThat(region.getAttribute("tabindex")).isEqualTo("0");
        assertThat(region.getAttribute("aria-labelledby")).isEqualTo("demandes-titre");
        BrowserSupport.assertReflowsAt320(browser);
        BrowserSupport.assertAccessible(browser);

        directory.addPerson(new NewPerson("Maximilienne", "Reflow" + n, "Responsable du service des ressources humaines",
                null, "maximilienne.reflow." + n + "@test.fr", "01 60 79 74 00"));
        browser.get(url("/admin/annuaire/personnes?q=Reflow" + n));
        assertThat(browser.findElement(By.cssSelector(".table-scroll[role=region]")).getAttribute("aria-labelledby"))
                .isEqualTo("resultats-legende");
        BrowserSupport.assertReflowsAt320(browser);
        BrowserSupport.assertAccessible(browser);
    }

    /**
     * RGAA 11.10, 8.6: a form that comes back with errors says « Erreur : » in its title, its summary takes the focus
     * and lists the errors in the order of the fields, and a summary link brings the field with its label and message
     * into view.
     */
    @Test
    void the_error_summary_takes_the_focus_in_field_order_and_its_links_show_label_and_message() {
        browser.get(url("/admin/journees/" + slug + "/accueil?demi=matin"));
        String title = browser.getTitle();
        assertThat(title).doesNotStartWith("Erreur");
        browser.findElement(By.cssSelector("form[data-type=sans-inscription] button[type=submit]")).click();
        waitFor(By.id("erreurs"));
        assertThat(browser.getTitle()).isEqualTo("Erreur\u00a0: " + title);
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("erreurs");
        List<String> links = browser.findElements(By.cssSelector("#erreurs a")).stream()
                .map(a -> a.getAttribute("href").replaceAll(".*#", "")).toList();
        List<String> fields = browser.findElements(By.cssSelector("main [aria-invalid=true]")).stream()
                .map(f -> f.getAttribute("id")).toList();
        assertThat(links).isNotEmpty().isEqualTo(fields);
        BrowserSupport.assertAccessible(browser);

        browser.manage().window().setSize(new Dimension(390, 600));
        String last = links.get(links.size() - 1);
        browser.findElement(By.cssSelector("#erreurs a[href='#" + last + "']")).click();
        for (String id : List.of(last, last + "-erreur")) {
            assertThat((Boolean) js("const r = document.getElementById(arguments[0]).getBoundingClientRect();"
                    + " return r.top >= 0 && r.bottom <= window.innerHeight;", id)).as("%s in view", id).isTrue();
        }
        assertThat((Boolean) js("const r = document.querySelector('label[for=\"' + arguments[0] + '\"]').getBoundingClientRect();"
                + " return r.top >= 0;", last)).as("label of %s in view", last).isTrue();
    }

    /** RGAA 8.6: the directory's confirmations and the duplicate page name what they are about. */
    @Test
    void titles_are_specific_and_say_erreur_when_a_form_comes_back() {
        List<String> titles = new java.util.ArrayList<>();
        for (String given : List.of("Odile", "Omer")) {
            long id = directory.addPerson(new NewPerson(given, "Titre" + n, null, null, null, null)).id();
            browser.get(url("/admin/annuaire/personnes/" + id + "/supprimer"));
            titles.add(browser.getTitle());
            assertThat(browser.getTitle()).startsWith("Confirmer la suppression\u00a0: " + given + " Titre" + n);
            BrowserSupport.assertAccessible(browser);
        }
        assertThat(titles.get(0)).isNotEqualTo(titles.get(1));

        browser.get(url("/admin/journees/" + slug + "/dupliquer"));
        assertThat(browser.getTitle()).isEqualTo("Dupliquer (nouvelle édition)\u00a0: " + code + " – Rencontres");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitFor(By.id("erreurs"));
        assertThat(browser.getTitle()).isEqualTo("Erreur\u00a0: Dupliquer (nouvelle édition)\u00a0: " + code + " – Rencontres");
        BrowserSupport.assertAccessible(browser);
    }

    /** RGAA 8.7: in the English interface, the day's French title, context and dates say they are French. */
    @Test
    void french_content_in_the_english_interface_says_it_is_french() {
        browser.get(url("/journees/" + slug + "?lang=en"));
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
        assertThat(browser.findElement(By.cssSelector("main h1")).getDomAttribute("lang")).isEqualTo("fr");
        assertThat(browser.findElement(By.cssSelector("#contexte p")).getDomAttribute("lang")).isEqualTo("fr");
        BrowserSupport.assertAccessible(browser);

        browser.get(url("/?lang=fr"));
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("fr");
        List<WebElement> cards = browser.findElements(By.cssSelector(".day-card h3"));
        assertThat(cards).isNotEmpty().allMatch(h -> h.getDomAttribute("lang") == null);
        browser.get(url("/?lang=en"));
        assertThat(browser.findElements(By.cssSelector(".day-card h3"))).isNotEmpty().allMatch(h -> "fr".equals(h.getDomAttribute("lang")));
        BrowserSupport.assertAccessible(browser);
    }

    /** Seen in the audit: the organiser's day page said « Le fichier dépasse 10 Mo » when no file had been sent. */
    @Test
    void the_day_page_warns_of_a_large_file_only_after_one() {
        browser.get(url("/admin/journees/" + slug));
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("dépasse 10 Mo");
        BrowserSupport.assertAccessible(browser);
        browser.get(url("/admin/journees/" + slug + "?fichier-trop-volumineux"));
        assertThat(browser.findElement(By.cssSelector("main [role=alert]")).getText()).contains("Le fichier dépasse 10 Mo");
    }

    /**
     * RGAA 10.12: with the text spacing of WCAG 1.4.12 (line height 1.5, paragraphs 2 em, letters 0.12 em, words
     * 0.16 em), no text is cut off by a box of fixed size and the page does not scroll sideways.
     */
    @Test
    void text_spacing_can_be_widened_without_loss() {
        for (String path : List.of("/", "/journees/" + slug, "/accessibilite", "/admin/journees/" + slug + "/accueil?demi=matin",
                "/admin/journees/" + slug + "/inscriptions")) {
            browser.get(url(path));
            js("const s = document.createElement('style'); s.textContent = '* { line-height: 1.5 !important;"
                    + " letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }';"
                    + " document.head.appendChild(s);");
            @SuppressWarnings("unchecked")
            List<String> clipped = (List<String>) js("""
                    return Array.from(document.querySelectorAll('body *')).filter(e => {
                      const st = getComputedStyle(e);
                      const clips = ['hidden', 'clip'].includes(st.overflowX) || ['hidden', 'clip'].includes(st.overflowY);
                      return clips && e.getClientRects().length && e.innerText && e.innerText.trim()
                          && !e.classList.contains('visually-hidden') && !e.classList.contains('skip-link')
                          && (e.scrollHeight > e.clientHeight + 2 || e.scrollWidth > e.clientWidth + 2);
                    }).map(e => e.tagName + '.' + e.className);""");
            assertThat(clipped).as("text cut off on %s", path).isEmpty();
            assertThat((Boolean) js("return document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
                    .as("sideways scrolling on %s", path).isTrue();
        }
    }
}
