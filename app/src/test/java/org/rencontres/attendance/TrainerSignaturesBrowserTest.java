package org.rencontres.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.rencontres.BrowserSupport;
import org.rencontres.BrowserTest;
import org.rencontres.TestSessions;
import org.rencontres.directory.Directory;
import org.rencontres.directory.NewPerson;
import org.rencontres.event.Days;
import org.rencontres.event.SessionCode;
import org.rencontres.event.SessionDayDraft;
import org.rencontres.programme.Programmes;
import org.rencontres.programme.SlotDraft;
import org.rencontres.programme.SlotKind;
import org.rencontres.programme.SlotPersonDraft;
import org.rencontres.programme.SlotRole;
import org.rencontres.registration.Registrations;
import org.rencontres.security.Accounts;
import org.rencontres.security.NewAccount;
import org.rencontres.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Trainers sign in a real browser: at the desk (« Faire signer » opens the desk's signature dialog) and
 * on their own signing page (an empty pad is refused, a drawn one kept). axe-core finds no problem.
 */
class TrainerSignaturesBrowserTest extends BrowserTest {

    @Autowired Days days;
    @Autowired Registrations registrations;
    @Autowired Accounts accounts;
    @Autowired Directory directory;
    @Autowired Programmes programmes;
    @Autowired TrainerSignatures trainers;
    @Autowired JdbcClient jdbc;

    private final long n = System.nanoTime() % 100_000_000;

    private long sessionWithSpeaker(String prefix, LocalDate date, long person) {
        long id = TestSessions.session(days, registrations, new SessionCode(prefix + " " + n), "Journée signée", "INSET signé " + n,
                new SessionDayDraft(date, LocalTime.of(0, 0), LocalTime.of(23, 59)));
        programmes.addSlot(id, new SlotDraft(days.days(id).orElseThrow().first().id(), LocalTime.of(0, 0), LocalTime.of(23, 59),
                SlotKind.TALK, null, "Exposé", null, null, false, false, List.of(),
                List.of(new SlotPersonDraft(person, SlotRole.SPEAKER, null, null, null))));
        return id;
    }

    private long person(String given) {
        return directory.addPerson(new NewPerson(given, "Signe " + n, null, null, null, null)).id();
    }

    private void draw() {
        WebElement pad = browser.findElement(By.id("signature-pad"));
        new Actions(browser).moveToElement(pad, -100, 10).clickAndHold()
                .moveByOffset(60, -20).moveByOffset(80, 30).release().perform();
    }

    private int signed(long dayId) {
        return jdbc.sql("SELECT count(*) FROM attendance_trainer_signature WHERE day_id = ?").param(dayId)
                .query(Integer.class).single();
    }

    @Test
    void a_trainer_signs_at_the_desk() {
        long person = person("Denise");
        long dayId = sessionWithSpeaker("ZBTD", LocalDate.of(2016, 6, 20), person);
        String email = "bureau." + n + "@cnfpt.fr";
        accounts.create(new NewAccount(email, "Bruno Bureau", Role.ORGANISER, "INSET signé " + n, TestSessions.PASSWORD));
        browser.get(url("/connexion"));
        type("courriel", email);
        type("motdepasse", TestSessions.PASSWORD);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitForText(By.tagName("h1"), "Vos journées");

        browser.get(url("/admin/journees/" + new SessionCode("ZBTD " + n).slug() + "/accueil?demi=matin"));
        browser.findElement(By.cssSelector(".desk-trainers form.trainer-form button")).click();
        patiently().until(ExpectedConditions.visibilityOfElementLocated(By.id("signature-pad")));
        BrowserSupport.assertAccessible(browser);
        draw();
        browser.findElement(By.id("signature-valider")).click();
        waitForText(By.cssSelector(".notice[role=status]"), "Signature de Denise Signe " + n + " enregistrée.");
        assertThat(signed(dayId)).isEqualTo(1);
    }

    @Test
    void a_trainer_signs_on_their_own_page() {
        long person = person("Léa");
        long dayId = sessionWithSpeaker("ZBTL", LocalDate.now(ZoneId.of("Europe/Paris")), person);
        String key = trainers.issueLink(dayId, person);
        browser.get(url(TrainerSignatures.path(new SessionCode("ZBTL " + n).slug(), key)));
        waitFor(By.id("signature-pad"));
        BrowserSupport.assertAccessible(browser);
        browser.findElement(By.cssSelector("form.trainer-sign button[type=submit]")).click();
        assertThat(browser.findElement(By.id("signature-erreur")).isDisplayed()).isTrue();
        assertThat(signed(dayId)).isZero();
        draw();
        browser.findElement(By.cssSelector("form.trainer-sign button[type=submit]")).click();
        waitForText(By.cssSelector(".notice[role=status]"), "Signature de Léa Signe " + n + " enregistrée.");
        assertThat(signed(dayId)).isEqualTo(1);
        assertThat(browser.findElements(By.id("signature-pad"))).isEmpty();
    }
}
