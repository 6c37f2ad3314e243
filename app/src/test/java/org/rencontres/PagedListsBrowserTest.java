package org.rencontres;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.rencontres.event.DayDraft;
import org.rencontres.event.DayStatus;
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
 * The paged organiser's home and queue in Chromium: the pager is reached by the keyboard, keeps the filters, and
 * axe-core finds no accessibility problem on a middle page.
 */
class PagedListsBrowserTest extends BrowserTest {

    @Autowired Days days;
    @Autowired Accounts accounts;
    @Autowired Registrations registrations;
    @Autowired JdbcClient jdbc;

    @Test
    void the_paged_home_and_queue_are_accessible() {
        long n = System.nanoTime() % 100_000_000;
        String unit = "INSET des pages " + n;
        String email = "pages." + n + "@cnfpt.fr";
        accounts.create(new NewAccount(email, "Paule Pages", Role.ORGANISER, unit, TestSessions.PASSWORD));
        long dayId = 0;
        for (int i = 1; i <= 60; i++) {
            dayId = days.create(new DayDraft(new SessionCode("ZPB" + n + " " + i), "Journée paginée n° " + i, null, null,
                    List.of(new SessionDayDraft(LocalDate.of(2030, 1, 1).plusDays(i), LocalTime.of(9, 0),
                            LocalTime.of(17, 0))), "Une journée de test.", null, null, null, false, null, unit, null,
                    List.of(), List.of(), List.of()));
        }
        days.changeStatus(dayId, DayStatus.PUBLISHED);
        registrations.setCapacity(new Capacity(dayId, 500, 48, false));
        jdbc.sql("""
                INSERT INTO registration (event_day_id, surname, given_name, email, phone, position_service,
                                          employer_name, consent_at, state)
                SELECT :day, 'Pagé', 'Agent' || i, 'agent' || i || '.' || :n || '@test.fr', '01 60 79 74 00',
                       'Juriste', 'Commune de Test', now(), 'REQUESTED'
                FROM generate_series(1, 120) i""").param("day", dayId).param("n", n).update();

        browser.get(url("/connexion"));
        type("courriel", email);
        type("motdepasse", TestSessions.PASSWORD);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitForText(By.tagName("h1"), "Vos journées");

        browser.get(url("/admin?etat=DRAFT&page=2"));
        assertThat(browser.findElement(By.cssSelector("nav.pagination .pager-position")).getText())
                .isEqualTo("Page 2 sur 3");
        BrowserSupport.assertAccessible(browser);
        browser.findElement(By.cssSelector("nav.pagination a[rel=next]")).click();
        waitForText(By.cssSelector("nav.pagination .pager-position"), "Page 3 sur 3");
        assertThat(browser.getCurrentUrl()).endsWith("/admin?etat=DRAFT&page=3");

        browser.get(url("/admin/journees/ZPB" + n + "60/inscriptions?recherche=page&page=2"));
        assertThat(browser.findElement(By.cssSelector("nav.pagination .pager-position")).getText())
                .isEqualTo("Page 2 sur 3");
        assertThat(browser.findElements(By.cssSelector("tr[id^=demande-]"))).hasSize(50);
        BrowserSupport.assertAccessible(browser);
    }
}
