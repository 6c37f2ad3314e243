package org.rencontres.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.rencontres.BrowserSupport;
import org.rencontres.BrowserTest;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.TestSessions;
import org.rencontres.attendance.Attendances;
import org.rencontres.event.Days;
import org.rencontres.registration.Registrations;
import org.rencontres.registration.SpaceLinks;
import org.rencontres.registration.questions.Questions;
import org.rencontres.security.Accounts;
import org.rencontres.security.NewAccount;
import org.rencontres.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * In a real browser, with axe-core: the agent opens their data page from their space and asks for erasure
 * through its confirmation step; the organiser finds the request in their list, opens it and erases.
 */
@RencontresIntegrationTest
class PersonDataBrowserTest extends BrowserTest {

    @Autowired Days days;
    @Autowired Registrations registrations;
    @Autowired Questions questions;
    @Autowired Attendances attendances;
    @Autowired SpaceLinks spaces;
    @Autowired Accounts accounts;
    @Autowired TransactionTemplate tx;
    @Autowired JdbcClient jdbc;

    @Test
    void the_agent_asks_and_the_organiser_erases() throws Exception {
        PersonDataFixture agent = new PersonDataFixture(days, registrations, questions, attendances, spaces, tx, jdbc);

        browser.get(url(agent.space));
        browser.findElement(By.linkText("Mes données personnelles")).click();
        waitForText(By.tagName("h1"), "Mes données personnelles");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains(agent.answer, agent.surveyText);
        BrowserSupport.assertAccessible(browser);

        browser.findElement(By.id("demander-effacement")).click();
        waitFor(By.id("motif"));
        BrowserSupport.assertAccessible(browser);
        type("motif", "Je change de métier");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitFor(By.id("demande-en-cours"));
        BrowserSupport.assertAccessible(browser);

        String email = "navigateur." + agent.n + "@cnfpt.fr";
        accounts.create(new NewAccount(email, "Nadia Navigue", Role.ORGANISER, agent.unit, TestSessions.PASSWORD));
        browser.get(url("/connexion"));
        type("courriel", email);
        type("motdepasse", TestSessions.PASSWORD);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitForText(By.tagName("h1"), "Vos journées");

        browser.get(url("/admin/donnees-personnelles/effacements"));
        waitFor(By.id("demandes"));
        BrowserSupport.assertAccessible(browser);
        browser.findElement(By.linkText("Camille Martin" + agent.n)).click();
        waitFor(By.id("effacer"));
        assertThat(browser.findElement(By.id("attente")).getText()).isEqualTo("attend depuis moins de 24 heures");
        BrowserSupport.assertAccessible(browser);
        browser.findElement(By.id("effacer")).click();
        waitForText(By.tagName("h1"), "Effacer les données de Camille Martin" + agent.n);
        BrowserSupport.assertAccessible(browser);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitForText(By.id("etat"), "effacée");
        assertThat(browser.findElement(By.cssSelector(".notice[role=status]")).getText())
                .isEqualTo("Les données ont été effacées et la personne prévenue par courriel.");
        BrowserSupport.assertAccessible(browser);
    }
}
