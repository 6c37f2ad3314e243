package org.rencontres.daypage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.rencontres.HtmlChecker;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.directory.Directory;
import org.rencontres.directory.NewOrganisation;
import org.rencontres.directory.OrganisationKind;
import org.rencontres.event.DayDraft;
import org.rencontres.event.DayStatus;
import org.rencontres.event.Days;
import org.rencontres.event.PublicInfo;
import org.rencontres.event.PublicInformation;
import org.rencontres.event.SessionCode;
import org.rencontres.event.SessionDayDraft;
import org.rencontres.shared.EmailAddress;
import org.rencontres.shared.Phone;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A session's public information (Qualiopi, indicator 1) on its public page, in its JSON-LD and in its brochure;
 * a session without any shows none of it (nor any price in its JSON-LD).
 */
@RencontresIntegrationTest
class PublicInfoPageTest {

    @LocalServerPort int port;
    @Autowired Days days;
    @Autowired PublicInformation publicInformation;
    @Autowired Directory directory;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<byte[]> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private SessionCode publishedSession(String prefix) {
        long n = System.nanoTime() % 100_000_000;
        SessionCode code = new SessionCode(prefix + " " + n);
        Long organiser = directory.organisationNamed(NewOrganisation.named("Centre de gestion " + n,
                OrganisationKind.PUBLIC_BODY)).id();
        long id = days.create(new DayDraft(code, "Journée publique " + n, null, null,
                List.of(new SessionDayDraft(LocalDate.of(2031, 6, 3), LocalTime.of(9, 0), LocalTime.of(16, 30))),
                null, null, null, null, false, organiser, null, null, List.of(), List.of(), List.of()));
        days.changeStatus(id, DayStatus.PUBLISHED);
        return code;
    }

    @Test
    void the_public_information_shows_on_the_page_in_json_ld_and_in_the_brochure() throws Exception {
        SessionCode code = publishedSession("ZPUB");
        long id = days.find(code.slug()).orElseThrow().id();
        publicInformation.save(id, new PublicInfo("Connaître la réforme\nSavoir l'appliquer", "Aucun prérequis",
                "Exposés et ateliers", "Questionnaire de fin de journée", null, new BigDecimal("150.00"), true,
                "gratuit pour les agents des collectivités cotisantes", "Salle de plain-pied, boucle magnétique",
                "Claire Martin", new EmailAddress("referent@cdg77.fr"), new Phone("01 60 79 74 00")));

        String html = new String(get("/journees/" + code.slug()).body(), StandardCharsets.UTF_8);
        Document page = Jsoup.parse(html);
        assertThat(page.select("nav.toc a[href=#informations]")).hasSize(1);
        assertThat(page.select("#informations h2").text()).isEqualTo("Informations pratiques et pédagogiques");
        assertThat(page.select("#informations dt").eachText()).containsExactly("Objectifs", "Prérequis",
                "Méthodes pédagogiques", "Modalités d'évaluation", "Durée", "Tarif", "Accessibilité", "Référent handicap");
        assertThat(page.select("#informations dd").eachText()).contains("7 h 30",
                "150 € ; gratuit pour les agents des collectivités cotisantes");
        assertThat(page.select("#informations a[href=mailto:referent@cdg77.fr]")).hasSize(1);
        assertThat(page.select("#informations a[href=tel:+33160797400]")).hasSize(1);
        HtmlChecker.assertValid("public-info-page", Map.of("page", html));

        JsonNode event = JsonMapper.builder().build().readTree(page.select("script[type=application/ld+json]").html());
        assertThat(event.path("teaches").asString()).isEqualTo("Connaître la réforme\nSavoir l'appliquer");
        assertThat(event.path("isAccessibleForFree").asBoolean()).isFalse();
        assertThat(event.path("offers").size()).isEqualTo(2);
        assertThat(event.path("offers").get(0).path("price").asString()).isEqualTo("150");
        assertThat(event.path("offers").get(0).path("priceCurrency").asString()).isEqualTo("EUR");
        assertThat(event.path("offers").get(1).path("price").asString()).isEqualTo("0");
        assertThat(event.path("offers").get(1).path("description").asString())
                .isEqualTo("gratuit pour les agents des collectivités cotisantes");
        JsonNode course = event.path("about");
        assertThat(course.path("@type").asString()).isEqualTo("Course");
        assertThat(course.path("coursePrerequisites").asString()).isEqualTo("Aucun prérequis");
        assertThat(course.path("timeRequired").asString()).isEqualTo("PT7H30M");
        assertThat(course.path("accessibilitySummary").asString()).isEqualTo("Salle de plain-pied, boucle magnétique");
        JsonNode contact = event.path("organizer").path("contactPoint");
        assertThat(contact.path("contactType").asString()).isEqualTo("référent handicap");
        assertThat(contact.path("email").asString()).isEqualTo("referent@cdg77.fr");
        assertThat(contact.path("telephone").asString()).isEqualTo("01 60 79 74 00");

        assertThat(brochureText(code)).contains("INFORMATIONSPRATIQUESETPÉDAGOGIQUES",
                "Objectifs:ConnaîtrelaréformeSavoirl'appliquer", "Prérequis:Aucunprérequis", "Durée:7h30",
                "Tarif:150€;gratuitpourlesagentsdescollectivitéscotisantes",
                "Référenthandicap:ClaireMartinreferent@cdg77.fr0160797400");
    }

    @Test
    void a_session_without_public_information_shows_none_of_it() throws Exception {
        SessionCode code = publishedSession("ZNOPUB");
        Document page = Jsoup.parse(new String(get("/journees/" + code.slug()).body(), StandardCharsets.UTF_8));
        assertThat(page.select("#informations")).isEmpty();
        assertThat(page.select("nav.toc a[href=#informations]")).isEmpty();
        JsonNode event = JsonMapper.builder().build().readTree(page.select("script[type=application/ld+json]").html());
        assertThat(event.has("teaches")).isFalse();
        assertThat(event.has("offers")).isFalse();
        assertThat(event.has("about")).isFalse();
        assertThat(event.path("organizer").has("contactPoint")).isFalse();
        assertThat(event.path("isAccessibleForFree").asBoolean()).isTrue();
        assertThat(brochureText(code)).doesNotContain("INFORMATIONSPRATIQUES", "Référenthandicap");
    }

    /** The brochure's text without its blanks: lines wrap where the layout decides. */
    private String brochureText(SessionCode code) throws Exception {
        HttpResponse<byte[]> response = get("/journees/" + code.slug() + "/plaquette.pdf");
        assertThat(response.statusCode()).isEqualTo(200);
        try (PDDocument pdf = Loader.loadPDF(response.body())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(pdf).replaceAll("[\\s\\u00a0\\u202f]+", "");
        }
    }
}
