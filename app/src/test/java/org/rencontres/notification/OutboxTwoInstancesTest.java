package org.rencontres.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.rencontres.RencontresApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two application instances (two Spring contexts) sharing one PostgreSQL and one SMTP server, each
 * with its own scheduled sender: every message of the shared outbox arrives exactly once.
 */
class OutboxTwoInstancesTest {

    @Test
    void two_instances_never_send_a_message_twice() throws Exception {
        int smtpPort = freePort();
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try (EmbeddedPostgres database = EmbeddedPostgres.builder().start()) {
            JdbcClient.create(database.getPostgresDatabase()).sql("CREATE DATABASE rencontres_mail").update();
            String url = database.getJdbcUrl("postgres", "rencontres_mail");
            ExecutorService starter = Executors.newFixedThreadPool(2);
            Future<ConfigurableApplicationContext> a = starter.submit(() -> start(url, smtpPort));
            Future<ConfigurableApplicationContext> b = starter.submit(() -> start(url, smtpPort));
            try (ConfigurableApplicationContext first = a.get(180, TimeUnit.SECONDS);
                 ConfigurableApplicationContext second = b.get(180, TimeUnit.SECONDS)) {
                Outbox outbox = first.getBean(Outbox.class);
                TransactionTemplate transactions = new TransactionTemplate(first.getBean(PlatformTransactionManager.class));
                for (int round = 0; round < 2; round++) {
                    int r = round;
                    List<Long> ids = transactions.execute(status -> {
                        List<Long> queued = new ArrayList<>();
                        for (int i = 0; i < 60; i++) {
                            queued.add(outbox.send(new Message("agent" + r + "-" + i + "@mairie.test",
                                    "Tour " + r + ", message " + i, "Texte", "<p>Texte</p>", List.of(), null)));
                        }
                        return queued;
                    });
                    await().atMost(Duration.ofSeconds(60)).until(() -> ids.stream()
                            .allMatch(id -> outbox.find(id).orElseThrow().status() == OutboxStatus.SENT));
                    Map<String, Long> byMessageId = Arrays.stream(smtp.getReceivedMessages())
                            .collect(Collectors.groupingBy(OutboxTwoInstancesTest::messageIdOf, Collectors.counting()));
                    for (long id : ids) {
                        OutboxEntry entry = second.getBean(Outbox.class).find(id).orElseThrow();
                        assertThat(byMessageId.get(entry.messageId())).as("message %s", id).isEqualTo(1);
                        assertThat(entry.attempts()).isEqualTo(1);
                    }
                }
                assertThat(smtp.getReceivedMessages()).hasSize(120);
            } finally {
                starter.shutdownNow();
            }
        } finally {
            smtp.stop();
        }
    }

    private static ConfigurableApplicationContext start(String url, int smtpPort) {
        return new SpringApplication(RencontresApplication.class).run(
                "--server.port=0",
                "--rencontres.demo.enabled=false",
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtpPort,
                "--rencontres.mail.enabled=true",
                "--rencontres.mail.poll-delay=50ms",
                "--rencontres.mail.batch-size=3");
    }

    private static String messageIdOf(MimeMessage message) {
        try {
            return message.getMessageID();
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
