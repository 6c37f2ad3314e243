package org.rencontres.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.rencontres.BrowserSupport;
import org.rencontres.BrowserTest;
import org.rencontres.directory.Directory;
import org.rencontres.directory.NewOrganisation;
import org.rencontres.directory.Organisation;
import org.rencontres.directory.OrganisationKind;
import org.rencontres.directory.TrainingContactForm;
import org.rencontres.directory.TrainingContacts;
import org.rencontres.event.DayDraft;
import org.rencontres.event.SessionDayDraft;
import org.rencontres.event.DayStatus;
import org.rencontres.event.Days;
import org.rencontres.event.SessionCode;
import org.rencontres.notification.QueuedMails;
import org.rencontres.security.Accounts;
import org.rencontres.security.NewAccount;
import org.rencontres.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The whole chain in a real browser: the agent's request on the public page, the training service's
 * decision through the link of its e-mail, the organiser's confirmation in the back office, then the
 * agent's space says "confirmée" and the convocation downloads. axe-core checks every page on the way.
 */
class RegistrationChainBrowserTest extends BrowserTest {

    private static final String PASSWORD = "correct horse battery";

    @Autowired Days days;
    @Autowired Accounts accounts;
    @Autowired Registrations registrations;
    @Autowired Directory directory;
    @Autowired TrainingContacts contacts;
    @Autowired JdbcClient jdbc;

    private String link(String recipient, String prefix) {
        return new QueuedMails(jdbc).firstLinkOfLatest(recipient, prefix)
                .orElseThrow(() -> new AssertionError("no link " + prefix + " e-mailed to " + recipient));
    }

    @Test
    void request_training_service_organiser_then_the_agents_space_shows_the_confirmation() throws Exception {
        long n = System.nanoTime() % 100_000_000;
        String unit = "INSET de la chaîne " + n;
        SessionCode code = new SessionCode("ZCHN " + n);
        long dayId = days.create(new DayDraft(code, "Journée de la chaîne", null, null, List.of(new SessionDayDraft(LocalDate.of(2031, 10, 7), LocalTime.of(9, 0), LocalTime.of(17, 0))), "Une journée de test.", null, null, null, false, null, unit,
                null, List.of(), List.of(), List.of()));
        days.changeStatus(dayId, DayStatus.PUBLISHED);
        try {
            registrations.setCapacity(new Capacity(dayId, 10, 48, false));
            Organisation employer = directory.organisationNamed(
                    NewOrganisation.named("Commune de la Chaîne " + n, OrganisationKind.COMMUNE));
            String service = "formation" + n + "@chaine.test";
            contacts.add(employer.id(), new TrainingContactForm("Service formation", service));
            String agent = "agent" + n + "@chaine.test";

            // 1. The agent asks for a seat on the public page.
            browser.get(url("/journees/" + code.slug()));
            browser.findElement(By.linkText("S'inscrire en ligne")).click();
            waitForText(By.tagName("h1"), "S'inscrire à la journée");
            type("nom", "Chaîne");
            type("prenom", "Inès");
            type("courriel", agent);
            type("telephone", "01 60 79 74 00");
            type("fonction", "Assistante de formation");
            type("employeur", employer.name());
            browser.findElement(By.id("consentement")).click();
            browser.findElement(By.cssSelector("form.form button[type=submit]")).click();
            waitForText(By.tagName("h1"), "Demande d'inscription reçue");
            assertThat(browser.findElement(By.className("registration-state")).getText())
                    .isEqualTo("en attente du service formation");

            // 2. The training service accepts through the link of its e-mail.
            browser.get(url(link(service, "/inscription/decision/")));
            waitForText(By.tagName("h1"), "Votre décision sur une demande d'inscription");
            BrowserSupport.assertAccessible(browser);
            browser.findElement(By.cssSelector("label[for=avis]")).click();
            browser.findElement(By.cssSelector("form.form button[type=submit]")).click();
            waitForText(By.tagName("h1"), "Réponse enregistrée");
            BrowserSupport.assertAccessible(browser);

            // 3. The organiser confirms from the queue.
            accounts.create(new NewAccount("chaine." + n + "@cnfpt.fr", "Claire Chaîne", Role.ORGANISER, unit, PASSWORD));
            browser.get(url("/connexion"));
            type("courriel", "chaine." + n + "@cnfpt.fr");
            type("motdepasse", PASSWORD);
            browser.findElement(By.cssSelector("main form button[type=submit]")).click();
            waitForText(By.tagName("h1"), "Vos journées");
            browser.get(url("/admin/journees/" + code.slug() + "/inscriptions"));
            waitForText(By.tagName("h1"), "Inscriptions : Journée de la chaîne");
            browser.findElement(By.xpath("//tbody//button[contains(., 'Confirmer')]")).click();
            waitFor(By.cssSelector("[role=status]"));
            assertThat(browser.findElement(By.cssSelector("[role=status]")).getText())
                    .isEqualTo("Inès Chaîne : confirmée.");

            // 4. The agent's space says so, and the convocation downloads.
            String space = link(agent, "/inscription/espace/");
            browser.get(url(space));
            waitForText(By.tagName("h1"), "Mon inscription");
            assertThat(browser.findElement(By.id("etat")).getText()).isEqualTo("confirmée");
            BrowserSupport.assertAccessible(browser);
            String href = browser.findElement(By.linkText("Télécharger la convocation (PDF)")).getAttribute("href");
            HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(pdf.statusCode()).isEqualTo(200);
            assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
            assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        } finally {
            days.changeStatus(dayId, DayStatus.DRAFT);
        }
    }
}
