package org.rencontres.daypage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.jsoup.nodes.Document;
import org.jsoup.select.Elements;
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
import org.rencontres.event.SessionDays;
import org.rencontres.event.Venue;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the public sees of a session of two days and of a half-day session: the JSON-LD of its page
 * (one subEvent a day), its calendar file (one VEVENT a day) and its card in the catalogue (the range of
 * dates, sorted by the first day). The one-day demo session is checked unchanged by DayPageTest.
 */
@RencontresIntegrationTest
class SessionDaysPublicTest {

    private static final LocalTime NINE = LocalTime.of(9, 0);

    @LocalServerPort int port;
    @Autowired Days days;

    private final List<Long> created = new ArrayList<>();

    private long session(String code, String title, List<SessionDayDraft> dates) {
        SessionCode sessionCode = new SessionCode(code);
        long id = days.find(sessionCode.slug()).map(d -> d.id()).orElseGet(() -> days.create(new DayDraft(sessionCode,
                title, null, null, dates, "Une session de test.", null, null, null, false, null, null,
                new Venue("Hôtel de l'agglomération", null, "500 place des Champs-Élysées", "91080", "Évry-Courcouronnes",
                        null, null, null, null),
                List.of(), List.of(), List.of())));
        days.changeStatus(id, DayStatus.PUBLISHED);
        created.add(id);
        return id;
    }

    /** Back to draft: these sessions do not crowd the catalogue that other tests read. */
    @AfterEach
    void unpublish() {
        created.forEach(id -> days.changeStatus(id, DayStatus.DRAFT));
    }

    private long twoDays() {
        return session("ZPUB 001", "Coopérer entre collectivités", List.of(
                new SessionDayDraft(LocalDate.of(2031, 3, 18), NINE, LocalTime.of(17, 0)),
                new SessionDayDraft(LocalDate.of(2031, 3, 19), LocalTime.of(9, 30), LocalTime.of(12, 30))));
    }

    private long morning() {
        return session("ZPUB 002", "Une matinée sur les marchés", List.of(
                new SessionDayDraft(LocalDate.of(2031, 4, 8), NINE, LocalTime.of(12, 30))));
    }

    private static JsonNode jsonLd(Document page) {
        return JsonMapper.builder().build().readTree(page.select("script[type=application/ld+json]").html());
    }

    @Test
    void the_json_ld_of_a_two_day_session_spans_both_days_with_one_sub_event_a_day() throws Exception {
        twoDays();
        HttpResponse<String> response = new WebSession(port).get("/journees/ZPUB001");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode event = jsonLd(org.jsoup.Jsoup.parse(response.body()));

        assertThat(event.path("startDate").asString()).isEqualTo("2031-03-18T09:00+01:00");
        assertThat(event.path("endDate").asString()).isEqualTo("2031-03-19T12:30+01:00");
        JsonNode subEvents = event.path("subEvent");
        assertThat(subEvents.size()).isEqualTo(2);
        assertThat(subEvents.get(0).path("@type").asString()).isEqualTo("EducationEvent");
        assertThat(subEvents.get(0).path("name").asString()).isEqualTo("Coopérer entre collectivités – jour 1");
        assertThat(subEvents.get(0).path("startDate").asString()).isEqualTo("2031-03-18T09:00+01:00");
        assertThat(subEvents.get(0).path("endDate").asString()).isEqualTo("2031-03-18T17:00+01:00");
        assertThat(subEvents.get(1).path("name").asString()).isEqualTo("Coopérer entre collectivités – jour 2");
        assertThat(subEvents.get(1).path("startDate").asString()).isEqualTo("2031-03-19T09:30+01:00");
        assertThat(subEvents.get(1).path("endDate").asString()).isEqualTo("2031-03-19T12:30+01:00");
        assertThat(subEvents.get(1).path("location").path("address").path("postalCode").asString()).isEqualTo("91080");
        HtmlChecker.assertValid("session-days-public", Map.of("two-days", response.body()));
    }

    @Test
    void the_json_ld_of_a_half_day_session_has_its_hours_and_no_sub_event() throws Exception {
        morning();
        Document page = new WebSession(port).page("/journees/ZPUB002");
        assertThat(page.select(".day-when").text()).isEqualTo("mardi 8 avril 2031, de 9h à 12h30");
        JsonNode event = jsonLd(page);

        assertThat(event.path("startDate").asString()).isEqualTo("2031-04-08T09:00+02:00");
        assertThat(event.path("endDate").asString()).isEqualTo("2031-04-08T12:30+02:00");
        assertThat(event.has("subEvent")).isFalse();
    }

