package org.rencontres.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rencontres.directory.Directory;
import org.rencontres.directory.NewOrganisation;
import org.rencontres.directory.Organisation;
import org.rencontres.directory.OrganisationKind;
import org.rencontres.directory.TrainingContactForm;
import org.rencontres.directory.TrainingContacts;
import org.rencontres.event.DayDraft;
import org.rencontres.event.SessionDayDraft;
import org.rencontres.event.DayStatus;
import org.rencontres.event.Days;
import org.rencontres.event.SessionCode;
import org.rencontres.notification.OutboxStatus;
import org.rencontres.notification.QueuedMails;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Each step of the approval chain sends the right e-mail to the right person through a real SMTP
 * server (GreenMail), and a step taken while the server is down is delivered exactly once when it
 * comes back. In a context of its own with the outbox sender running.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "rencontres.mail.enabled=true",
        "rencontres.mail.from=Rencontres <ne-pas-repondre@rencontres.test>",
        "rencontres.mail.poll-delay=100ms",
        "rencontres.mail.retry-base=100ms",
        "rencontres.mail.retry-max=500ms",
        "rencontres.mail.max-attempts=1000",
        "rencontres.jobs.enabled=false",
        "rencontres.demo.enabled=false" })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class RegistrationMailTest {

    private static final int SMTP_PORT = freePort();
    private static final Pattern LINK = Pattern.compile("https?://[^/\\s]+(/[^\\s\"<]+)");
    private static GreenMail smtp;

    @Autowired Days days;
    @Autowired Registrations registrations;
    @Autowired Directory directory;
    @Autowired TrainingContacts contacts;
    @Autowired JdbcClient jdbc;

    private long n;
    private long dayId;
    private Organisation employer;
    private String service;

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @BeforeAll
    static void startSmtp() {
        start();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    private static void start() {
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @BeforeEach
    void aDayAndAnEmployer() {
        if (!smtp.isRunning()) {
            start();
        }
        n = System.nanoTime() % 100_000_000;
        SessionCode code = new SessionCode("ZMAIL " + n);
        dayId = days.create(new DayDraft(code, "Journée des courriels", null, null, List.of(new SessionDayDraft(LocalDate.now().plusMonths(2), LocalTime.of(9, 0), LocalTime.of(17, 0))), "Une journée de test.", null, null, null, false, null,
                "INSET des courriels", null, List.of(), List.of(), List.of()));
        days.changeStatus(dayId, DayStatus.PUBLISHED);
        employer = directory.organisationNamed(NewOrganisation.named("Commune des Courriels " + n, OrganisationKind.COMMUNE));
        service = "formation" + n + "@courriels.test";
        contacts.add(employer.id(), new TrainingContactForm("Service formation", service));
    }

    private RequestDraft agent(String email) {
        return agent(email, "Léa");
    }

    private RequestDraft agent(String email, String givenName) {
        return new RequestDraft("Martin", givenName, email, "01 60 79 74 00", "Assistante RH", employer.id(), employer.name(),
                null, null, null, Instant.now());
    }

    /** Waits until {@code recipient} has received {@code count} messages, and returns their subjects in order. */
    private List<String> subjects(String recipient, int count) {
        await().atMost(Duration.ofSeconds(60)).until(() -> received(recipient).size() >= count);
        return received(recipient).stream().map(RegistrationMailTest::subject).toList();
    }

    private static List<MimeMessage> received(String recipient) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> to(m).equalsIgnoreCase(recipient)).toList();
    }

    private static String to(MimeMessage m) {
        try {
            return m.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String token(MimeMessage m, String prefix) {
        Matcher matcher = LINK.matcher(GreenMailUtil.getBody(m).replace("=\r\n", ""));
        while (matcher.find()) {
            if (matcher.group(1).startsWith(prefix)) {
                return matcher.group(1).substring(prefix.length());
            }
        }
        throw new AssertionError("no link " + prefix + " in " + subject(m));
    }

    @Test
    void every_step_of_the_chain_tells_the_right_person() throws Exception {
        registrations.setCapacity(new Capacity(dayId, 1, 48, false));
        String lea = "lea" + n + "@courriels.test";
        long id = registrations.submit(dayId, agent(lea), "fr", List.of());
        assertThat(subjects(lea, 1)).containsExactly("Demande d'inscription reçue : Journée des courriels");
        assertThat(subjects(service, 1)).containsExactly(
                "Décision demandée sur une inscription : Léa Martin, Journée des courriels");

        // The training service decides with the link of its e-mail.
        String token = token(received(service).get(0), "/inscription/decision/");
        assertThat(registrations.trainingServiceDecision(token, true, null)).isEqualTo(RegistrationState.AWAITING_ORGANISER);
        assertThat(subjects(lea, 2)).last().isEqualTo("Demande acceptée par votre service formation : Journée des courriels");

        assertThat(registrations.confirm(id, "Organisatrice")).isEqualTo(RegistrationState.CONFIRMED);
        assertThat(subjects(lea, 3)).last().isEqualTo("Inscription confirmée et convocation : Journée des courriels");
        MimeMessage confirmed = received(lea).get(2);
        assertThat(GreenMailUtil.getBody(confirmed)).contains("/inscription/espace/");
        // The convocation and the calendar file are attached.
        jakarta.mail.internet.MimeMultipart parts = (jakarta.mail.internet.MimeMultipart) confirmed.getContent();
        List<String> files = new ArrayList<>();
        collectFileNames(parts, files);
        assertThat(files).anyMatch(f -> f.startsWith("convocation-") && f.endsWith(".pdf"))
                .anyMatch(f -> f.endsWith(".ics"));

        // The day is full: the next request goes to the waiting list, then gets the freed seat.
        String paul = "paul" + n + "@courriels.test";
        long second = registrations.submit(dayId, agent(paul, "Paul"), "fr", List.of());
        registrations.advance(second, "Service formation", null);
        assertThat(registrations.confirm(second, "Organisatrice")).isEqualTo(RegistrationState.WAITING_LIST);
        assertThat(subjects(paul, 3)).last().isEqualTo("Inscription sur liste d'attente : Journée des courriels");

        registrations.withdraw(id, "Agent (" + lea + ")", null);
        assertThat(subjects(lea, 4)).last().isEqualTo("Retrait de votre inscription enregistré : Journée des courriels");
        assertThat(subjects(paul, 4)).last().isEqualTo("Une place s'est libérée pour vous : Journée des courriels");
        assertThat(GreenMailUtil.getBody(received(paul).get(3))).contains("/inscription/espace/");

        // Paul lets the offer pass.
        registrations.expireOffers(Instant.now().plus(Duration.ofHours(49)));
        assertThat(subjects(paul, 5)).last().isEqualTo("Place proposée non acceptée à temps : Journée des courriels");

        // Nothing was sent twice.
        Map<String, Long> bySubject = Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> to(m).contains(String.valueOf(n)))
                .collect(Collectors.groupingBy(m -> to(m) + " " + subject(m), Collectors.counting()));
        assertThat(bySubject.values()).allMatch(count -> count == 1);
    }

    @Test
    void a_step_taken_while_the_smtp_server_is_down_is_told_exactly_once_when_it_is_back() {
        registrations.setCapacity(new Capacity(dayId, 10, 48, false));
        smtp.stop();
        List<String> agents = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String email = "panne" + i + "-" + n + "@courriels.test";
            agents.add(email);
            long id = registrations.submit(dayId, agent(email), "fr", List.of());
            registrations.advance(id, "Service formation", null);
            registrations.confirm(id, "Organisatrice");
            ids.add(id);
        }
        QueuedMails queued = new QueuedMails(jdbc);
        await().atMost(Duration.ofSeconds(60)).until(() -> queued.toMatching("panne%-" + n + "@courriels.test").stream()
                .filter(m -> m.attempts() >= 2 && m.status() == OutboxStatus.PENDING).count() == 15);

        start();
        // Retries are not in order: each agent gets the three messages, each once.
        for (String email : agents) {
            assertThat(subjects(email, 3)).containsExactlyInAnyOrder("Demande d'inscription reçue : Journée des courriels",
                    "Demande acceptée par votre service formation : Journée des courriels",
                    "Inscription confirmée et convocation : Journée des courriels");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> queued.toMatching("panne%-" + n + "@courriels.test").stream()
                .filter(m -> m.status() == OutboxStatus.SENT).count() == 15);
        for (String email : agents) {
            assertThat(received(email)).hasSize(3);
        }
    }

    private static void collectFileNames(jakarta.mail.Multipart multipart, List<String> names) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            jakarta.mail.BodyPart part = multipart.getBodyPart(i);
            if (part.getContent() instanceof jakarta.mail.Multipart inner) {
                collectFileNames(inner, names);
            } else if (part.getFileName() != null) {
                names.add(part.getFileName());
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
