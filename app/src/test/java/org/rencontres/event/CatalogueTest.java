package org.rencontres.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rencontres.RencontresIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The catalogue lists public days, upcoming first then past editions, and filters them. */
@RencontresIntegrationTest
class CatalogueTest {

    @LocalServerPort int port;
    @Autowired Days days;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void someDays() {
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Paris"));
        create("ZCATA 001", "Journée lointaine sur la commande publique", today.plusDays(90), "Lyon", DayStatus.PUBLISHED);
        create("ZCATA 002", "Journée prochaine sur le climat", today.plusDays(10), "Nantes", DayStatus.PUBLISHED);
        create("ZCATA 003", "Brouillon à ne pas montrer", today.plusDays(20), "Lille", DayStatus.DRAFT);
        create("ZCATA 004", "Journée annulée sur les marchés", today.plusDays(30), "Lyon", DayStatus.CANCELLED);
        create("ZCATA 005", "Édition 2019 sur le numérique", LocalDate.of(2019, 3, 14), "Nancy", DayStatus.ARCHIVED);
    }

    private void create(String code, String title, LocalDate date, String city, DayStatus status) {
        SessionCode sessionCode = new SessionCode(code);
        if (days.exists(sessionCode)) {
            return;
        }
        long id = days.create(new DayDraft(sessionCode, title, null, "Thème " + city, List.of(new SessionDayDraft(date, LocalTime.of(9, 0), LocalTime.of(17, 0))), null, null, null, null, false, null, null,
                new Venue("Salle", null, "1 rue de la Mairie", "00000", city, null, null, null, null),
                List.of(), List.of(), List.of()));
        days.changeStatus(id, status);
    }