    private static Calendar calendar(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/calendar");
        String body = response.body();
        // RFC 5545: every line ends with CRLF, and is folded at 75 octets (not characters).
        assertThat(body).endsWith("\r\n");
        assertThat(body.replace("\r\n", "")).doesNotContain("\n", "\r");
        assertThat(body.split("\r\n")).allSatisfy(line ->
                assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
        return new CalendarBuilder().build(new StringReader(body));
    }

    private static String start(VEvent event) {
        return ZonedDateTime.from(event.<Temporal>getDateTimeStart().getDate()).toOffsetDateTime().toString();
    }

    private static String end(VEvent event) {
        return ZonedDateTime.from(event.<Temporal>getDateTimeEnd().getDate()).toOffsetDateTime().toString();
    }

    private static String property(VEvent event, String name) {
        return event.getProperty(name).orElseThrow().getValue();
    }

    @Test
    void the_calendar_file_of_a_two_day_session_has_one_event_a_day_in_paris_time() throws Exception {
        long id = twoDays();
        SessionDays both = days.days(id).orElseThrow();
        Calendar calendar = calendar(new WebSession(port).get("/journees/ZPUB001/agenda.ics"));

        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize(2);
        assertThat(events).extracting(SessionDaysPublicTest::start)
                .containsExactly("2031-03-18T09:00+01:00", "2031-03-19T09:30+01:00");
        assertThat(events).extracting(SessionDaysPublicTest::end)
                .containsExactly("2031-03-18T17:00+01:00", "2031-03-19T12:30+01:00");
        assertThat(events).allSatisfy(e -> assertThat(e.getDateTimeStart().getParameter("TZID").orElseThrow().getValue())
                .isEqualTo("Europe/Paris"));
        assertThat(events).extracting(e -> property(e, Property.SUMMARY)).containsOnly("Coopérer entre collectivités");
        // One series: a shared stem, and each day's own id, so that another day's move leaves its UID alone.
        assertThat(events).extracting(e -> property(e, Property.UID)).containsExactly(
                "journee-ZPUB001-jour-" + both.first().id() + "@localhost",
                "journee-ZPUB001-jour-" + both.last().id() + "@localhost");
        assertThat(property(events.get(1), Property.DESCRIPTION))
                .startsWith("Jour 2 sur 2\u00a0: mercredi 19 mars 2031, de 9h30 à 12h30\nCode session : ZPUB 001");
        assertThat(events).extracting(e -> property(e, Property.LOCATION))
                .containsOnly("Hôtel de l'agglomération, 500 place des Champs-Élysées, 91080 Évry-Courcouronnes");
        assertThat(calendar.getComponents("VTIMEZONE")).hasSize(1);
    }

    @Test
    void the_calendar_file_of_a_half_day_session_has_one_morning_event_with_the_sessions_uid() throws Exception {
        morning();
        Calendar calendar = calendar(new WebSession(port).get("/journees/ZPUB002/agenda.ics"));

        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize(1);
        assertThat(start(events.get(0))).isEqualTo("2031-04-08T09:00+02:00");
        assertThat(end(events.get(0))).isEqualTo("2031-04-08T12:30+02:00");
        assertThat(property(events.get(0), Property.UID)).isEqualTo("journee-ZPUB002@localhost");
        assertThat(property(events.get(0), Property.DESCRIPTION)).startsWith("Code session : ZPUB 002");
    }

    @Test
    void the_brochure_of_a_two_day_session_says_its_range_in_its_subject() throws Exception {
        twoDays();
        HttpResponse<byte[]> response = new WebSession(port).getBytes("/journees/ZPUB001/plaquette.pdf");
        assertThat(response.statusCode()).isEqualTo(200);
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(response.body())) {
            assertThat(pdf.getDocumentInformation().getSubject()).isEqualTo("Plaquette de la journée d'actualité "
                    + "du mardi 18 au mercredi 19 mars 2031, Évry-Courcouronnes (code session ZPUB 001)");
        }
    }

    @Test
    void the_catalogue_shows_each_sessions_range_and_sorts_by_first_day() throws Exception {
        // The two-day session ends after the other begins: it still comes first, by its first day.
        session("ZPUB 011", "Catalogue multijour, deux jours", List.of(
                new SessionDayDraft(LocalDate.of(2031, 5, 13), NINE, LocalTime.of(17, 0)),
                new SessionDayDraft(LocalDate.of(2031, 5, 15), NINE, LocalTime.of(17, 0))));
        session("ZPUB 012", "Catalogue multijour, matinée", List.of(
                new SessionDayDraft(LocalDate.of(2031, 5, 14), NINE, LocalTime.of(12, 30))));
        session("ZPUB 013", "Catalogue multijour, trois jours", List.of(
                new SessionDayDraft(LocalDate.of(2031, 5, 12), NINE, LocalTime.of(17, 0)),
                new SessionDayDraft(LocalDate.of(2031, 5, 13), NINE, LocalTime.of(17, 0)),
                new SessionDayDraft(LocalDate.of(2031, 5, 14), NINE, LocalTime.of(12, 30))));

        // Without a text to search (a search ranks by relevance), limited to those days: the catalogue's own order.
        Document catalogue = new WebSession(port).page("/?du=2031-05-12&au=2031-05-15");
        Elements cards = catalogue.select("section[aria-labelledby=a-venir] .day-card");
        cards.removeIf(card -> !card.select("h3").text().startsWith("Catalogue multijour"));

        assertThat(cards.select("h3").eachText())
                .containsExactly("Catalogue multijour, trois jours", "Catalogue multijour, deux jours",
                        "Catalogue multijour, matinée");
        assertThat(cards.select(".day-card-when time").eachText()).containsExactly(
                "du lundi 12 au mercredi 14 mai 2031", "mardi 13 et jeudi 15 mai 2031", "mercredi 14 mai 2031");
        assertThat(cards.select(".day-card-when time").eachAttr("datetime"))
                .containsExactly("2031-05-12", "2031-05-13", "2031-05-14");
    }
}
