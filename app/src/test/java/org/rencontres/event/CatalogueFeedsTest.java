package org.rencontres.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rencontres.RencontresIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The catalogue's feeds: /journees.ics parses back with ical4j (one VEVENT per day of each session to
 * come, stable UIDs, URL and LOCATION), /journees.atom parses as Atom 1.0 with its required elements;
 * no draft in either; the theme and unit filters; an ETag that answers 304; linked from the catalogue.
 */
@RencontresIntegrationTest
class CatalogueFeedsTest {

    private static final String ATOM = "http://www.w3.org/2005/Atom";

    @LocalServerPort int port;
    @Autowired Days days;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void someSessions() {
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Paris"));
        create("ZFLUX 001", "Flux : la commande publique", List.of(today.plusDays(40)), "Unité flux Est",
                "flux-achats", DayStatus.PUBLISHED);
        create("ZFLUX 002", "Flux : deux jours sur le climat", List.of(today.plusDays(12), today.plusDays(13)),
                "Unité flux Ouest", "flux-climat", DayStatus.PUBLISHED);
        create("ZFLUX 003", "Flux : brouillon caché", List.of(today.plusDays(20)), "Unité flux Est", "flux-achats",
                DayStatus.DRAFT);
        create("ZFLUX 004", "Flux : édition passée", List.of(today.minusDays(100)), "Unité flux Est", "flux-achats",
                DayStatus.PUBLISHED);
    }

