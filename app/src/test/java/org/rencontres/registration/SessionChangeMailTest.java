package org.rencontres.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rencontres.event.Day;
import org.rencontres.event.DayDraft;
import org.rencontres.event.DayStatus;
import org.rencontres.event.Days;
import org.rencontres.event.PeopleToTell;
import org.rencontres.event.SessionCode;
import org.rencontres.event.SessionDay;
import org.rencontres.event.SessionDayDraft;
import org.rencontres.event.Venue;
import org.rencontres.notification.QueuedMails;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A cancellation and each change of a session's dates, hours or venue reach every live registrant by e-mail, once,
 * through a real SMTP server (GreenMail): the confirmed ones with the new convocation and a calendar file that
 * replaces the one sent before (same UID, higher SEQUENCE) or cancels it; an edit that changes none of them sends
 * nothing; a withdrawal after the convocation sends the cancelling calendar file. In a context of its own with the
 * outbox sender running, as RegistrationMailTest.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "rencontres.mail.enabled=true",
        "rencontres.mail.from=Rencontres <ne-pas-repondre@rencontres.test>",
        "rencontres.mail.poll-delay=100ms",
        "rencontres.mail.retry-base=100ms",
        "rencontres.mail.retry-max=500ms",
        "rencontres.jobs.enabled=false",
        "rencontres.demo.enabled=false" })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SessionChangeMailTest {

    private static final int SMTP_PORT = freePort();
    private static final String CANCELLED = "Journée annulée";
    private static final String CHANGED = "Changement de date, d'horaires ou de lieu";
    private static GreenMail smtp;

    @Autowired Days days;
    @Autowired Registrations registrations;
    @Autowired JdbcClient jdbc;
    @Autowired List<PeopleToTell> peopleToTell;

    private final long n = System.nanoTime() % 100_000_000;

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @BeforeAll
    static void startSmtp() {
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    private static final Venue HALLE = new Venue("Halle aux sucres", null, "9003 route du Quai Freycinet 3", "59140",
            "Dunkerque", null, null, null, "Tram ligne C1\nBus 2");

    private long session(String prefix, LocalDate date, int seats) {
        long id = days.create(new DayDraft(new SessionCode(prefix + " " + n), "Journée des changements", null, null,
                List.of(new SessionDayDraft(date, LocalTime.of(9, 0), LocalTime.of(17, 0))), "Une journée de test.", null,
                null, null, false, null, "INSET des changements", HALLE, List.of(), List.of(), List.of()));
        days.changeStatus(id, DayStatus.PUBLISHED);
        registrations.setCapacity(new Capacity(id, seats, 48, true));
        return id;
    }

    private String email(String who) {
        return who + n + "@changements.test";
    }

    /** A request moved {@code steps} times along the chain (0: REQUESTED, 1: AWAITING_MANAGER, 2, 3: AWAITING_ORGANISER). */
    private long request(long dayId, String who, int steps) {
        long id = registrations.request(dayId, new RequestDraft("Agent", who, email(who), "01 60 79 74 00",
                "Chargée de mission", null, "Commune de Changement", "chef" + n + "@changements.test", null, null,
                Instant.now()));
        for (int i = 0; i < steps; i++) {
            registrations.advance(id, "Test", null);
        }
        return id;
    }

    private int people(long dayId) {
        return peopleToTell.stream().mapToInt(p -> p.of(dayId)).sum();
    }

    @Test
    void a_cancellation_reaches_every_live_registrant_once_and_takes_the_session_out_of_the_confirmed_calendars()
            throws Exception {
        long dayId = session("ZCHA", LocalDate.now().plusMonths(2), 2);
        request(dayId, "requise", 0);
        request(dayId, "avis", 1);
        request(dayId, "service", 2);
        request(dayId, "organisateur", 3);
        long confirmed = request(dayId, "confirmee", 3);
        assertThat(registrations.confirm(confirmed, "Test")).isEqualTo(RegistrationState.CONFIRMED);
        long leaving = request(dayId, "partante", 3);
        assertThat(registrations.confirm(leaving, "Test")).isEqualTo(RegistrationState.CONFIRMED);
        long offered = request(dayId, "proposee", 3);
        assertThat(registrations.confirm(offered, "Test")).isEqualTo(RegistrationState.WAITING_LIST);
        long waiting = request(dayId, "attente", 3);
        assertThat(registrations.confirm(waiting, "Test")).isEqualTo(RegistrationState.WAITING_LIST);
        long refused = request(dayId, "refusee", 1);
        registrations.refuse(refused, "Responsable", "Pas cette année.");

        // A confirmed agent withdraws: the seat is offered; the withdrawal mail cancels the convocation's calendar event.
        VEvent convocationOfLeaving = event(ics(attachments(mail(email("partante"), "Inscription confirmée"))));
        registrations.withdraw(leaving, "Agent", null);
        assertThat(registrations.find(offered).orElseThrow().state()).isEqualTo(RegistrationState.OFFERED);
        Map<String, byte[]> withdrawal = attachments(mail(email("partante"), "Retrait de votre inscription"));
        Calendar withdrawn = ics(withdrawal);
        assertThat(withdrawn.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("CANCEL");
        assertThat(uid(event(withdrawn))).isEqualTo(uid(convocationOfLeaving));
        assertThat(sequence(event(withdrawn))).isGreaterThan(sequence(convocationOfLeaving));
        assertThat(status(event(withdrawn))).isEqualTo("CANCELLED");
        // A request refused before any convocation has no calendar file to take back.
        assertThat(attachments(mail(email("refusee"), "Demande d'inscription refusée"))).isEmpty();

        List<String> live = List.of("requise", "avis", "service", "organisateur", "confirmee", "proposee", "attente");
        assertThat(people(dayId)).isEqualTo(live.size());
        VEvent convocation = event(ics(attachments(mail(email("confirmee"), "Inscription confirmée"))));

        days.moveTo(dayId, DayStatus.CANCELLED, "La salle est indisponible ; une autre date suivra.");

        QueuedMails outbox = new QueuedMails(jdbc);
        for (String who : live) {
            assertThat(outbox.to(email(who), CANCELLED)).as(who).hasSize(1);
        }
        // Each is filed under the session, so the session's e-mail log lists it.
        assertThat(outbox.ofSession(dayId).stream().filter(m -> m.subject().startsWith(CANCELLED)))
                .extracting(QueuedMails.QueuedMail::recipient)
                .containsExactlyInAnyOrderElementsOf(live.stream().map(this::email).toList());
        assertThat(outbox.to(email("refusee"), CANCELLED)).isEmpty();
        assertThat(outbox.to(email("partante"), CANCELLED)).isEmpty();

        MimeMessage toConfirmed = mail(email("confirmee"), CANCELLED);
        assertThat(toConfirmed.getSubject()).isEqualTo("Journée annulée\u00a0: Journée des changements");
        String text = body(toConfirmed);
        assertThat(text).contains("L'organisateur a annulé la journée « Journée des changements » prévue le ")
                .contains("La salle est indisponible ; une autre date suivra.")
                .contains("/inscription/espace/");
        Calendar cancel = ics(attachments(toConfirmed));
        assertThat(cancel.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("CANCEL");
        VEvent cancelled = event(cancel);
        assertThat(uid(cancelled)).isEqualTo(uid(convocation));
        assertThat(sequence(cancelled)).isGreaterThan(sequence(convocation));
        assertThat(status(cancelled)).isEqualTo("CANCELLED");

        // The others are told too, with no calendar file: none was sent to them.
        MimeMessage toWaiting = mail(email("attente"), CANCELLED);
        assertThat(body(toWaiting)).contains("La salle est indisponible");
        assertThat(attachments(toWaiting)).isEmpty();
        assertThat(people(dayId)).isEqualTo(live.size());

        // Published again: the same people hear it takes place after all; the confirmed one gets the calendar back.
        days.moveTo(dayId, DayStatus.PUBLISHED, null);
        for (String who : live) {
            assertThat(outbox.to(email(who), "Journée maintenue")).as(who).hasSize(1);
        }
        assertThat(outbox.to(email("refusee"), "Journée maintenue")).isEmpty();
        Map<String, byte[]> back = attachments(mail(email("confirmee"), "Journée maintenue"));
        Calendar again = ics(back);
        assertThat(again.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("PUBLISH");
        assertThat(uid(event(again))).isEqualTo(uid(cancelled));
        assertThat(sequence(event(again))).isGreaterThan(sequence(cancelled));
        assertThat(status(event(again))).isEqualTo("CONFIRMED");
        assertThat(back.keySet()).anyMatch(f -> f.endsWith(".pdf"));
    }

    @Test
    void moving_the_day_sends_the_new_convocation_and_a_calendar_update_and_an_unchanged_day_sends_nothing()
            throws Exception {
        LocalDate date = LocalDate.now().plusMonths(3).withDayOfMonth(10);
        long dayId = session("ZCHB", date, 1);
        long confirmed = request(dayId, "deplacee", 3);
        registrations.confirm(confirmed, "Test");
        long waiting = request(dayId, "enattente", 3);
        assertThat(registrations.confirm(waiting, "Test")).isEqualTo(RegistrationState.WAITING_LIST);
        VEvent convocation = event(ics(attachments(mail(email("deplacee"), "Inscription confirmée"))));
        SessionDay day = days.days(dayId).orElseThrow().first();

        // Saved as it was: nobody is told.
        days.changeDay(dayId, day.id(), new SessionDayDraft(date, LocalTime.of(9, 0), LocalTime.of(17, 0)));
        QueuedMails outbox = new QueuedMails(jdbc);
        assertThat(outbox.to(email("deplacee"), CHANGED)).isEmpty();

        LocalDate moved = date.plusDays(2);
        days.changeDay(dayId, day.id(), new SessionDayDraft(moved, LocalTime.of(9, 30), LocalTime.of(17, 0)));
        assertThat(outbox.to(email("deplacee"), CHANGED)).hasSize(1);
        assertThat(outbox.to(email("enattente"), CHANGED)).hasSize(1);

        String before = days.days(dayId).map(d -> d.first().frenchDate()).orElseThrow();
        MimeMessage toConfirmed = mail(email("deplacee"), CHANGED);
        String text = body(toConfirmed);
        String oldDate = new org.rencontres.event.SessionDay(1, date, LocalTime.of(9, 0), LocalTime.of(17, 0)).frenchDate();
        assertThat(text).contains("Dates : " + oldDate + " → " + before).contains("Horaires : 9h – 17h → 9h30 – 17h")
                .contains("Votre inscription reste confirmée");
        Map<String, byte[]> files = attachments(toConfirmed);
        assertThat(pdfText(files)).contains(before);
        VEvent update = event(ics(files));
        assertThat(uid(update)).isEqualTo(uid(convocation));
        assertThat(sequence(update)).isGreaterThan(sequence(convocation));
        assertThat(ZonedDateTime.from(update.getDateTimeStart().getDate()).toLocalDate()).isEqualTo(moved);
        assertThat(status(update)).isEqualTo("CONFIRMED");
        // The waiting one is told, with no convocation.
        MimeMessage toWaiting = mail(email("enattente"), CHANGED);
        assertThat(body(toWaiting)).contains("Dates : " + oldDate + " → " + before)
                .contains("État de votre demande : sur liste d'attente.");
        assertThat(attachments(toWaiting)).isEmpty();

        // A second day: the one event of the one-day session gives way to an event a day.
        days.addDay(dayId, new SessionDayDraft(moved.plusDays(1), LocalTime.of(9, 0), LocalTime.of(12, 0)));
        assertThat(outbox.to(email("deplacee"), CHANGED)).hasSize(2);
        await().atMost(Duration.ofSeconds(60)).until(() -> received(email("deplacee"), CHANGED).size() == 2);
        Calendar twoDays = ics(attachments(received(email("deplacee"), CHANGED).get(1)));
        List<VEvent> events = twoDays.getComponents("VEVENT");
        assertThat(events).hasSize(3);
        assertThat(events.stream().filter(e -> uid(e).equals(uid(convocation))).map(SessionChangeMailTest::status))
                .containsExactly("CANCELLED");
        assertThat(events.stream().filter(e -> !uid(e).equals(uid(convocation))).map(SessionChangeMailTest::status))
                .containsExactly("CONFIRMED", "CONFIRMED");
        assertThat(events).allSatisfy(e -> assertThat(sequence(e)).isGreaterThan(sequence(update)));
    }

    @Test
    void a_new_title_tells_nobody_and_a_new_venue_tells_everyone() throws Exception {
        long dayId = session("ZCHC", LocalDate.now().plusMonths(2), 5);
        long confirmed = request(dayId, "lieu", 3);
        registrations.confirm(confirmed, "Test");
        QueuedMails outbox = new QueuedMails(jdbc);

        Day day = days.find(dayId).orElseThrow();
        // The access notes typed again with CR LF, as a browser sends them, are the same venue.
        Venue same = new Venue(HALLE.name(), null, HALLE.street(), HALLE.postcode(), HALLE.city(), null, null, null,
                "Tram ligne C1\r\nBus 2");
        days.update(dayId, day.version(), draft(day, "Journée des changements, nouveau titre", same));
        assertThat(outbox.to(email("lieu"), CHANGED)).isEmpty();

        day = days.find(dayId).orElseThrow();
        Venue other = new Venue("Maison de la vie associative", null, "Rue du Jeu de Paume", "59140", "Dunkerque", null,
                null, null, null);
        days.update(dayId, day.version(), draft(day, day.title(), other));
        assertThat(outbox.to(email("lieu"), CHANGED)).hasSize(1);
        String text = body(mail(email("lieu"), CHANGED));
        assertThat(text).contains("Lieu : Halle aux sucres, 9003 route du Quai Freycinet 3, 59140 Dunkerque → "
                + "Maison de la vie associative, Rue du Jeu de Paume, 59140 Dunkerque").doesNotContain("Dates :");
        assertThat(event(ics(attachments(mail(email("lieu"), CHANGED)))).getProperty(Property.LOCATION).orElseThrow()
                .getValue()).startsWith("Maison de la vie associative");
    }

    private static DayDraft draft(Day d, String title, Venue venue) {
        return new DayDraft(d.sessionCode(), title, d.subtitle(), d.theme(),
                d.days().all().stream().map(SessionDay::draft).toList(), d.context().source(), d.audience(),
                d.registrationInstructions(), d.registrationUrl(), d.programmeProvisional(), d.organiserId(),
                d.organisingUnit(), venue, List.of(), List.of(), List.of());
    }

    // ---- reading the e-mails as delivered

    /** The first message to {@code recipient} whose subject starts so, once delivered. */
    private static MimeMessage mail(String recipient, String subjectStart) {
        await().atMost(Duration.ofSeconds(60)).until(() -> !received(recipient, subjectStart).isEmpty());
        return received(recipient, subjectStart).get(0);
    }

    private static List<MimeMessage> received(String recipient, String subjectStart) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equalsIgnoreCase(recipient)
                        && m.getSubject().startsWith(subjectStart);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static String body(MimeMessage m) throws Exception {
        String text = textOf(m.getContent());
        return text == null ? null : text.replace('\u00a0', ' ');
    }

    private static String textOf(Object content) throws Exception {
        if (content instanceof String s) {
            return s;
        }
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.getFileName() == null && part.isMimeType("text/plain")) {
                    return (String) part.getContent();
                }
                if (part.getContent() instanceof Multipart inner) {
                    String text = textOf(inner);
                    if (text != null) {
                        return text;
                    }
                }
            }
        }
        return null;
    }

    /** The attached files by name. */
    private static Map<String, byte[]> attachments(MimeMessage m) throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        if (m.getContent() instanceof Multipart multipart) {
            collect(multipart, files);
        }
        return files;
    }

    private static void collect(Multipart multipart, Map<String, byte[]> files) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.getFileName() != null) {
                try (InputStream in = part.getInputStream(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                    in.transferTo(out);
                    files.put(part.getFileName(), out.toByteArray());
                }
            } else if (part.getContent() instanceof Multipart inner) {
                collect(inner, files);
            }
        }
    }

    private static Calendar ics(Map<String, byte[]> files) throws Exception {
        byte[] ics = files.entrySet().stream().filter(e -> e.getKey().endsWith(".ics")).findFirst().orElseThrow(
                () -> new AssertionError("no .ics among " + files.keySet())).getValue();
        return new CalendarBuilder().build(new StringReader(new String(ics, StandardCharsets.UTF_8)));
    }

    private static String pdfText(Map<String, byte[]> files) throws IOException {
        byte[] pdf = files.entrySet().stream().filter(e -> e.getKey().endsWith(".pdf")).findFirst().orElseThrow(
                () -> new AssertionError("no PDF among " + files.keySet())).getValue();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    private static VEvent event(Calendar calendar) {
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    private static String uid(VEvent e) {
        return e.getProperty(Property.UID).orElseThrow().getValue();
    }

    private static int sequence(VEvent e) {
        return e.getProperty(Property.SEQUENCE).map(p -> Integer.parseInt(p.getValue())).orElse(0);
    }

    private static String status(VEvent e) {
        return e.getProperty(Property.STATUS).orElseThrow().getValue();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