    private Document catalogue(String query) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/" + query)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return Jsoup.parse(response.body());
    }

    @Test
    void upcoming_days_soonest_first_then_past_editions_latest_first_never_drafts() throws Exception {
        // Other tests publish days too, so the catalogue may run over several pages (20 days a page, upcoming first):
        // read every page, and check only the order of this test's own days.
        List<Document> pages = new ArrayList<>();
        pages.add(catalogue(""));
        // « Page 1 sur N » (the pager links only to a few pages around the current one).
        String position = pages.get(0).select("nav.pagination .pager-position").text();
        int count = position.isEmpty() ? 1 : Integer.parseInt(position.replaceAll(".* sur ", ""));
        for (int page = 2; page <= count; page++) {
            pages.add(catalogue("?page=" + page));
        }
        List<String> upcoming = pages.stream()
                .flatMap(d -> d.select("section[aria-labelledby=a-venir] h3").eachText().stream()).toList();
        assertThat(upcoming).filteredOn(t -> t.startsWith("Journée ") && t.contains(" sur ")).containsExactly(
                "Journée prochaine sur le climat", "Journée annulée sur les marchés", "Journée lointaine sur la commande publique");
        List<String> past = pages.stream()
                .flatMap(d -> d.select("section[aria-labelledby=passees] h3").eachText().stream()).toList();
        int demo = past.indexOf(past.stream().filter(t -> t.startsWith("Nouveaux mandats")).findFirst().orElseThrow());
        assertThat(past.indexOf("Édition 2019 sur le numérique")).isGreaterThan(demo);
        for (Document page : pages) {
            assertThat(page.text()).doesNotContain("Brouillon à ne pas montrer");
        }
        assertThat(pages.stream().flatMap(d -> d.select("section[aria-labelledby=a-venir] .day-card").stream())
                .filter(card -> card.text().contains("Journée annulée sur les marchés")).findFirst().orElseThrow()
                .select(".badge").text()).isEqualTo("Journée annulée");
        assertThat(pages.stream().mapToInt(d -> d.select("a[href=/journees/Z20IN001]").size()).sum()).isEqualTo(1);
    }

    @Test
    void filters_by_theme_place_and_dates() throws Exception {
        assertThat(catalogue("?q=climat").select("h3").eachText()).containsExactly("Journée prochaine sur le climat");
        assertThat(catalogue("?lieu=lyon").select("h3").eachText())
                .filteredOn(t -> t.contains(" sur ")).containsExactly("Journée annulée sur les marchés", "Journée lointaine sur la commande publique");
        assertThat(catalogue("?q=" + URLEncoder.encode("action internationale", StandardCharsets.UTF_8))
                .select("h3").eachText()).hasSize(1).first().asString().startsWith("Nouveaux mandats");
        assertThat(catalogue("?du=2019-01-01&au=2019-12-31").select("h3").eachText())
                .containsExactly("Édition 2019 sur le numérique");
        assertThat(catalogue("?du=01%2F01%2F2019&au=31%2F12%2F2019").select("h3").eachText())
                .containsExactly("Édition 2019 sur le numérique");
        Document none = catalogue("?q=zzzz%25");
        assertThat(none.select("h3")).isEmpty();
        assertThat(none.select("[role=status]").text()).isEqualTo("Aucune journée ne correspond à votre recherche.");
    }

    @Test
    void a_bad_date_gets_a_french_message_and_the_whole_catalogue() throws Exception {
        Document doc = catalogue("?du=31%2F02%2F2020&au=2020-01-01");

        assertThat(doc.select(".error-summary li").eachText()).containsExactly(
                "la date « À partir du » n'est pas une date valide (format attendu : JJ/MM/AAAA).");
        assertThat(doc.select("#du").attr("aria-invalid")).isEqualTo("true");
        assertThat(doc.select("#du").attr("value")).isEqualTo("31/02/2020");
        assertThat(doc.select("#du").attr("type")).isEqualTo("text");
        assertThat(doc.select("h3").eachText()).contains("Journée prochaine sur le climat");

        Document reversed = catalogue("?du=2021-01-01&au=2020-01-01");
        assertThat(reversed.select(".error-summary li").eachText())
                .containsExactly("la date « Jusqu'au » précède la date « À partir du ».");
    }

    @Test
    void filters_by_tag_and_pages_through_many_days_with_shareable_links() throws Exception {
        LocalDate first = LocalDate.of(2010, 1, 7);
        for (int i = 0; i < DayCatalogue.PAGE_SIZE + 3; i++) {
            SessionCode code = new SessionCode("ZPAGE " + (100 + i));
            if (!days.exists(code)) {
                long id = days.create(new DayDraft(code, "Journée paginée " + (100 + i), null, null, List.of(new SessionDayDraft(first.plusWeeks(i), LocalTime.of(9, 0), LocalTime.of(12, 0))), null, null, null, null, false, null, null, null,
                        List.of(), List.of(), List.of()));
                days.tag(id, List.of("Pagination"));
                days.changeStatus(id, DayStatus.ARCHIVED);
            }
        }
        Document page1 = catalogue("?theme=Pagination");
        assertThat(page1.select(".day-card h3")).hasSize(DayCatalogue.PAGE_SIZE);
        assertThat(page1.select(".day-card h3").first().text()).isEqualTo("Journée paginée 122");
        assertThat(page1.select(".catalogue-count").text()).isEqualTo((DayCatalogue.PAGE_SIZE + 3) + " journées pour cette recherche.");
        assertThat(page1.select(".pagination [aria-current=page]").text()).isEqualTo("1");
        String next = page1.select(".pagination a[rel=next]").attr("href");
        assertThat(next).contains("theme=Pagination").contains("page=2");

        Document page2 = catalogue(next.substring(1));
        assertThat(page2.select(".day-card h3").eachText())
                .containsExactly("Journée paginée 102", "Journée paginée 101", "Journée paginée 100");
        assertThat(catalogue("?theme=Pagination&page=99").select(".pagination [aria-current=page]").text()).isEqualTo("2");
        assertThat(catalogue("?theme=Pagination&page=abc").select(".pagination [aria-current=page]").text()).isEqualTo("1");
        assertThat(catalogue("").select("#theme option").eachText()).contains("Tous les thèmes", "Pagination",
                "Europe et international");
        assertThat(catalogue("?theme=" + URLEncoder.encode("Europe et international", StandardCharsets.UTF_8))
                .select(".day-card h3").eachText()).hasSize(1).first().asString().startsWith("Nouveaux mandats");
    }

    @Test
    void english_when_asked_french_otherwise() throws Exception {
        assertThat(catalogue("?lang=en").select("h1").text()).isEqualTo("Catalogue of update days");
        assertThat(catalogue("?lang=xx").select("h1").text()).isEqualTo("Catalogue des journées d'actualité");
    }
}
