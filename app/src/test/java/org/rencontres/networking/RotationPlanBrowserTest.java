package org.rencontres.networking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.rencontres.BrowserSupport;
import org.rencontres.BrowserTest;
import org.rencontres.directory.Directory;
import org.rencontres.directory.NewPerson;
import org.rencontres.event.DayDraft;
import org.rencontres.event.SessionDayDraft;
import org.rencontres.event.Days;
import org.rencontres.event.SessionCode;
import org.rencontres.programme.Programmes;
import org.rencontres.programme.SlotDraft;
import org.rencontres.programme.SlotKind;
import org.rencontres.security.Accounts;
import org.rencontres.security.NewAccount;
import org.rencontres.security.Role;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The plan page in a real headless Chromium: "Générer le plan" from the keyboard, the page follows
 * the background computation by itself (htmx polling), and the computed plan is free of axe-core
 * violations at WCAG A/AA. A draft day of its own.
 */
class RotationPlanBrowserTest extends BrowserTest {

    private static final String PASSWORD = "correct horse battery";

    @Autowired Days days;
    @Autowired Accounts accounts;
    @Autowired Programmes programmes;
    @Autowired NetworkingSessions sessions;
    @Autowired Directory directory;
    @Autowired RotationStore store;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void the_plan_page_follows_the_computation_and_is_accessible() {
        long n = System.nanoTime();
        String unit = "INSET du plan au navigateur " + n;
        SessionCode code = new SessionCode("ZRPB " + n % 100_000);
        long dayId = days.create(new DayDraft(code, "Journée au navigateur", null, null, List.of(new SessionDayDraft(LocalDate.of(2031, 10, 2), LocalTime.of(9, 0), LocalTime.of(17, 0))), "Test.", null, null, null, false, null, unit, null,
                List.of(), List.of(), List.of()));
        long slotId = programmes.addSlot(dayId, new SlotDraft(days.days(dayId).orElseThrow().first().id(), LocalTime.of(12, 45), LocalTime.of(14, 0),
                SlotKind.NETWORKING, null, "Speed dating", null, null, false, false, List.of(), List.of()));
        long sessionId = sessions.define(dayId, new NetworkingDraft(slotId, "Speed dating", null, 3, 10, 12, false,
                List.of("ODD", "FICOL", "Formation")));
        long host = directory.addPerson(new NewPerson("Hélène", "Hôte " + n, null, null, null, null)).id();
        String[] themes = {"ODD", "FICOL", "Formation"};
        for (int t = 0; t < 3; t++) {
            jdbc.sql("""
                    INSERT INTO networking_table (session_id, name, place, capacity, host_person_id, host_name, theme, position)
                    VALUES (?, ?, NULL, 3, ?, ?, ?, ?)""")
                    .params(sessionId, "Table " + (t + 1), host, "Hélène Hôte " + n, themes[t], t).update();
        }
        store.saveSettings(sessionId, new RotationData.Settings(10, 2, 3, true, false));
        for (int p = 1; p <= 9; p++) {
            store.addMember(sessionId, "Participant " + p, "Ville " + p, null);
        }
        String email = "navigateur.plan." + n + "@cnfpt.fr";
        accounts.create(new NewAccount(email, "Nina Navigatrice", Role.ORGANISER, unit, PASSWORD));

        browser.get(url("/connexion"));
        type("courriel", email);
        type("motdepasse", PASSWORD);
        browser.findElement(By.id("motdepasse")).sendKeys(Keys.ENTER);
        waitFor(By.cssSelector(".signout"));

        browser.get(url("/admin/journees/" + code.slug() + "/reseautage/" + slotId + "/plan"));
        assertThat(browser.findElement(By.id("etat")).getText()).isEqualTo("Aucun plan n'est encore calculé.");
        BrowserSupport.assertAccessible(browser);
        browser.findElement(By.xpath("//button[normalize-space()='Générer le plan']")).sendKeys(Keys.ENTER);
        // The page refreshes itself until the plan is there (no reload from the test).
        waitForText(By.id("etat"), "Plan calculé le");
        assertThat(browser.findElement(By.id("qualite")).getText()).contains("Chaque participant découvre");
        assertThat(browser.findElements(By.cssSelector("table.plan-round"))).hasSize(3);
        BrowserSupport.assertAccessible(browser);
    }
}
