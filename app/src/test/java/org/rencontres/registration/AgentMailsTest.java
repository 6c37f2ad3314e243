package org.rencontres.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.event.Days;
import org.rencontres.notification.QueuedMails;
import org.rencontres.programme.Programmes;
import org.rencontres.programme.SlotDraft;
import org.rencontres.programme.SlotKind;
import org.rencontres.registration.allocation.WorkshopGiven;
import org.rencontres.workshops.WorkshopDraft;
import org.rencontres.workshops.Workshops;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the agent's e-mails say (issue 16): every one of them, the intermediate steps' too, links the agent's
 * space; the links are {@code <a>} with a text, never a bare address; the workshop e-mail names the workshop.
 */
@RencontresIntegrationTest
class AgentMailsTest {

    @Autowired Days days;
    @Autowired Registrations registrations;
    @Autowired Programmes programmes;
    @Autowired Workshops workshops;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationEventPublisher events;
    @Autowired PlatformTransactionManager transactions;

    private final long n = System.nanoTime() % 100_000_000;

    private String html(long id) {
        return jdbc.sql("SELECT html_body FROM notification_outbox WHERE id = ?").param(id).query(String.class).single();
    }

    private long request(long dayId, String givenName, List<Long> workshopChoices) {
        long id = registrations.request(dayId, new RequestDraft("Courrier", givenName, email(givenName), "01 60 79 74 00",
                "Juriste", null, "Commune de Test", null, null, null, Instant.parse("2016-01-10T10:00:00Z")), "fr", null,
                workshopChoices);
        registrations.advance(id, "Service formation", null);
        registrations.advance(id, "Service formation", null);
        return id;
    }

    /** NBSP and narrow NBSP (French typography) as plain spaces. */
    private static String plain(String text) {
        return text.replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    private String email(String givenName) {
        return givenName.toLowerCase() + "." + n + "@courrier.test";
    }

    @Test
    void every_mail_to_an_agent_links_their_space_with_named_links_and_the_workshop_mail_names_it() {
        long dayId = TestDays.create(days, "Journée des courriers");
        registrations.setCapacity(new Capacity(dayId, 20, 48, false));
        long slot = programmes.addSlot(dayId, new SlotDraft(days.days(dayId).orElseThrow().first().id(),
                LocalTime.of(14, 0), LocalTime.of(16, 0), SlotKind.WORKSHOP, "Ateliers", "Ateliers de l'après-midi",
                null, null, false, false, List.of(), List.of()));
        long jumelages = workshops.add(dayId, new WorkshopDraft(slot, 1, "Jumelages", null, null, null, null));

        long confirmed = request(dayId, "Alice", List.of(jumelages));
        registrations.confirm(confirmed, "Organisatrice");
        new TransactionTemplate(transactions).executeWithoutResult(s ->
                events.publishEvent(new WorkshopGiven(registrations.find(confirmed).orElseThrow())));
        long refused = request(dayId, "Bruno", List.of());
        registrations.refuse(refused, "Organisatrice", "Session réservée aux élus.");

        QueuedMails mails = new QueuedMails(jdbc);
        List<QueuedMails.QueuedMail> all = new java.util.ArrayList<>(mails.to(email("Alice")));
        all.addAll(mails.to(email("Bruno")));
        // Received, accepted by the service, confirmed, the workshop; received, accepted, refused.
        assertThat(all).hasSize(7);
        for (QueuedMails.QueuedMail mail : all) {
            assertThat(mail.text()).as(mail.subject()).contains("/inscription/espace/");
            Document html = Jsoup.parse(html(mail.id()));
            assertThat(html.select("a").eachText()).as(mail.subject()).contains("Ouvrir votre espace")
                    .noneMatch(text -> text.startsWith("http"));
            assertThat(html.select("a[href*=/inscription/espace/]")).as(mail.subject()).hasSize(1);
        }

        List<QueuedMails.QueuedMail> workshop = mails.to(email("Alice"), "Votre atelier");
        assertThat(workshop).hasSize(1);
        assertThat(plain(workshop.get(0).subject())).isEqualTo("Votre atelier « Jumelages » : Journée des courriers");
        assertThat(plain(workshop.get(0).text())).contains("Votre atelier : « Jumelages »");
    }
}
