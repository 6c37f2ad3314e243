package org.rencontres.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;

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
import org.rencontres.event.DayStatus;
import org.rencontres.event.Days;
import org.rencontres.event.SessionCode;
import org.rencontres.event.SessionDayDraft;
import org.rencontres.notification.QueuedMails;
import org.rencontres.security.Account;
import org.rencontres.security.Accounts;
import org.rencontres.security.NewAccount;
import org.rencontres.security.Role;
import org.rencontres.shared.FrenchTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Approvers who have not answered are reminded after the set number of days, once per step and never
 * twice; organisers get a daily digest of their sessions, and none when there is nothing to say.
 * Time is given to the jobs' methods as the instant "now" (the scheduler passes its clock's), so the
 * tests move it forward by days without waiting; e-mails go through a real SMTP server (GreenMail).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "rencontres.mail.enabled=true",
        "rencontres.mail.from=Rencontres <ne-pas-repondre@rencontres.test>",
        "rencontres.mail.poll-delay=100ms",
        "rencontres.mail.retry-base=100ms",
        "rencontres.mail.retry-max=500ms",
        "rencontres.jobs.enabled=false",
        "rencontres.demo.enabled=false",
        "rencontres.registration.approver-reminder-days=3" })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class StallsMailTest {

    private static final int SMTP_PORT = freePort();
    private static final Duration AFTER = Duration.ofDays(3);
    private static GreenMail smtp;

    @Autowired Days days;
    @Autowired Registrations registrations;
    @Autowired Directory directory;
    @Autowired TrainingContacts contacts;
    @Autowired Accounts accounts;
    @Autowired ApproverReminders reminders;
    @Autowired OrganiserDigest digest;
    @Autowired JdbcClient jdbc;
    @Autowired List<com.github.kagkarlsson.scheduler.task.Task<?>> tasks;

    private long n;
    private String unit;
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
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @BeforeEach
    void aSessionAndAnEmployer() {
        n = System.nanoTime() % 100_000_000;
        unit = "INSET des rappels " + n;
        dayId = day("ZRAP " + n);
        employer = directory.organisationNamed(NewOrganisation.named("Commune des Rappels " + n, OrganisationKind.COMMUNE));
        service = "formation" + n + "@rappels.test";
        contacts.add(employer.id(), new TrainingContactForm("Service formation", service));
    }

    private long day(String code) {
        long id = days.create(new DayDraft(new SessionCode(code), "Journée des rappels", null, null,
                List.of(new SessionDayDraft(LocalDate.now().plusMonths(2), LocalTime.of(9, 0), LocalTime.of(17, 0))),
                "Une journée de test.", null, null, null, false, null, unit, null, List.of(), List.of(), List.of()));
        days.changeStatus(id, DayStatus.PUBLISHED);
        return id;
    }

    private long submit(long day, String givenName, String manager) {
        return registrations.submit(day, new RequestDraft("Martin", givenName, givenName.toLowerCase() + n + "@rappels.test",
                "01 60 79 74 00", "Assistante RH", employer.id(), employer.name(), manager, null, null, Instant.now()),
                "fr", List.of());
    }

    /** When the request entered its present step. */
    private Instant since(long id) {
        return registrations.history(id).get(registrations.history(id).size() - 1).at();
    }

    private List<String> subjects(String recipient, int count) {
        await().atMost(Duration.ofSeconds(60)).until(() -> received(recipient).size() >= count);
        return received(recipient).stream().map(StallsMailTest::subject).toList();
    }

    private static List<MimeMessage> received(String recipient) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> to(m).equalsIgnoreCase(recipient)).toList();
    }

    private int remindersOf(long id) {
        return jdbc.sql("SELECT count(*) FROM registration_approver_reminder WHERE registration_id = ?").param(id)
                .query(Integer.class).single();
    }

    @Test
    void an_approver_is_reminded_after_the_days_set_not_before_and_never_twice_for_a_step() {
        registrations.setCapacity(new Capacity(dayId, 10, 48, true));
        String manager = "chef" + n + "@rappels.test";
        long id = submit(dayId, "Lea", manager);
        assertThat(subjects(manager, 1)).containsExactly("Avis demandé sur une inscription : Lea Martin, Journée des rappels");
        Instant asked = since(id);

        reminders.remindDue(asked.plus(AFTER).minusSeconds(60), AFTER);
        assertThat(remindersOf(id)).isZero();

        reminders.remindDue(asked.plus(AFTER), AFTER);
        assertThat(remindersOf(id)).isEqualTo(1);
        assertThat(subjects(manager, 2)).last()
                .isEqualTo("Rappel, avis attendu sur une inscription\u00a0: Lea Martin, Journée des rappels");
        assertThat(GreenMailUtil.getBody(received(manager).get(1))).contains("/inscription/avis/");

        // Never twice for the same step, however late.
        reminders.remindDue(asked.plus(Duration.ofDays(30)), AFTER);
        assertThat(remindersOf(id)).isEqualTo(1);

        // The next step gets its own reminder: the manager's opinion (in the organiser's place) sends it to the service.
        registrations.decideInPlace(id, "Paul Organisateur", true, null);
        assertThat(subjects("lea" + n + "@rappels.test", 2)).last()
                .isEqualTo("Avis favorable de l’organisateur\u00a0: Journée des rappels");
        assertThat(subjects(service, 1)).hasSize(1);
        Instant atService = since(id);
        reminders.remindDue(atService.plus(Duration.ofDays(2)), AFTER);
        assertThat(remindersOf(id)).isEqualTo(1);
        reminders.remindDue(atService.plus(Duration.ofDays(4)), AFTER);
        assertThat(remindersOf(id)).isEqualTo(2);
        assertThat(subjects(service, 2)).last()
                .isEqualTo("Rappel, décision attendue sur une inscription\u00a0: Lea Martin, Journée des rappels");
        reminders.remindDue(atService.plus(Duration.ofDays(9)), AFTER);
        assertThat(remindersOf(id)).isEqualTo(2);

        // Only those that waited: a request decided in time is never reminded.
        long answered = submit(day("ZRAQ " + n), "Paul", null);
        registrations.advance(answered, "Service formation", null);
        reminders.remindDue(Instant.now().plus(Duration.ofDays(10)), AFTER);
        assertThat(remindersOf(answered)).isZero();
    }

    @Test
    void the_organiser_gets_a_digest_of_what_happened_and_waits_and_none_when_quiet() throws Exception {
        String email = "organisateur" + n + "@rappels.test";
        Account account = accounts.create(new NewAccount(email, "Claire Organisatrice", Role.ORGANISER, unit,
                "correct horse battery"));
        registrations.setCapacity(new Capacity(dayId, 1, 48, false));
        long first = submit(dayId, "Anne", null);
        registrations.advance(first, "Service formation", null);
        registrations.confirm(first, "Organisatrice");
        long second = submit(dayId, "Bruno", null);
        registrations.advance(second, "Service formation", null);
        registrations.confirm(second, "Organisatrice");
        registrations.withdraw(first, "Agent", null);
        long stalled = submit(dayId, "Chloe", null);
        jdbc.sql("UPDATE registration_transition SET at = at - interval '4 days' WHERE registration_id = ?")
                .param(stalled).update();
        long typed = registrations.submit(dayId, new RequestDraft("Petit", "Ines", "ines" + n + "@rappels.test",
                "01 60 79 74 00", "Juriste", null, "Commune de Nulle-Part " + n, null, null, null, Instant.now()),
                "fr", List.of());

        Instant now = Instant.now().plusSeconds(60);
        assertThat(digest.sendTo(account.id(), now)).isTrue();
        List<String> subjects = subjects(email, 1);
        assertThat(subjects).singleElement().satisfies(s -> assertThat(s).startsWith("Vos inscriptions, le point du "));
        // Delivered through SMTP (above); its text as written to the outbox, with plain spaces.
        String text = new QueuedMails(jdbc).lastText(email).replace('\u00a0', ' ');
        assertThat(text).contains("Journée des rappels", "Nouvelles demandes", "Anne Martin (" + employer.name() + ")",
                "Demandes en attente", "Chloe Martin : attend le service formation (" + service + ") depuis le",
                "(depuis 4 jours)",
                "Ines Petit : attend l’organisateur (employeur hors annuaire, aucun service formation connu pour Commune de Nulle-Part "
                        + n + ")",
                "Retraits", "Anne Martin, le ",
                "Places proposées qui expirent dans les 48 heures", "Bruno Martin, jusqu’au ",
                "/admin/journees/" + new SessionCode("ZRAP " + n).slug() + "/inscriptions");
        assertThat(registrations.find(typed).orElseThrow().state()).isEqualTo(RegistrationState.AWAITING_TRAINING_SERVICE);

        // Never twice the same day (an hour later, or the day's last second in Paris when that comes first).
        Instant endOfParisDay = now.atZone(FrenchTime.PARIS).toLocalDate().plusDays(1).atStartOfDay(FrenchTime.PARIS)
                .toInstant().minusSeconds(1);
        Instant later = now.plusSeconds(3600).isBefore(endOfParisDay) ? now.plusSeconds(3600) : endOfParisDay;
        assertThat(digest.sendTo(account.id(), later)).isFalse();

        // An organiser whose sessions are quiet gets nothing.
        String quietUnit = "INSET tranquille " + n;
        Account quiet = accounts.create(new NewAccount("calme" + n + "@rappels.test", "Denis Calme", Role.ORGANISER,
                quietUnit, "correct horse battery"));
        long quietDay = days.create(new DayDraft(new SessionCode("ZCAL " + n), "Journée tranquille", null, null,
                List.of(new SessionDayDraft(LocalDate.now().plusMonths(2), LocalTime.of(9, 0), LocalTime.of(17, 0))),
                "Une journée de test.", null, null, null, false, null, quietUnit, null, List.of(), List.of(), List.of()));
        registrations.setCapacity(new Capacity(quietDay, 5, 48, false));
        long done = submit(quietDay, "Denise", null);
        registrations.advance(done, "Service formation", null);
        registrations.confirm(done, "Organisatrice");
        assertThat(digest.sendTo(quiet.id(), Instant.now().plus(Duration.ofDays(2)))).isFalse();
        // The same session with a new request the next day has something to say.
        submit(quietDay, "Edgar", null);
        assertThat(digest.sendTo(quiet.id(), Instant.now().plusSeconds(60))).isTrue();
        assertThat(subjects("calme" + n + "@rappels.test", 1)).hasSize(1);
    }

    @Test
    void both_jobs_are_declared_to_the_cluster_safe_scheduler() {
        assertThat(tasks).extracting(com.github.kagkarlsson.scheduler.task.Task::getName)
                .contains(RegistrationJobs.APPROVER_REMINDERS, RegistrationJobs.DIGEST);
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

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
