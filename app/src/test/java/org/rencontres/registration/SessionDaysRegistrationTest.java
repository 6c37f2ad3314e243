package org.rencontres.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Map;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rencontres.HtmlChecker;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.WebSession;
import org.rencontres.directory.Directory;
import org.rencontres.directory.NewOrganisation;
import org.rencontres.directory.Organisation;
import org.rencontres.directory.OrganisationKind;
import org.rencontres.event.Contact;
import org.rencontres.event.Day;
import org.rencontres.event.DayDraft;
import org.rencontres.event.DayStatus;
import org.rencontres.event.Days;
import org.rencontres.event.SessionCode;
import org.rencontres.event.SessionDayDraft;
import org.rencontres.event.Venue;
import org.rencontres.notification.QueuedMails;
import org.rencontres.programme.Programmes;
import org.rencontres.programme.SlotDraft;
import org.rencontres.programme.SlotKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a registered agent gets of a session of two days and of a half-day (morning) session: the
 * blank form, the convocation (PDF and e-mail), the calendar file, their space, the reminder before
 * the first day; one seat for the whole session; registration closed once the first day is past.
 * The one-day sessions of RegistrationDocumentsTest and RegistrationLinksTest read as before.
 */
@RencontresIntegrationTest
class SessionDaysRegistrationTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String TWO_DAYS = "du mardi 10 au mercredi 11 février 2032";
    private static final String CALENDAR = "text/calendar; charset=UTF-8; method=PUBLISH";

    @LocalServerPort int port;
    @Autowired Days days;
    @Autowired Registrations registrations;
    @Autowired RegistrationDocuments documents;
    @Autowired RegistrationReminders reminders;
    @Autowired Programmes programmes;
    @Autowired Directory directory;
    @Autowired JdbcClient jdbc;

    private long n;
    private Organisation employer;
    private final List<Long> published = new java.util.ArrayList<>();

    /** Back to draft: these sessions do not crowd the catalogue that other tests read. */
    @org.junit.jupiter.api.AfterEach
    void unpublish() {
        published.forEach(id -> days.changeStatus(id, DayStatus.DRAFT));
    }

    @BeforeEach
    void anEmployer() {
        n = System.nanoTime() % 100_000_000;
        employer = directory.addOrganisation(new NewOrganisation("Commune de Plusieurs-Jours " + n, null,
                OrganisationKind.COMMUNE, null, "1 rue de la Mairie", "91000", "Plusieurs-Jours", null));
    }

    private Day session(String prefix, String title, List<SessionDayDraft> dates) {
        SessionCode code = new SessionCode(prefix + " " + n);
        long id = days.create(new DayDraft(code, title, null, null, dates, "Une session de test.", null, null, null,
                false, null, "INSET de Plusieurs-Jours",
                new Venue("Hôtel de l'agglomération", null, "500 place des Champs-Élysées", "91080",
                        "Évry-Courcouronnes", null, null, null, "En RER : ligne D."),
                List.of(new Contact(Contact.Purpose.REGISTRATION, "Magali Secrétaire", "secrétaire de formation", "CNFPT",
                        "03 83 19 22 20", "magali.secretaire@cnfpt.fr")),
                List.of(), List.of()));
        days.changeStatus(id, DayStatus.PUBLISHED);
        published.add(id);
        return days.find(code.slug()).orElseThrow();
    }

    /** Tuesday 9h–17h, whose programme runs 9h30–16h, and Wednesday morning 9h–12h30, without a programme. */
    private Day twoDays() {
        Day day = session("ZSDR", "Coopérer sur deux jours", List.of(
                new SessionDayDraft(LocalDate.of(2032, 2, 10), LocalTime.of(9, 0), LocalTime.of(17, 0)),
                new SessionDayDraft(LocalDate.of(2032, 2, 11), LocalTime.of(9, 0), LocalTime.of(12, 30))));
        long tuesday = day.days().first().id();
        programmes.addSlot(day.id(), new SlotDraft(tuesday, LocalTime.of(9, 30), LocalTime.of(10, 30), SlotKind.WELCOME,
                null, "Accueil", null, null, false, false, List.of(), List.of()));
        programmes.addSlot(day.id(), new SlotDraft(tuesday, LocalTime.of(15, 0), LocalTime.of(16, 0), SlotKind.CLOSING,
                null, "Clôture du premier jour", null, null, false, false, List.of(), List.of()));
        return days.find(day.sessionCode().slug()).orElseThrow();
    }

    private Day morning() {
        return session("ZSDM", "Une matinée de test", List.of(
                new SessionDayDraft(LocalDate.of(2032, 4, 6), LocalTime.of(9, 0), LocalTime.of(12, 30))));
    }

    private Registration confirmed(Day day, String email) {
        registrations.setCapacity(new Capacity(day.id(), 10, 48, false));
        long id = registrations.request(day.id(), new RequestDraft("Durand", "Camille", email, "01 60 79 74 00",
                "Chargée de mission", employer.id(), null, null, null, null, Instant.parse("2031-12-01T10:00:00Z")));
        for (int i = 0; i < 5 && registrations.find(id).orElseThrow().state() != RegistrationState.AWAITING_ORGANISER; i++) {
            registrations.advance(id, "Service formation", null);
        }
        assertThat(registrations.confirm(id, "Organisatrice")).isEqualTo(RegistrationState.CONFIRMED);
        return registrations.find(id).orElseThrow();
    }

    private String email(String who) {
        return who + n + "@plusieurs-jours.test";
    }

    @Test
    void the_blank_form_lists_every_day_with_its_hours() throws Exception {
        String two = RegistrationDocumentsTest.text(documents.blankBulletin(twoDays()));
        assertThat(two).contains("Dates\u00a0: " + TWO_DAYS, "Horaires :",
                // Tuesday's hours follow its programme; Wednesday has none, its own hours stand.
                "Mardi 10 février 2032, de 9h30 à 16h", "Mercredi 11 février 2032, de 9h à 12h30");

        Day morning = morning();
        byte[] pdf = documents.blankBulletin(morning);
        assertThat(RegistrationDocumentsTest.text(pdf)).contains("Date : mardi 6 avril 2032", "Horaires : de 9h à 12h30")
                .doesNotContain("Dates", "Mardi 6 avril 2032, de");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getDocumentInformation().getSubject())
                    .isEqualTo("Bulletin d'inscription à la journée d'actualité du mardi 6 avril 2032 (code session "
                            + morning.sessionCode().value() + ")");
        }
    }

    @Test
    void the_convocation_lists_every_day_with_its_hours() throws Exception {
        Day day = twoDays();
        Registration r = confirmed(day, email("convoquee"));
        byte[] pdf = documents.convocation(day, r, List.of(), "RENCONTRES:test");
        assertThat(RegistrationDocumentsTest.text(pdf)).contains(
                "Mardi 10 février 2032, de 9h30 à 16h Mercredi 11 février 2032, de 9h à 12h30");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getDocumentInformation().getSubject()).isEqualTo(
                    "Convocation à la journée d'actualité " + TWO_DAYS + " (code session " + day.sessionCode().value() + ")");
        }

        Day morning = morning();
        String half = RegistrationDocumentsTest.text(documents.convocation(morning, confirmed(morning, email("matin")),
                List.of(), "RENCONTRES:test"));
        assertThat(half).contains("le mardi 6 avril 2032, de 9h à 12h30").doesNotContain("Mardi 6 avril");
    }

    private static Calendar parse(byte[] ics) throws Exception {
        String text = new String(ics, StandardCharsets.UTF_8);
        assertThat(text).endsWith("\r\n");
        assertThat(text.replace("\r\n", "")).doesNotContain("\n", "\r");
        assertThat(text.split("\r\n")).allSatisfy(line ->
                assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
        return new CalendarBuilder().build(new StringReader(text));
    }

    private static String start(VEvent e) {
        return ZonedDateTime.from(e.<Temporal>getDateTimeStart().getDate()).toOffsetDateTime().toString();
    }

    private static String end(VEvent e) {
        return ZonedDateTime.from(e.<Temporal>getDateTimeEnd().getDate()).toOffsetDateTime().toString();
    }

    @Test
    void the_agents_calendar_file_has_one_event_a_day_at_the_agents_hours() throws Exception {
        Day day = twoDays();
        Registration r = confirmed(day, email("agenda"));

        List<VEvent> events = parse(documents.ics(day, r)).getComponents("VEVENT");

        assertThat(events).hasSize(2);
        assertThat(events).extracting(SessionDaysRegistrationTest::start)
                .containsExactly("2032-02-10T09:30+01:00", "2032-02-11T09:00+01:00");
        assertThat(events).extracting(SessionDaysRegistrationTest::end)
                .containsExactly("2032-02-10T16:00+01:00", "2032-02-11T12:30+01:00");
        assertThat(events).extracting(e -> e.getProperty(Property.UID).orElseThrow().getValue()).containsExactly(
                "inscription-" + r.id() + "-" + day.sessionCode().slug() + "-jour-" + day.days().first().id() + "@rencontres",
                "inscription-" + r.id() + "-" + day.sessionCode().slug() + "-jour-" + day.days().last().id() + "@rencontres");
        assertThat(events).extracting(e -> e.getProperty(Property.SUMMARY).orElseThrow().getValue())
                .containsOnly("Coopérer sur deux jours");
        assertThat(events).extracting(e -> e.getProperty(Property.ATTENDEE).orElseThrow().getValue())
                .containsOnly("mailto:" + email("agenda"));
        assertThat(events.get(0).getProperty(Property.DESCRIPTION).orElseThrow().getValue())
                .startsWith("Jour 1 sur 2\u00a0: mardi 10 février 2032, de 9h30 à 16h");

        Day morning = morning();
        List<VEvent> one = parse(documents.ics(morning, confirmed(morning, email("agenda-matin")))).getComponents("VEVENT");
        assertThat(one).hasSize(1);
        assertThat(start(one.get(0))).isEqualTo("2032-04-06T09:00+02:00");
        assertThat(end(one.get(0))).isEqualTo("2032-04-06T12:30+02:00");
        assertThat(one.get(0).getProperty(Property.UID).orElseThrow().getValue()).doesNotContain("-jour-");
    }

    @Test
    void the_confirmation_mail_says_every_day_with_its_hours_and_the_agents_space_shows_them() throws Exception {
        Day day = twoDays();
        String agent = email("courriel");
        confirmed(day, agent);

        QueuedMails mails = new QueuedMails(jdbc);
        QueuedMails.QueuedMail confirmation = mails.to(agent, "Inscription confirmée").get(0);
        assertThat(confirmation.text()).contains(
                "Votre inscription à la journée « Coopérer sur deux jours » " + TWO_DAYS + " est confirmée.",
                "Journée " + day.sessionCode().value() + ", " + TWO_DAYS + "\u00a0:\nMardi 10 février 2032, de 9h à 17h\n"
                        + "Mercredi 11 février 2032, de 9h à 12h30\n")
                .doesNotContain("du du", ", le du");
        assertThat(mails.to(agent)).allSatisfy(m -> assertThat(m.text()).doesNotContain("du du"));
        assertThat(parse(mails.attachment(confirmation.id(), CALENDAR)).getComponents("VEVENT")).hasSize(2);

        Document space = new WebSession(port).page(AgentSpaces.pathOf(jdbc, agent));
        assertThat(space.select(".session-days li").eachText())
                .containsExactly("Mardi 10 février 2032, de 9h à 17h", "Mercredi 11 février 2032, de 9h à 12h30");
        assertThat(space.select(".session-days time").eachAttr("datetime"))
                .containsExactly("2032-02-10T09:00+01:00", "2032-02-11T09:00+01:00");
        assertThat(space.text()).contains(TWO_DAYS);

        Day morning = morning();
        String early = email("courriel-matin");
        confirmed(morning, early);
        QueuedMails.QueuedMail half = mails.to(early, "Inscription confirmée").get(0);
        assertThat(half.text()).contains("« Une matinée de test » du mardi 6 avril 2032 est confirmée.",
                "Journée " + morning.sessionCode().value() + ", le mardi 6 avril 2032, 9h – 12h30.");
        assertThat(parse(mails.attachment(half.id(), CALENDAR)).getComponents("VEVENT")).hasSize(1);
        Document halfSpace = new WebSession(port).page(AgentSpaces.pathOf(jdbc, early));
        assertThat(halfSpace.select(".session-days")).isEmpty();
        assertThat(halfSpace.text()).contains("mardi 6 avril 2032");

        HtmlChecker.assertValid("session-days-registration", Map.of("space-two-days", space.outerHtml(),
                "space-morning", halfSpace.outerHtml()));
    }

    @Test
    void the_reminder_goes_before_the_first_day_not_the_last() throws Exception {
        Day day = session("ZSDN", "Deux mardis", List.of(
                new SessionDayDraft(LocalDate.of(2032, 2, 10), LocalTime.of(9, 0), LocalTime.of(17, 0)),
                new SessionDayDraft(LocalDate.of(2032, 2, 17), LocalTime.of(9, 0), LocalTime.of(17, 0))));
        String agent = email("rappel");
        confirmed(day, agent);
        Instant first = day.days().start().toInstant();
        Instant last = day.days().last().start(PARIS).toInstant();
        QueuedMails mails = new QueuedMails(jdbc);

        // Two days before the last day, the session has begun: too late for a reminder.
        reminders.remindDue(last.minus(Duration.ofDays(2)), Duration.ofDays(3));
        reminders.remindDue(first.minus(Duration.ofDays(5)), Duration.ofDays(3));
        assertThat(mails.to(agent, "Rappel")).isEmpty();

        reminders.remindDue(first.minus(Duration.ofDays(2)), Duration.ofDays(3));
        List<QueuedMails.QueuedMail> reminded = mails.to(agent, "Rappel");
        assertThat(reminded).hasSize(1);
        assertThat(reminded.get(0).text()).contains(
                "votre participation à la journée « Deux mardis » des mardi 10 et mardi 17 février 2032.",
                "Mardi 10 février 2032, de 9h à 17h", "Mardi 17 février 2032, de 9h à 17h");

        Day morning = morning();
        String early = email("rappel-matin");
        confirmed(morning, early);
        reminders.remindDue(morning.start().toInstant().minus(Duration.ofDays(1)), Duration.ofDays(3));
        assertThat(mails.to(early, "Rappel")).singleElement().satisfies(m -> assertThat(m.text())
                .contains("Journée " + morning.sessionCode().value() + ", le mardi 6 avril 2032, 9h – 12h30."));
    }

    @Test
    void a_session_of_two_days_takes_one_seat_per_agent() {
        Day day = twoDays();
        registrations.setCapacity(new Capacity(day.id(), 1, 48, false));
        long first = registrations.request(day.id(), new RequestDraft("Durand", "Camille", email("premiere"),
                "01 60 79 74 00", "Chargée de mission", employer.id(), null, null, null, null, Instant.now()));
        long second = registrations.request(day.id(), new RequestDraft("Martin", "Léa", email("seconde"),
                "01 60 79 74 00", "Chargée de mission", employer.id(), null, null, null, null, Instant.now()));
        for (long id : List.of(first, second)) {
            for (int i = 0; i < 5 && registrations.find(id).orElseThrow().state() != RegistrationState.AWAITING_ORGANISER; i++) {
                registrations.advance(id, "Service formation", null);
            }
        }
        assertThat(registrations.confirm(first, "Organisatrice")).isEqualTo(RegistrationState.CONFIRMED);
        // One seat, taken by one agent for both days: the second waits.
        assertThat(registrations.confirm(second, "Organisatrice")).isEqualTo(RegistrationState.WAITING_LIST);
    }

    @Test
    void registration_closes_once_the_first_day_is_past_even_if_the_last_is_to_come() throws Exception {
        LocalDate today = LocalDate.now(PARIS);
        Day begun = session("ZSDB", "Session commencée", List.of(
                new SessionDayDraft(today.minusDays(1), LocalTime.of(9, 0), LocalTime.of(17, 0)),
                new SessionDayDraft(today.plusDays(1), LocalTime.of(9, 0), LocalTime.of(17, 0))));
        Day coming = session("ZSDC", "Session à venir", List.of(
                new SessionDayDraft(today.plusDays(1), LocalTime.of(9, 0), LocalTime.of(17, 0)),
                new SessionDayDraft(today.plusDays(2), LocalTime.of(9, 0), LocalTime.of(12, 30))));
        WebSession visitor = new WebSession(port);
        String closed = visitor.get("/journees/" + begun.sessionCode().slug() + "/inscription").body();
        assertThat(closed).contains("Cette session a déjà commencé\u00a0: les inscriptions sont closes.")
                .doesNotContain("name=\"courriel\"");

        Document open = visitor.page("/journees/" + coming.sessionCode().slug() + "/inscription");
        assertThat(open.select("form input[name=courriel]")).hasSize(1);
    }
}
