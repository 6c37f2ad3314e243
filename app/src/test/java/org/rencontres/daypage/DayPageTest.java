package org.rencontres.daypage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtStart;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.rencontres.RencontresIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The public page of the demo day, its calendar file and its error pages, over real HTTP. */
@RencontresIntegrationTest
class DayPageTest {

    @LocalServerPort int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path) throws Exception {
        // As a browser asks: HTML first.
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private Document page(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).isEqualTo(200);
        return Jsoup.parse(response.body(), "http://localhost:" + port + path);
    }

    @Test
    void the_page_shows_every_part_of_the_brochure_in_order() throws Exception {
        Document doc = page("/journees/Z20IN001");

        assertThat(doc.select("html").attr("lang")).isEqualTo("fr");
        assertThat(doc.select("h1").text()).isEqualTo(
                "Nouveaux mandats, nouvelles perspectives pour l'action internationale des collectivités territoriales (AICT)");
        assertThat(doc.select(".day-when").text()).isEqualTo("jeudi 25 juin 2020, de 9h30 à 16h30");
        assertThat(doc.select(".session-code").eachText()).containsOnly("Z20IN 001");
        assertThat(doc.select("main h2").eachText()).containsExactly(
                "Sur cette page", "Contexte", "Public visé", "Programme prévisionnel", "Le speed dating de l'AICT",
                "Ateliers participatifs", "Ressources documentaires", "Contact", "Information et inscription",
                "Accès", "Organisation");
        assertThat(doc.select("#contexte em").eachText()).containsExactly("l'international en collectivité",
                "l'art et la manière");
        assertThat(doc.select("#public").text()).contains("jumelages, jeunesse, culture");
    }

    @Test
    void the_programme_is_a_timeline_of_time_elements() throws Exception {
        Document doc = page("/journees/z20in001");

        assertThat(doc.select(".timeline > li > .moment-time time").eachAttr("datetime")).containsExactly(
                "2020-06-25T09:30+02:00", "2020-06-25T10:00+02:00", "2020-06-25T10:15+02:00", "2020-06-25T11:15+02:00",
                "2020-06-25T12:15+02:00", "2020-06-25T12:30+02:00", "2020-06-25T14:00+02:00", "2020-06-25T14:30+02:00",
                "2020-06-25T16:00+02:00", "2020-06-25T16:15+02:00", "2020-06-25T16:30+02:00");
        assertThat(doc.select(".timeline time").eachText()).contains("9h30", "10h", "10h15", "11h15", "12h15", "12h30",
                "12h45", "14h", "14h30", "16h", "16h15", "16h30");
        Element opening = doc.select(".slot").stream().filter(s -> s.text().contains("Allocutions d'ouverture"))
                .findFirst().orElseThrow();
        assertThat(opening.select(".people li")).hasSize(2);
        assertThat(opening.select(".representative").eachText()).containsExactly("ou son représentant", "ou son représentant");
        assertThat(opening.text()).contains("Dominique Pornet Rivoire", "Michel Bisson");
        assertThat(doc.select(".slot-sharing .role").eachText()).containsOnly("Modération :");
        assertThat(doc.select(".slot-sharing").text()).contains("Yannick Lechevallier, directeur de l'Agence du monde commun");

        Element lunch = doc.select(".moment").get(5);
        assertThat(lunch.select(".parallel")).hasSize(1);
        assertThat(lunch.select(".track-name").eachText()).containsExactly(
                "Programme principal", "Speed dating — en parallèle à partir de 12h45");
        Element workshops = doc.select(".moment").get(7);
        assertThat(workshops.select(".track-name").eachText()).containsExactly("Atelier n°1", "Atelier n°2");
        assertThat(doc.select(".topics li").eachText())
                .containsExactly("Le diagnostic de mondialité", "Expertise territoriale et expatriation");
    }

    @Test
    void networking_workshops_resources_contacts_and_access() throws Exception {
        Document doc = page("/journees/Z20IN001");

        Element networking = doc.selectFirst("section.networking");
        assertThat(networking.text()).contains("groupes de 6 personnes", "6 personnes", "toutes les 10 à 12 minutes",
                "de 12h45 à 14h", "Sujets sous réserve.");
        assertThat(networking.select(".themes li")).hasSize(5);
        assertThat(doc.select("#ateliers .workshop h3").eachText()).containsExactly("Atelier n°1", "Atelier n°2");
        assertThat(doc.select("#atelier-1").text()).contains("Bright Mirror");
        assertThat(doc.select("#ressources a").eachAttr("href")).containsOnly("https://e-communaut.es.cnfpt.fr/");
        assertThat(doc.select("#contact a[href^=tel:]").attr("href")).isEqualTo("tel:+33616958875");
        assertThat(doc.select("#contact a[href^=mailto:]").attr("href")).isEqualTo("mailto:emmanuel.thouary@cnfpt.fr");
        assertThat(doc.select("#inscription a[href^=tel:]").attr("href")).isEqualTo("tel:+33383192220");
        assertThat(doc.select("#inscription a[href^=mailto:]").attr("href")).isEqualTo("mailto:magali.belot@cnfpt.fr");
        assertThat(doc.select("#inscription").text()).contains("service formation de votre collectivité", "Z20IN 001");
        assertThat(doc.select("#acces address").text()).contains("500 place des Champs-Élysées", "91080 Évry-Courcouronnes");
        assertThat(doc.select("#acces a[href^=https://www.openstreetmap.org/]")).hasSize(1);
        assertThat(doc.select("#organisation").text()).contains("Avec le concours de",
                "Communauté d'agglomération Grand Paris Sud");
    }

    @Test
    void the_page_carries_schema_org_event_json_ld() throws Exception {
        Document doc = page("/journees/Z20IN001");

        JsonNode event = JsonMapper.builder().build().readTree(doc.select("script[type=application/ld+json]").html());
        assertThat(event.path("@context").asString()).isEqualTo("https://schema.org");
        assertThat(event.path("@type").asString()).isEqualTo("EducationEvent");
        assertThat(event.path("startDate").asString()).isEqualTo("2020-06-25T09:30+02:00");
        assertThat(event.path("endDate").asString()).isEqualTo("2020-06-25T16:30+02:00");
        assertThat(event.path("identifier").asString()).isEqualTo("Z20IN 001");
        assertThat(event.path("location").path("address").path("postalCode").asString()).isEqualTo("91080");
        assertThat(event.path("performer").size()).isEqualTo(4);
        assertThat(doc.select("link[rel=alternate][type=text/calendar]").attr("href")).isEqualTo("/journees/Z20IN001/agenda.ics");
    }

    @Test
    void the_calendar_file_imports_as_one_event_in_paris_time() throws Exception {
        HttpResponse<String> response = get("/journees/z20in001/agenda.ics");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/calendar");
        assertThat(response.body()).contains("\r\n");
        assertThat(response.body().split("\r\n")).allSatisfy(line -> assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));

        Calendar calendar = new CalendarBuilder().build(new StringReader(response.body()));
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize(1);
        VEvent event = events.get(0);
        DtStart<Temporal> start = event.getDateTimeStart();
        assertThat(ZonedDateTime.from(start.getDate()).toOffsetDateTime().toString()).isEqualTo("2020-06-25T09:30+02:00");
        assertThat(event.getProperty(Property.LOCATION).orElseThrow().getValue()).contains("Évry-Courcouronnes");
        assertThat(event.getProperty(Property.URL).orElseThrow().getValue()).endsWith("/journees/Z20IN001");
        assertThat(calendar.getComponents("VTIMEZONE")).hasSize(1);
    }

    @Test
    void an_unknown_code_gets_a_french_404_page_without_internals() throws Exception {
        HttpResponse<String> response = get("/journees/NEXISTEPAS");
        assertThat(response.statusCode()).isEqualTo(404);
        Document doc = Jsoup.parse(response.body());
        assertThat(doc.select("html").attr("lang")).isEqualTo("fr");
        assertThat(doc.select("h1").text()).isEqualTo("Page introuvable");
        assertThat(response.body()).doesNotContain("Exception", "at org.", "Whitelabel");
        assertThat(get("/journees/NEXISTEPAS/agenda.ics").statusCode()).isEqualTo(404);
    }

    @Test
    void security_headers_are_set() throws Exception {
        HttpResponse<String> response = get("/journees/Z20IN001");
        var headers = response.headers();
        assertThat(headers.firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-inline");
        assertThat(headers.firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(headers.firstValue("Referrer-Policy")).contains("strict-origin-when-cross-origin");
        // No inline script may run under that policy: the only inline script element is JSON-LD data; the
        // others are the site's own files (same origin, empty element).
        Document doc = Jsoup.parse(response.body());
        assertThat(doc.select("script:not([src])"))
                .allSatisfy(s -> assertThat(s.attr("type")).isEqualTo("application/ld+json")).hasSize(1);
        assertThat(doc.select("script[src]")).allSatisfy(s -> {
            assertThat(s.attr("src")).startsWith("/js/");
            assertThat(s.data()).isEmpty();
        });
        assertThat(doc.select("[style]")).isEmpty();
    }

    @Test
    void the_back_office_is_closed_to_anonymous_visitors() throws Exception {
        assertThat(get("/admin").statusCode()).isIn(302, 401, 403);
        assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
    }
}
