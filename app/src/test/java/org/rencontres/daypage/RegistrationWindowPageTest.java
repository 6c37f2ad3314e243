package org.rencontres.daypage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rencontres.HtmlChecker;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.WebSession;
import org.rencontres.event.DayDraft;
import org.rencontres.event.DayStatus;
import org.rencontres.event.Days;
import org.rencontres.event.SessionCode;
import org.rencontres.event.SessionDayDraft;
import org.rencontres.registration.Capacity;
import org.rencontres.registration.Registrations;
import org.rencontres.shared.FrenchTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The public page offers « S'inscrire en ligne » only while the form takes requests: before it opens
 * it says from which day, after it closes it says so, and with a closing date it shows the last day.
 */
@RencontresIntegrationTest
class RegistrationWindowPageTest {

    private static final String ONLINE = "S'inscrire en ligne";

    @LocalServerPort int port;
    @Autowired Days days;
    @Autowired Registrations registrations;

    private final LocalDate today = LocalDate.now(FrenchTime.PARIS);
    private final List<Long> published = new ArrayList<>();

    /** Back to draft: this test's sessions do not crowd the public catalogue that other tests read. */
    @AfterEach
    void unpublish() {
        published.forEach(id -> days.changeStatus(id, DayStatus.DRAFT));
    }

    /** A published session two months ahead, its registration period (dates included) or none. */
    private String session(LocalDate firstDay, LocalDate lastDay) {
        SessionCode code = new SessionCode("ZRWP " + System.nanoTime() % 1_000_000);
        long id = days.create(new DayDraft(code, "Journée des fenêtres d'inscription", null, null,
                List.of(new SessionDayDraft(today.plusMonths(2), LocalTime.of(9, 0), LocalTime.of(17, 0))),
                "Une journée.", null, null, null, false, null, null, null, List.of(), List.of(), List.of()));
        days.changeStatus(id, DayStatus.PUBLISHED);
        published.add(id);
        if (firstDay != null || lastDay != null) {
            registrations.setCapacity(new Capacity(id, 30, 48, false, midnight(firstDay),
                    lastDay == null ? null : midnight(lastDay.plusDays(1))));
        }
        return "/journees/" + code.slug();
    }

    private static Instant midnight(LocalDate date) {
        return date == null ? null : date.atStartOfDay(FrenchTime.PARIS).toInstant();
    }

    private Document page(String path) throws Exception {
        String html = new WebSession(port).get(path).body();
        HtmlChecker.assertValid("registration-window", Map.of("public page", html));
        return org.jsoup.Jsoup.parse(html);
    }

    @Test
    void without_a_period_the_form_is_offered_and_no_date_is_shown() throws Exception {
        Document page = page(session(null, null));
        assertThat(page.select(".day-actions a").eachText()).contains(ONLINE);
        assertThat(page.select("#periode-inscription")).isEmpty();
    }

    @Test
    void before_it_opens_the_page_says_from_which_day_and_offers_no_form() throws Exception {
        LocalDate opens = today.plusDays(5);
        Document page = page(session(opens, today.plusDays(20)));
        assertThat(page.select(".day-actions a").eachText()).doesNotContain(ONLINE);
        assertThat(page.select("#periode-inscription").text())
                .isEqualTo("Inscriptions à partir du " + FrenchTime.longDate(opens) + ".");
    }

    @Test
    void while_open_with_a_closing_date_the_page_shows_the_last_day_and_offers_the_form() throws Exception {
        LocalDate last = today.plusDays(9);
        Document page = page(session(today.minusDays(3), last));
        assertThat(page.select(".day-actions a").eachText()).contains(ONLINE);
        assertThat(page.select("#periode-inscription").text())
                .isEqualTo("Inscriptions ouvertes jusqu'au " + FrenchTime.longDate(last) + ".");
    }

    @Test
    void after_it_closes_the_page_says_so_and_offers_no_form() throws Exception {
        Document page = page(session(today.minusDays(20), today.minusDays(1)));
        assertThat(page.select(".day-actions a").eachText()).doesNotContain(ONLINE);
        assertThat(page.select("#periode-inscription").text()).isEqualTo("Les inscriptions sont closes.");
    }
}
