package org.rencontres.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.rencontres.RencontresIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What the public sees follows a day's status at once, despite the page cache. */
@RencontresIntegrationTest
class DayStatusPageTest {

    @LocalServerPort int port;
    @Autowired Days days;
    @Autowired org.rencontres.security.Accounts accounts;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void visitors_share_one_rendering_but_a_signed_in_organiser_gets_their_own() throws Exception {
        String anonymousFirst = get("/journees/Z20IN001").body();
        assertThat(get("/journees/z20in001").body()).isEqualTo(anonymousFirst);
        assertThat(Jsoup.parse(anonymousFirst).select(".signout")).isEmpty();

        if (!accounts.emailTaken("page.publique@cnfpt.fr")) {
            accounts.create(new org.rencontres.security.NewAccount("page.publique@cnfpt.fr", "Orga page publique",
                    org.rencontres.security.Role.ORGANISER, null, "correct horse battery"));
        }
        org.rencontres.WebSession organiser = new org.rencontres.WebSession(port);
        organiser.signIn("page.publique@cnfpt.fr", "correct horse battery");
        assertThat(organiser.page("/journees/Z20IN001").select(".signout").text()).contains("Orga page publique");
        assertThat(Jsoup.parse(get("/journees/Z20IN001").body()).select(".signout")).isEmpty();
        assertThat(Jsoup.parse(get("/journees/Z20IN001?lang=en").body()).select("h2").eachText()).contains("Target audience");
        assertThat(Jsoup.parse(get("/journees/Z20IN001").body()).select("h2").eachText()).contains("Public visé");
    }

    @Test
    void drafts_are_hidden_published_days_shown_cancelled_days_flagged() throws Exception {
        long id = days.create(new DayDraft(new SessionCode("ZSTAT 001"), "Journée sur le statut", null, null, List.of(new SessionDayDraft(LocalDate.of(2031, 3, 6), LocalTime.of(9, 0), LocalTime.of(12, 30))), "Une *matinée*.", null, null, null,
                false, null, null, null, List.of(), List.of(), List.of()));

        assertThat(get("/journees/ZSTAT001").statusCode()).isEqualTo(404);

        days.changeStatus(id, DayStatus.PUBLISHED);
        HttpResponse<String> published = get("/journees/zstat001");
        assertThat(published.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(published.body()).select("h2").eachText()).contains("Programme", "Contexte")
                .doesNotContain("Accès", "Ateliers participatifs");
        assertThat(Jsoup.parse(published.body()).select("[role=alert]")).isEmpty();

        days.changeStatus(id, DayStatus.CANCELLED);
        HttpResponse<String> cancelled = get("/journees/ZSTAT001");
        assertThat(Jsoup.parse(cancelled.body()).select("[role=alert]").text()).contains("Journée annulée");
        assertThat(get("/journees/ZSTAT001/agenda.ics").body()).contains("STATUS:CANCELLED");

        days.changeStatus(id, DayStatus.DRAFT);
        assertThat(get("/journees/ZSTAT001").statusCode()).isEqualTo(404);
    }
}
