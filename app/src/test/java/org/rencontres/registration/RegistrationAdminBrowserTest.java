package org.rencontres.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.rencontres.BrowserSupport;
import org.rencontres.BrowserTest;
import org.rencontres.event.DayDraft;
import org.rencontres.event.SessionDayDraft;
import org.rencontres.event.Days;
import org.rencontres.event.SessionCode;
import org.rencontres.security.Accounts;
import org.rencontres.security.NewAccount;
import org.rencontres.security.Role;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * In a real browser: the organiser records a paper form (first with errors, then with its scan),
 * lands on the request's detail page and filters the queue; axe-core finds no accessibility
 * problem on each page.
 */
class RegistrationAdminBrowserTest extends BrowserTest {

    private static final String PASSWORD = "correct horse battery";

    @Autowired Days days;
    @Autowired Accounts accounts;
    @Autowired Registrations registrations;

    @Test
    void an_organiser_records_a_paper_form_and_finds_it_in_the_filtered_queue() throws Exception {
        long n = System.nanoTime() % 100_000_000;
        String unit = "INSET du papier " + n;
        SessionCode code = new SessionCode("ZRPB " + n);
        long dayId = days.create(new DayDraft(code, "Journée du papier", null, null, List.of(new SessionDayDraft(LocalDate.of(2031, 10, 9), LocalTime.of(9, 0), LocalTime.of(17, 0))), "Une journée de test.", null, null, null, false, null, unit,
                null, List.of(), List.of(), List.of()));
        // A draft: the back office works on it, and the public catalogue other tests read never lists it.
        accounts.create(new NewAccount("papier." + n + "@cnfpt.fr", "Pia Papier", Role.ORGANISER, unit, PASSWORD));
        browser.get(url("/connexion"));
        type("courriel", "papier." + n + "@cnfpt.fr");
        type("motdepasse", PASSWORD);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitForText(By.tagName("h1"), "Vos journées");

        browser.get(url("/admin/journees/" + code.slug() + "/inscriptions"));
        browser.findElement(By.linkText("Enregistrer un bulletin d'inscription papier")).click();
        waitForText(By.tagName("h1"), "Enregistrer un bulletin d'inscription papier");
        BrowserSupport.assertAccessible(browser);

        type("nom", "Papier");
        browser.findElement(By.cssSelector("form.form button[type=submit]")).click();
        waitFor(By.id("erreurs"));
        assertThat(browser.findElement(By.id("scan-erreur")).getText())
                .isEqualTo("Joignez le bulletin signé numérisé (PDF ou image).");
        BrowserSupport.assertAccessible(browser);
        assertThat(registrations.ofDay(dayId)).isEmpty();

        Path scan = Files.createTempFile("bulletin-", ".pdf");
        Files.write(scan, RegistrationAdminWebTest.PDF);
        type("prenom", "Paulin");
        type("courriel", "paulin.papier@test.fr");
        type("telephone", "01 60 79 74 00");
        type("fonction", "Agent d'accueil");
        type("employeur", "Commune du Papier");
        browser.findElement(By.id("scan")).sendKeys(scan.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("form.form button[type=submit]")).click();
        waitForText(By.tagName("h1"), "Demande d'inscription de Paulin Papier");
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText())
                .isEqualTo("Demande papier de Paulin Papier enregistrée : demandée.");
        BrowserSupport.assertAccessible(browser);
        assertThat(registrations.ofDay(dayId)).extracting(Registration::state).containsExactly(RegistrationState.REQUESTED);
        Files.delete(scan);

        browser.findElement(By.partialLinkText("Retour aux inscriptions")).click();
        waitFor(By.id("recherche"));
        type("recherche", "paulin");
        browser.findElement(By.id("horsAnnuaire")).click();
        browser.findElement(By.cssSelector("form.queue-filter button[type=submit]")).click();
        waitFor(By.cssSelector("tbody tr"));
        assertThat(browser.getCurrentUrl()).contains("recherche=paulin").contains("horsAnnuaire=oui");
        assertThat(browser.findElement(By.cssSelector("tbody tr .flag")).getText()).isEqualTo("employeur hors annuaire");
        assertThat(browser.findElement(By.cssSelector("tbody tr .registration-source")).getText()).isEqualTo("bulletin papier");
        BrowserSupport.assertAccessible(browser);
    }
}
