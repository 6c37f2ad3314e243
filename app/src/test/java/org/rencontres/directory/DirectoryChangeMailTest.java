package org.rencontres.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The organiser who asked for a directory change gets the administrator's decision by e-mail, delivered by
 * the outbox to a real SMTP server (GreenMail); the change applies on approval only. In a context of its own
 * with the outbox sender running, as RegistrationMailTest.
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
class DirectoryChangeMailTest {

    private static final int SMTP_PORT = freePort();
    private static GreenMail smtp;

    @Autowired DirectoryChanges changes;
    @Autowired OrganisationCatalogue organisations;
    @Autowired TrainingContacts contacts;

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

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void the_requester_is_told_by_e_mail_of_the_approval_and_of_the_refusal() throws Exception {
        Organisation o = organisations.create(new OrganisationForm("Mairie du Courriel", "", "COMMUNE", "", "", "", "",
                "")).value();
        DirectoryActor organiser = new DirectoryActor(null, "Yves Organisateur", "yves@unite-y.fr", false);
        DirectoryActor admin = new DirectoryActor(null, "Ada Administratrice", "ada@cnfpt.fr", true);

        assertThat(changes.addContact(organiser, o.id(), new TrainingContactForm("", "formation@mairie-courriel.fr"))
                .value()).isEqualTo(DirectoryChanges.Outcome.ASKED);
        assertThat(contacts.of(o.id())).isEmpty();
        assertThat(smtp.getReceivedMessages()).as("nothing is sent while the change waits").isEmpty();

        long asked = changes.pending().stream().filter(c -> c.organisationId() == o.id()).findFirst().orElseThrow().id();
        changes.approve(admin, asked);
        assertThat(contacts.of(o.id())).extracting(TrainingContact::email).containsExactly("formation@mairie-courriel.fr");
        await().atMost(Duration.ofSeconds(30)).until(() -> smtp.getReceivedMessages().length == 1);
        MimeMessage approved = smtp.getReceivedMessages()[0];
        assertThat(approved.getAllRecipients()[0].toString()).isEqualTo("yves@unite-y.fr");
        assertThat(approved.getSubject()).isEqualTo("Votre demande sur «\u00a0Mairie du Courriel\u00a0» est approuvée");
        assertThat(GreenMailUtil.getBody(approved).replace("=\r\n", "")).contains("Ada Administratrice");

        changes.removeContact(organiser, o.id(), contacts.of(o.id()).get(0));
        long removal = changes.pending().stream().filter(c -> c.organisationId() == o.id()).findFirst().orElseThrow().id();
        changes.refuse(admin, removal, "Adresse vérifiée auprès de la mairie");
        assertThat(contacts.of(o.id())).hasSize(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> smtp.getReceivedMessages().length == 2);
        MimeMessage refused = smtp.getReceivedMessages()[1];
        assertThat(refused.getAllRecipients()[0].toString()).isEqualTo("yves@unite-y.fr");
        assertThat(refused.getSubject()).isEqualTo("Votre demande sur «\u00a0Mairie du Courriel\u00a0» est refusée");
        assertThat(GreenMailUtil.getBody(refused).replace("=\r\n", "")).contains("Adresse v");
    }
}
