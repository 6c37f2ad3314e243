package org.rencontres.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.rencontres.BrowserSupport;
import org.rencontres.BrowserTest;
import org.rencontres.TestSessions;
import org.rencontres.attendance.Attendances;
import org.rencontres.directory.Directory;
import org.rencontres.directory.NewPerson;
import org.rencontres.event.Days;
import org.rencontres.notification.QueuedMails;
import org.rencontres.programme.Programmes;
import org.rencontres.programme.SlotDraft;
import org.rencontres.programme.SlotKind;
import org.rencontres.programme.SlotPersonDraft;
import org.rencontres.programme.SlotRole;
import org.rencontres.registration.Registrations;
import org.rencontres.security.Accounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The evaluation loop's new forms in a real browser: the organiser's delays (refused, then saved) and a
 * questionnaire's page, and a trainer's keyed questionnaire (refused when incomplete, then answered).
 * axe-core finds no problem on any of them.
 */
class EvaluationLoopBrowserTest extends BrowserTest {

    @Autowired Days days;
    @Autowired Registrations registrations;
    @Autowired Accounts accounts;
    @Autowired Attendances attendances;
    @Autowired Directory directory;
    @Autowired Programmes programmes;
    @Autowired QuestionnaireInvitations invitations;
    @Autowired JdbcClient jdbc;

    @Test
    void the_organiser_sets_the_delays_and_a_trainer_answers_their_questionnaire() throws Exception {
        EvaluationLoopFixture session = new EvaluationLoopFixture(days, registrations, accounts, attendances, port);
        String email = "navigateur." + session.n + "@cnfpt.fr";
        accounts.create(new org.rencontres.security.NewAccount(email, "Nina Vigateur", org.rencontres.security.Role.ORGANISER,
                "INSET de la boucle " + session.n, TestSessions.PASSWORD));
        browser.get(url("/connexion"));
        type("courriel", email);
        type("motdepasse", TestSessions.PASSWORD);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitForText(By.tagName("h1"), "Vos journées");

        browser.get(url(session.base() + "?questionnaire=intervenants"));
        waitFor(By.cssSelector(".survey-nav a[aria-current=page]"));
        BrowserSupport.assertAccessible(browser);
        browser.findElement(By.xpath("//button[normalize-space()='Ajouter les questions habituelles']")).click();
        waitForText(By.cssSelector(".notice[role=status]"), "Questions habituelles ajoutées : 4.");
        assertThat(browser.findElement(By.cssSelector(".survey-nav a[aria-current=page]")).getText()).isEqualTo("Intervenants");

        browser.findElement(By.id("relance2")).clear();
        type("relance2", "1");
        browser.findElement(By.xpath("//button[normalize-space()='Enregistrer les délais']")).click();
        waitFor(By.id("relance2-erreur"));
        BrowserSupport.assertAccessible(browser);
        browser.findElement(By.id("relance2")).clear();
        type("relance2", "9");
        browser.findElement(By.xpath("//button[normalize-space()='Enregistrer les délais']")).click();
        waitForText(By.cssSelector(".notice[role=status]"), "Délais enregistrés.");

        String trainer = "navigatrice." + session.n + "@cnfpt.fr";
        long person = directory.addPerson(new NewPerson("Irène", "Navigue " + session.n, null, null, trainer, null)).id();
        programmes.addSlot(session.dayId, new SlotDraft(days.days(session.dayId).orElseThrow().first().id(),
                LocalTime.of(9, 30), LocalTime.of(10, 30), SlotKind.TALK, null, "Exposé", null, null, false, false, List.of(),
                List.of(new SlotPersonDraft(person, SlotRole.SPEAKER, null, null, null))));
        invitations.sendDue(EvaluationLoopFixture.afterDays(0));
        String link = new QueuedMails(jdbc).lastLink(trainer, "/questionnaire/").orElseThrow();

        browser.get(url(link));
        waitFor(By.cssSelector("form fieldset"));
        BrowserSupport.assertAccessible(browser);
        browser.findElement(By.xpath("//button[normalize-space()='Envoyer mon avis']")).click();
        waitFor(By.cssSelector(".error-summary"));
        BrowserSupport.assertAccessible(browser);
        for (var fieldset : browser.findElements(By.cssSelector("form fieldset"))) {
            fieldset.findElement(By.cssSelector("input[value='4']")).click();
        }
        browser.findElement(By.xpath("//button[normalize-space()='Envoyer mon avis']")).click();
        waitForText(By.cssSelector(".notice[role=status]"), "Merci, votre avis a bien été enregistré.");
        BrowserSupport.assertAccessible(browser);
    }
}