    private void create(String code, String title, List<LocalDate> dates, String unit, String tag, DayStatus status) {
        SessionCode sessionCode = new SessionCode(code);
        if (days.exists(sessionCode)) {
            return;
        }
        long id = days.create(new DayDraft(sessionCode, title, null, "Thème", dates.stream()
                .map(d -> new SessionDayDraft(d, LocalTime.of(9, 0), LocalTime.of(17, 0))).toList(), null, null, null,
                null, false, null, unit,
                new Venue("Salle des fêtes", null, "1 rue de la Mairie", "91000", "Évry-Courcouronnes", null, null,
                        null, null),
                List.of(), List.of(), List.of()));
        days.tag(id, Set.of(tag));
        days.changeStatus(id, status);
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<VEvent> events(HttpResponse<String> response, String prefix) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(response.body()));
        return calendar.<VEvent>getComponents("VEVENT").stream()
                .filter(e -> e.getSummary().getValue().startsWith(prefix)).toList();
    }

    @Test
    void the_ics_feed_has_one_event_per_day_of_each_session_to_come_and_no_draft() throws Exception {
        HttpResponse<String> response = get("/journees.ics");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/calendar");
        List<VEvent> events = events(response, "Flux");
        assertThat(events).extracting(e -> e.getSummary().getValue()).containsExactly(
                "Flux : deux jours sur le climat", "Flux : deux jours sur le climat", "Flux : la commande publique");
        assertThat(events).extracting(e -> e.getUid().orElseThrow().getValue())
                .allMatch(uid -> uid.endsWith("@localhost"))
                .anyMatch(uid -> uid.equals("journee-ZFLUX001@localhost"))
                .filteredOn(uid -> uid.startsWith("journee-ZFLUX002-jour-")).hasSize(2).doesNotHaveDuplicates();
        VEvent one = events.get(2);
        assertThat(one.getUrl().getValue()).isEqualTo("http://localhost:" + port + "/journees/ZFLUX001");
        assertThat(one.getLocation().getValue()).contains("Salle des fêtes").contains("Évry-Courcouronnes");
        assertThat(response.body()).doesNotContain("brouillon caché").doesNotContain("édition passée");

        // The UIDs are those of each session's own calendar file: subscribing and importing agree.
        HttpResponse<String> single = get("/journees/ZFLUX001/agenda.ics");
        assertThat(events(single, "Flux").get(0).getUid()).isEqualTo(one.getUid());
        assertThat(events(get("/journees.ics"), "Flux")).extracting(e -> e.getUid().orElseThrow().getValue())
                .as("stable from one fetch to the next")
                .containsExactlyElementsOf(events.stream().map(e -> e.getUid().orElseThrow().getValue()).toList());
    }

    @Test
    void the_feeds_filter_by_theme_and_by_unit() throws Exception {
        assertThat(events(get("/journees.ics?theme=FLUX-ACHATS"), "Flux")).extracting(e -> e.getSummary().getValue())
                .containsExactly("Flux : la commande publique");
        assertThat(events(get("/journees.ics?unite=Unit%C3%A9%20flux%20Ouest"), "Flux"))
                .extracting(e -> e.getSummary().getValue())
                .containsExactly("Flux : deux jours sur le climat", "Flux : deux jours sur le climat");
        assertThat(events(get("/journees.ics?theme=flux-achats&unite=Unit%C3%A9%20flux%20Ouest"), "Flux")).isEmpty();
        assertThat(entryTitles(atom(get("/journees.atom?theme=flux-achats"))))
                .filteredOn(t -> t.startsWith("Flux")).containsExactlyInAnyOrder(
                        "Flux : la commande publique", "Flux : édition passée");
        assertThat(entryTitles(atom(get("/journees.atom?unite=unit%C3%A9%20flux%20ouest"))))
                .containsExactly("Flux : deux jours sur le climat");
    }

    @Test
    void the_atom_feed_is_valid_atom_with_the_newest_sessions_and_no_draft() throws Exception {
        HttpResponse<String> response = get("/journees.atom");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/atom+xml");
        org.w3c.dom.Document feed = atom(response);
        Element root = feed.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(root.getLocalName()).isEqualTo("feed");
        for (String required : List.of("id", "title", "updated", "author")) {
            assertThat(children(root, required)).as(required).hasSize(1);
        }
        assertThat(Instant.parse(text(root, "updated"))).isNotNull();
        assertThat(links(root)).contains("self http://localhost:" + port + "/journees.atom",
                "alternate http://localhost:" + port + "/");
        List<Element> entries = children(root, "entry");
        assertThat(entries).isNotEmpty();
        for (Element entry : entries) {
            for (String required : List.of("id", "title", "updated")) {
                assertThat(children(entry, required)).as(required).hasSize(1);
                assertThat(text(entry, required)).isNotBlank();
            }
            Instant.parse(text(entry, "updated"));
            assertThat(links(entry)).singleElement().matches(l -> l.startsWith("alternate http://localhost:"));
        }
        assertThat(entryTitles(feed)).contains("Flux : la commande publique", "Flux : deux jours sur le climat")
                .doesNotContain("Flux : brouillon caché");
        Element climate = entries.stream().filter(e -> text(e, "title").equals("Flux : deux jours sur le climat"))
                .findFirst().orElseThrow();
        assertThat(text(climate, "id")).isEqualTo("http://localhost:" + port + "/journees/ZFLUX002");
        assertThat(text(climate, "summary")).contains("Évry-Courcouronnes").contains("ZFLUX 002");
    }

    @Test
    void the_feeds_answer_304_to_a_client_that_has_them_and_are_linked_from_the_catalogue() throws Exception {
        for (String path : List.of("/journees.ics", "/journees.atom")) {
            HttpResponse<String> first = get(path);
            String etag = first.headers().firstValue("ETag").orElseThrow();
            assertThat(first.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age").contains("public");
            HttpResponse<String> again = get(path, "If-None-Match", etag);
            assertThat(again.statusCode()).as(path).isEqualTo(304);
            assertThat(again.body()).isEmpty();
            assertThat(get(path, "If-None-Match", "\"autre\"").statusCode()).isEqualTo(200);
            assertThat(get(path + "?theme=flux-climat").headers().firstValue("ETag").orElseThrow())
                    .as("another feed, another tag").isNotEqualTo(etag);
        }
        Document catalogue = Jsoup.parse(get("/").body());
        assertThat(catalogue.select("head link[rel=alternate]").eachAttr("href"))
                .containsExactly("/journees.ics", "/journees.atom");
        assertThat(catalogue.select("section.feeds a").eachAttr("href")).containsExactly("/journees.ics", "/journees.atom");
        Document filtered = Jsoup.parse(get("/?theme=flux-climat").body());
        assertThat(filtered.select("section.feeds a").eachAttr("href"))
                .containsExactly("/journees.ics?theme=flux-climat", "/journees.atom?theme=flux-climat");
    }

    private static org.w3c.dom.Document atom(HttpResponse<String> response) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(response.body())));
    }

    private static List<String> entryTitles(org.w3c.dom.Document feed) {
        return children(feed.getDocumentElement(), "entry").stream().map(e -> text(e, "title")).toList();
    }

    private static List<Element> children(Element parent, String name) {
        NodeList nodes = parent.getChildNodes();
        List<Element> found = new java.util.ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && ATOM.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    private static String text(Element parent, String name) {
        return children(parent, name).get(0).getTextContent();
    }

    private static List<String> links(Element parent) {
        return children(parent, "link").stream().map(l -> l.getAttribute("rel") + " " + l.getAttribute("href")).toList();
    }
}
