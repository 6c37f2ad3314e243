package org.rencontres.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.junit.jupiter.api.AfterAll;
import org.rencontres.HtmlChecker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox against a real SMTP server (GreenMail on a free port) with the scheduled sender running,
 * in a context of its own (the shared one runs without a sender). Retries are quick here so that a
 * stopped server's messages are tried several times during the test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "rencontres.mail.enabled=true",
        "rencontres.mail.from=Rencontres <ne-pas-repondre@rencontres.test>",
        "rencontres.mail.poll-delay=100ms",
        "rencontres.mail.batch-size=5",
        "rencontres.mail.retry-base=100ms",
        "rencontres.mail.retry-max=500ms",
        "rencontres.mail.max-attempts=1000",
        "rencontres.demo.enabled=false" })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class OutboxDeliveryTest {

    private static final int SMTP_PORT = freePort();
    private static GreenMail smtp;

    @Autowired Outbox outbox;
    @Autowired OutboxSender sender;
    @Autowired MailTemplates templates;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactionManager;

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @BeforeAll
    static void startSmtp() {
        startGreenMail();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @AfterEach
    void smtpRunningAgain() {
        if (!smtp.isRunning()) {
            startGreenMail();
        }
    }

    private static void startGreenMail() {
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @Test
    void aCommittedMessageIsDeliveredOnceWithBothPartsAndItsAttachment() throws Exception {
        byte[] ics = "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".getBytes(StandardCharsets.UTF_8);
        MailContent content = templates.render("notification/test-message", Locale.FRENCH,
                Map.of("name", "Camille Durand", "day", "Z20IN 001"));
        long id = inTransaction(() -> outbox.send(Message.of("camille.durand@mairie.test", content)
                .withAttachment(new Attachment("journee.ics", "text/calendar", ics))));

        await().atMost(Duration.ofSeconds(30)).until(() -> outbox.find(id).orElseThrow().status() == OutboxStatus.SENT);
        List<MimeMessage> received = receivedWith(outbox.find(id).orElseThrow().messageId());
        assertThat(received).hasSize(1);
        MimeMessage mail = received.get(0);
        assertThat(mail.getSubject()).isEqualTo("Message d'essai : Z20IN 001");
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("camille.durand@mairie.test");
        assertThat(mail.getFrom()[0].toString()).contains("ne-pas-repondre@rencontres.test");

        List<Part> parts = leaves(mail);
        Part text = parts.stream().filter(p -> isType(p, "text/plain") && !isAttachment(p)).findFirst().orElseThrow();
        Part html = parts.stream().filter(p -> isType(p, "text/html")).findFirst().orElseThrow();
        Part attachment = parts.stream().filter(OutboxDeliveryTest::isAttachment).findFirst().orElseThrow();
        assertThat((String) text.getContent()).contains("Bonjour Camille Durand,").contains("Journée : Z20IN 001");
        assertThat((String) html.getContent()).contains("<strong>Z20IN 001</strong>").contains("lang=\"fr\"");
        assertThat(attachment.getFileName()).isEqualTo("journee.ics");
        assertThat(attachment.getContentType()).startsWith("text/calendar");
        try (InputStream in = attachment.getInputStream()) {
            assertThat(in.readAllBytes()).isEqualTo(ics);
        }
        assertThat(outbox.find(id).orElseThrow().attempts()).isEqualTo(1);
    }

    @Test
    void aMessageOfARolledBackTransactionIsNeverSent() {
        long[] queued = {0};
        assertThatThrownBy(() -> new TransactionTemplate(transactionManager).execute(status -> {
            queued[0] = outbox.send(plain("annule@mairie.test", "Jamais envoyé"));
            throw new IllegalStateException("the change fails after its e-mail was queued");
        })).isInstanceOf(IllegalStateException.class);
        long rolledBack = queued[0];
        assertThat(rolledBack).isPositive();
        long marker = inTransaction(() -> outbox.send(plain("temoin@mairie.test", "Témoin")));

        await().atMost(Duration.ofSeconds(30)).until(() -> outbox.find(marker).orElseThrow().status() == OutboxStatus.SENT);
        assertThat(outbox.find(rolledBack)).isEmpty();
        assertThat(Arrays.stream(smtp.getReceivedMessages()).map(OutboxDeliveryTest::subject))
                .doesNotContain("Jamais envoyé");
    }

    @Test
    void queueingOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> outbox.send(plain("seul@mairie.test", "Sans transaction")))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThat(jdbc.sql("SELECT count(*) FROM notification_outbox WHERE subject = 'Sans transaction'")
                .query(Long.class).single()).isZero();
    }

    @Test
    void aDedupKeyQueuesAMessageOnlyOnce() {
        long first = inTransaction(() -> outbox.send(plain("agent@mairie.test", "Demande reçue").withDedupKey("request-7-received")));
        long second = inTransaction(() -> outbox.send(plain("agent@mairie.test", "Demande reçue").withDedupKey("request-7-received")));
        assertThat(second).isEqualTo(first);
        assertThat(jdbc.sql("SELECT count(*) FROM notification_outbox WHERE dedup_key = 'request-7-received'")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void whileTheSmtpServerIsDownNothingIsLostAndOnItsReturnEachMessageArrivesExactlyOnce() {
        smtp.stop();
        List<Long> ids = inTransaction(() -> {
            List<Long> queued = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                queued.add(outbox.send(plain("panne" + i + "@mairie.test", "Pendant la panne " + i)));
            }
            return queued;
        });

        await().atMost(Duration.ofSeconds(60)).until(() -> ids.stream()
                .allMatch(id -> outbox.find(id).orElseThrow().attempts() >= 2));
        for (long id : ids) {
            OutboxEntry entry = outbox.find(id).orElseThrow();
            assertThat(entry.status()).isEqualTo(OutboxStatus.PENDING);
            assertThat(entry.lastError()).isNotBlank();
            assertThat(entry.sentAt()).isNull();
        }

        startGreenMail();
        await().atMost(Duration.ofSeconds(60)).until(() -> ids.stream()
                .allMatch(id -> outbox.find(id).orElseThrow().status() == OutboxStatus.SENT));
        Map<String, Long> byMessageId = countByMessageId();
        for (long id : ids) {
            assertThat(byMessageId.get(outbox.find(id).orElseThrow().messageId())).as("message %s", id).isEqualTo(1);
        }
    }

    @Test
    void aMessageIsMarkedFailedAfterTheLastAttemptAndKept() {
        smtp.stop();
        long id = inTransaction(() -> {
            long queued = outbox.send(plain("echec@mairie.test", "Dernière chance"));
            jdbc.sql("UPDATE notification_outbox SET attempts = 999 WHERE id = ?").param(queued).update();
            return queued;
        });

        await().atMost(Duration.ofSeconds(30)).until(() -> outbox.find(id).orElseThrow().status() == OutboxStatus.FAILED);
        OutboxEntry failed = outbox.find(id).orElseThrow();
        assertThat(failed.attempts()).isEqualTo(1000);
        assertThat(failed.lastError()).isNotBlank();
        assertThat(outbox.failed()).extracting(OutboxEntry::id).contains(id);

        startGreenMail();
        long marker = inTransaction(() -> outbox.send(plain("temoin@mairie.test", "Après l'échec")));
        await().atMost(Duration.ofSeconds(30)).until(() -> outbox.find(marker).orElseThrow().status() == OutboxStatus.SENT);
        assertThat(outbox.find(id).orElseThrow().status()).isEqualTo(OutboxStatus.FAILED);
        assertThat(receivedWith(failed.messageId())).isEmpty();
    }

    @Test
    void workersRunningAtTheSameTimeNeverSendAMessageTwice() throws Exception {
        List<Long> ids = inTransaction(() -> {
            List<Long> queued = new ArrayList<>();
            for (int i = 0; i < 80; i++) {
                queued.add(outbox.send(plain("foule" + i + "@mairie.test", "Foule " + i)));
            }
            return queued;
        });
        // Two more workers besides the scheduled one, started together.
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService workers = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> claimed = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                claimed.add(workers.submit(() -> {
                    start.await();
                    int total = 0;
                    for (int n = sender.sendDue(); n > 0; n = sender.sendDue()) {
                        total += n;
                    }
                    return total;
                }));
            }
            for (Future<Integer> f : claimed) {
                f.get();
            }
        } finally {
            workers.shutdown();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> ids.stream()
                .allMatch(id -> outbox.find(id).orElseThrow().status() == OutboxStatus.SENT));
        Map<String, Long> byMessageId = countByMessageId();
        for (long id : ids) {
            assertThat(byMessageId.get(outbox.find(id).orElseThrow().messageId())).as("message %s", id).isEqualTo(1);
            assertThat(outbox.find(id).orElseThrow().attempts()).isEqualTo(1);
        }
    }

    @Test
    void englishTemplatesAndAFrenchFallback() {
        MailContent english = templates.render("notification/test-message", Locale.UK, Map.of("name", "Sam", "day", "Z20IN 001"));
        assertThat(english.subject()).isEqualTo("Test message: Z20IN 001");
        assertThat(english.text()).startsWith("Hello Sam,");
        assertThat(english.html()).contains("lang=\"en\"");
        MailContent german = templates.render("notification/test-message", Locale.GERMAN, Map.of("name", "Sam", "day", "X"));
        assertThat(german.subject()).isEqualTo("Message d'essai : X");
    }

    @Test
    void theHtmlPartsOfTheExampleTemplateAreValid() throws Exception {
        Map<String, String> vars = Map.of("name", "Camille <Durand> & Cie", "day", "Z20IN 001");
        MailContent french = templates.render("notification/test-message", Locale.FRENCH, vars);
        MailContent english = templates.render("notification/test-message", Locale.ENGLISH, vars);
        assertThat(french.html()).contains("Camille &lt;Durand&gt; &amp; Cie");
        assertThat(french.text()).contains("Bonjour Camille <Durand> & Cie,");
        HtmlChecker.assertValid("notification", Map.of("test-message-fr", french.html(), "test-message-en", english.html()));
    }

    @Test
    void backOffDoublesUpToItsCap() {
        NotificationProperties defaults = new NotificationProperties(true, "a@b.test", Duration.ofSeconds(5), 20,
                Duration.ofSeconds(30), Duration.ofHours(1), 12);
        assertThat(defaults.backoff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.backoff(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(defaults.backoff(5)).isEqualTo(Duration.ofMinutes(8));
        assertThat(defaults.backoff(8)).isEqualTo(Duration.ofHours(1));
        assertThat(defaults.backoff(100)).isEqualTo(Duration.ofHours(1));
    }

    private static Message plain(String to, String subject) {
        return new Message(to, subject, "Texte de " + subject, null, List.of(), null);
    }

    private <T> T inTransaction(java.util.function.Supplier<T> work) {
        return new TransactionTemplate(transactionManager).execute(status -> work.get());
    }

    private static List<MimeMessage> receivedWith(String messageId) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> messageId.equals(messageIdOf(m))).toList();
    }

    private static Map<String, Long> countByMessageId() {
        return Arrays.stream(smtp.getReceivedMessages())
                .collect(Collectors.groupingBy(OutboxDeliveryTest::messageIdOf, Collectors.counting()));
    }

    private static String messageIdOf(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Part> leaves(Part part) throws MessagingException, IOException {
        List<Part> found = new ArrayList<>();
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                found.addAll(leaves(child));
            }
        } else {
            found.add(part);
        }
        return found;
    }

    private static boolean isType(Part part, String type) {
        try {
            return part.isMimeType(type);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isAttachment(Part part) {
        try {
            return Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
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
