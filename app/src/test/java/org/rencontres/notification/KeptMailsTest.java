package org.rencontres.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rencontres.RencontresIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Without an SMTP server (no {@code spring.mail.host}, the default of {@code ./mvnw spring-boot:run}) e-mails are
 * kept in the outbox, untouched: the sender never tries them (no warning at every retry, no attempt counted) and
 * the e-mail log page is told so; with a server configured, it is told they are sent.
 */
@RencontresIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class KeptMailsTest {

    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactionManager;
    @Autowired NotificationProperties properties;
    @Autowired MessageIds messageIds;
    @Autowired Outbox outbox;
    @Autowired MailDelivery delivery;

    @Test
    void without_an_smtp_host_mails_are_said_kept_and_with_one_sent() {
        assertThat(new MailDelivery(new MockEnvironment()).keptNotSent()).isTrue();
        assertThat(new MailDelivery(new MockEnvironment().withProperty("spring.mail.host", " ")).keptNotSent()).isTrue();
        assertThat(new MailDelivery(new MockEnvironment().withProperty("spring.mail.host", "smtp.cnfpt.fr")).keptNotSent())
                .isFalse();
        // The tests' context, like a fresh start, has no SMTP server.
        assertThat(delivery.keptNotSent()).isTrue();
    }

    @Test
    void the_sender_without_an_smtp_server_leaves_due_messages_untouched_and_quiet(CapturedOutput output) {
        String to = "garde." + System.nanoTime() + "@courriels.test";
        long id = new TransactionTemplate(transactionManager).execute(s -> outbox.send(
                new Message(to, "Gardé", "Texte gardé", null, List.of(), null).withDay(-1)));
        OutboxSender sender = new OutboxSender(jdbc, transactionManager, (org.springframework.mail.javamail.JavaMailSender) null,
                properties, messageIds);
        assertThat(sender.sends()).isFalse();
        for (int i = 0; i < 3; i++) {
            sender.poll();
        }
        assertThat(sender.sendDue()).isZero();
        OutboxEntry kept = outbox.find(id).orElseThrow();
        assertThat(kept.status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(kept.attempts()).isZero();
        assertThat(kept.lastError()).isNull();
        assertThat(output.getAll()).doesNotContain("not sent (attempt").doesNotContain("Outbox poll failed");
    }
}
