package org.rencontres.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.rencontres.BrowserSupport;
import org.rencontres.BrowserTest;
import org.rencontres.TestSessions;
import org.rencontres.event.DayDraft;
import org.rencontres.event.Days;
import org.rencontres.event.SessionCode;
import org.rencontres.event.SessionDayDraft;
import org.rencontres.registration.Capacity;
import org.rencontres.registration.Registrations;
import org.rencontres.security.Accounts;
import org.rencontres.security.NewAccount;
import org.rencontres.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The paged attendance list in Chromium: axe-core finds no accessibility problem on a filtered middle page, the
 * keyboard goes from the last row to the pager, and the pager's next page keeps the filters.
 */
class AttendanceListBrowserTest extends BrowserTest {

    @Autowired Days days;
    @Autowired Accounts accounts;
    @Autowired Registrations registrations;
    @Autowired JdbcClient jdbc;

    @Test
    void the_paged_list_is_accessible_and_its_pager_is_reached_by_the_keyboard() {
        long n = System.nanoTime() % 100_000_000;
        String unit = "INSET des listes de présence " + n;
        String email = "liste." + n + "@cnfpt.fr";
        accounts.create(new NewAccount(email, "Lina Liste", Role.ORGANISER, unit, TestSessions.PASSWORD));
        String code = "ZAB" + n;
        long dayId = days.create(new DayDraft(new SessionCode(code), "Journée de la liste", null, null,
                List.of(new SessionDayDraft(LocalDate.of(2016, 10, 4), LocalTime.of(9, 0), LocalTime.of(17, 0))),
                "Une journée de test.", null, null, null, false, null, unit, null, List.of(), List.of(), List.of()));
        registrations.setCapacity(new Capacity(dayId, 500, 48, false));
        jdbc.sql("""
                INSERT INTO registration (event_day_id, surname, given_name, email, phone, position_service,
                                          employer_name, consent_at, state)
                SELECT :day, 'Présente', 'Agent' || lpad(i::text, 3, '0'), 'agent' || i || '.' || :n || '@test.fr',
                       '01 60 79 74 00', 'Juriste', 'Commune de Test', now(), 'CONFIRMED'
                FROM generate_series(1, 160) i""").param("day", dayId).param("n", n).update();

        browser.get(url("/connexion"));
        type("courriel", email);
        type("motdepasse", TestSessions.PASSWORD);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitForText(By.tagName("h1"), "Vos journées");

        String list = "/admin/journees/" + new SessionCode(code).slug() + "/presences";
        browser.get(url(list + "?q=agent&presence=absent&page=2"));
        assertThat(browser.findElement(By.cssSelector("nav.pagination .pager-position")).getText())
                .isEqualTo("Page 2 sur 4");
        assertThat(browser.findElements(By.cssSelector("table.attendance-table tbody tr"))).hasSize(50);
        BrowserSupport.assertAccessible(browser);

        // From the last link of the table, the keyboard reaches the pager next.
        List<WebElement> rowLinks = browser.findElements(By.cssSelector("table.attendance-table tbody a"));
        WebElement lastRowLink = rowLinks.get(rowLinks.size() - 1);
        browser.executeScript("arguments[0].focus()", lastRowLink);
        new Actions(browser).sendKeys(Keys.TAB).perform();
        WebElement focused = browser.switchTo().activeElement();
        assertThat(focused.getAttribute("rel")).isEqualTo("prev");
        assertThat((Boolean) browser.executeScript(
                "return document.activeElement.closest('nav.pagination') !== null")).isTrue();
        WebElement next = browser.findElement(By.cssSelector("nav.pagination a[rel=next]"));
        next.sendKeys(Keys.ENTER);
        waitForText(By.cssSelector("nav.pagination .pager-position"), "Page 3 sur 4");
        assertThat(browser.getCurrentUrl()).endsWith(list + "?q=agent&presence=absent&page=3");
        assertThat(browser.findElement(By.id("q")).getAttribute("value")).isEqualTo("agent");
    }
}
