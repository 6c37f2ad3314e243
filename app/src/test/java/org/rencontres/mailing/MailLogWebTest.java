package org.rencontres.mailing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rencontres.HtmlChecker;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.WebSession;
import org.rencontres.audit.AuditTrail;
import org.rencontres.event.Days;
import org.rencontres.notification.Message;
import org.rencontres.notification.Outbox;
import org.rencontres.registration.Registrations;
import org.rencontres.security.Accounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A session's e-mail log over real HTTP on the real PostgreSQL: the e-mails the approval chain writes are filed
 * under their session and listed there, never under another session; states with the reason of a failure; search
 * by recipient; 50 a page with the filters kept in the links; one message whole with its HTML in a sandboxed
 * frame; resending a copy (confirmed, audited); and, in the tests' context where no SMTP server is configured,
 * the notice that e-mails are kept, not sent.
 */
@RencontresIntegrationTest
class MailLogWebTest {

    @LocalServerPort int port;
    @Autowired Days days;
    @Autowired Registrations registrations;
    @Autowired Accounts accounts;
    @Autowired AuditTrail audit;
    @Autowired Outbox outbox;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;

    private MailingDays day;
    private MailingDays other;

    @BeforeEach
    void twoSessionsAndTheirOrganisers() throws Exception {
        day = new MailingDays(port, days, registrations, accounts, "ZMLA", "Journée du journal des courriels");
        other = new MailingDays(port, days, registrations, accounts, "ZMLB", "Une autre journée");
    }

    private List<String> recipients(Document page) {
        return page.select("#courriels tbody tr td:nth-child(2)").eachText();
    }

    private long idOf(String recipient, String subjectStart) {
        return jdbc.sql("SELECT id FROM notification_outbox WHERE recipient = ? AND subject LIKE ? ORDER BY id DESC LIMIT 1")
                .params(recipient, subjectStart + "%").query(Long.class).single();
    }

    @Test
    void the_log_lists_the_sessions_mails_and_not_another_sessions() throws Exception {
        day.confirmed("Alice", "Dupont");
        other.confirmed("Bruno", "Ailleurs");

        Document page = day.organiser.page(day.log());
        assertThat(recipients(page)).contains(day.email("Alice")).doesNotContain(other.email("Bruno"));
        // The three steps of the chain, newest first: received, accepted by the service, confirmed.
        assertThat(page.select("#courriels tbody tr td:nth-child(3)").eachText())
                .containsExactly("Inscription confirmée et convocation : Journée du journal des courriels",
                        "Demande acceptée par votre service formation : Journée du journal des courriels",
                        "Demande d'inscription reçue : Journée du journal des courriels");
        assertThat(page.select("#courriels tbody tr td.mailing-state").eachText()).containsOnly("en attente");
        assertThat(page.select("#nombre-courriels").text()).isEqualTo("3 courriels");
        HtmlChecker.assertValid("mail-log", Map.of("log", page.outerHtml()));

        // Another session's message is not found through this one, nor this one's log by another organiser.
        long bruno = idOf(other.email("Bruno"), "Inscription confirmée");
        assertThat(day.organiser.get(day.log() + "/" + bruno).statusCode()).isEqualTo(404);
        assertThat(day.organiser.get(day.log() + "/" + bruno + "/renvoyer").statusCode()).isEqualTo(404);
        assertThat(other.organiser.get(day.log()).statusCode()).isIn(403, 404);
        // A visitor is sent to the sign-in page.
        HttpResponse<String> visitor = new WebSession(port).get(day.log());
        assertThat(visitor.statusCode()).isEqualTo(302);
    }

    @Test
    void states_are_shown_with_the_reason_of_a_failure_and_filtered_in_the_address() throws Exception {
        day.confirmed("Alice", "Dupont");
        day.confirmed("Chloe", "Martin");
        long sent = idOf(day.email("Alice"), "Inscription confirmée");
        long failed = idOf(day.email("Chloe"), "Inscription confirmée");
        long retrying = idOf(day.email("Chloe"), "Demande acceptée");
        jdbc.sql("UPDATE notification_outbox SET status = 'SENT', sent_at = now(), attempts = 1 WHERE id = ?").param(sent).update();
        jdbc.sql("UPDATE notification_outbox SET status = 'FAILED', attempts = 12, last_error = 'SMTPSendFailedException: 550 Mailbox unavailable' WHERE id = ?")
                .param(failed).update();
        jdbc.sql("UPDATE notification_outbox SET attempts = 2, last_error = 'MailConnectException: Connection refused' WHERE id = ?")
                .param(retrying).update();

        Document all = day.organiser.page(day.log());
        assertThat(all.select("tr[data-id=" + sent + "] td.mailing-state").text()).startsWith("envoyé le ");
        assertThat(all.select("tr[data-id=" + failed + "] td.mailing-state").text())
                .isEqualTo("échec après 12 essais : SMTPSendFailedException: 550 Mailbox unavailable");
        assertThat(all.select("tr[data-id=" + retrying + "] td.mailing-state").text())
                .isEqualTo("en attente, 2 essais manqués : MailConnectException: Connection refused");

        Document failures = day.organiser.page(day.log() + "?etat=echec");
        assertThat(failures.select("#courriels tbody tr").eachAttr("data-id")).containsExactly(String.valueOf(failed));
        assertThat(failures.select("#etat option[selected]").attr("value")).isEqualTo("echec");
        Document sentOnes = day.organiser.page(day.log() + "?etat=envoye");
        assertThat(sentOnes.select("#courriels tbody tr").eachAttr("data-id")).containsExactly(String.valueOf(sent));
        // Nothing wrong: every message listed when no state is chosen; an unknown state is no filter.
        assertThat(all.select("#courriels tbody tr")).hasSize(6);
        assertThat(day.organiser.page(day.log() + "?etat=nimporte").select("#courriels tbody tr")).hasSize(6);
    }

    @Test
    void search_by_recipient_keeps_the_others_out() throws Exception {
        day.confirmed("Alice", "Dupont");
        day.confirmed("Chloe", "Martin");

        Document found = day.organiser.page(day.log() + "?destinataire=CHLOE");
        assertThat(recipients(found)).hasSize(3).containsOnly(day.email("Chloe"));
        assertThat(found.select("#destinataire").attr("value")).isEqualTo("CHLOE");
        Document none = day.organiser.page(day.log() + "?destinataire=personne-de-tel");
        assertThat(none.select("#courriels")).isEmpty();
        assertThat(none.select("#nombre-courriels").text()).isEqualTo("Aucun courriel");
        // A LIKE pattern is a plain text here.
        assertThat(day.organiser.page(day.log() + "?destinataire=%25").select("#courriels")).isEmpty();
    }

    @Test
    void the_log_is_paged_by_fifty_with_the_filters_kept() throws Exception {
        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            for (int i = 1; i <= 53; i++) {
                outbox.send(new Message("lot" + i + "." + day.n + "@courriels.test", "Message " + i, "Texte " + i, null,
                        List.of(), null).withDay(day.dayId));
            }
        });
        Document first = day.organiser.page(day.log() + "?destinataire=lot");
        assertThat(first.select("#courriels tbody tr")).hasSize(50);
        assertThat(first.select("#courriels caption").text()).isEqualTo("Courriels, page 1 sur 2");
        assertThat(first.select("#nombre-courriels").text()).isEqualTo("53 courriels");
        String next = first.select("a[rel=next]").attr("href");
        assertThat(next).contains("destinataire=lot").contains("page=2");
        assertThat(first.select("a[rel=prev]")).isEmpty();
        Document second = day.organiser.page(next);
        assertThat(second.select("#courriels tbody tr td:nth-child(3)").eachText())
                .containsExactly("Message 3", "Message 2", "Message 1");
        assertThat(second.select("a[rel=next]")).isEmpty();
        // The shared pager: page 1 carries no number, every link keeps the filters.
        assertThat(second.select("a[rel=prev]").attr("href")).contains("destinataire=lot").doesNotContain("page=");
        assertThat(second.select("nav.pagination a[aria-current=page]").text()).isEqualTo("2");
        // Beyond the last page: the last page; not a number: the first.
        assertThat(day.organiser.page(day.log() + "?destinataire=lot&page=99").select("#courriels tbody tr")).hasSize(3);
        assertThat(day.organiser.page(day.log() + "?destinataire=lot&page=abc").select("#courriels tbody tr")).hasSize(50);
        // A filter left empty is not written in the links.
        assertThat(next).doesNotContain("etat=");
    }

    @Test
    void a_message_shows_its_text_its_html_in_a_sandboxed_frame_and_its_attachments() throws Exception {
        day.confirmed("Alice", "Dupont");
        long confirmation = idOf(day.email("Alice"), "Inscription confirmée");
        Document page = day.organiser.page(day.log() + "/" + confirmation);
        assertThat(page.select("h1").text()).isEqualTo("Inscription confirmée et convocation : Journée du journal des courriels");
        assertThat(page.select("#destinataire").text()).isEqualTo(day.email("Alice"));
        assertThat(page.select("#texte").text()).startsWith("Bonjour Alice Dupont,");
        // No SMTP server here (a trial): the personal links are shown whole, the log being the only way to them.
        assertThat(page.select("#texte").text()).contains("/inscription/espace/").doesNotContain(PersonalLinks.MASK);
        assertThat(page.select("#liens-masques")).isEmpty();
        assertThat(page.select("#pieces-jointes li").eachText()).hasSize(2)
                .anyMatch(name -> name.endsWith(".pdf")).anyMatch(name -> name.endsWith(".ics"));
        Element frame = page.selectFirst("iframe#html");
        assertThat(frame.attr("sandbox")).isEmpty();
        assertThat(frame.hasAttr("sandbox")).isTrue();
        assertThat(frame.attr("srcdoc")).contains("<p>Bonjour Alice Dupont,</p>");
        HtmlChecker.assertValid("mail-message", Map.of("message", page.outerHtml()));

        // An HTML part with a script: only in the sandboxed frame's srcdoc, never a script of the page.
        long hostile = new TransactionTemplate(transactions).execute(s -> outbox.send(new Message(
                day.email("Alice"), "Piège", "Texte", "<p>Bonjour</p><script>window.pirate = 1</script>", List.of(), null)
                .withDay(day.dayId)));
        Document trap = day.organiser.page(day.log() + "/" + hostile);
        assertThat(trap.select("script").outerHtml()).doesNotContain("pirate");
        assertThat(trap.selectFirst("iframe#html").attr("srcdoc")).contains("<script>window.pirate = 1</script>");
        assertThat(trap.select("#pieces-jointes").text()).isEqualTo("Aucune");
    }

    @Test
    void resending_queues_a_copy_after_a_confirmation_and_is_audited() throws Exception {
        day.confirmed("Alice", "Dupont");
        long confirmation = idOf(day.email("Alice"), "Inscription confirmée");
        String resend = day.log() + "/" + confirmation + "/renvoyer";
        Document confirm = day.organiser.page(resend);
        assertThat(confirm.select("h1").text()).isEqualTo("Renvoyer ce courriel à " + day.email("Alice") + " ?");
        // Nothing is queued by the confirmation page itself.
        assertThat(count(day.email("Alice"))).isEqualTo(3);

        HttpResponse<String> done = day.organiser.submit(resend, resend, Map.of());
        assertThat(done.statusCode()).isEqualTo(302);
        long copy = Long.parseLong(WebSession.location(done).replaceAll(".*/", ""));
        assertThat(copy).isGreaterThan(confirmation);
        assertThat(count(day.email("Alice"))).isEqualTo(4);
        Document copyPage = day.organiser.page(day.log() + "/" + copy);
        assertThat(copyPage.select(".notice").text()).isEqualTo("Une copie du courriel est en file d'envoi pour " + day.email("Alice") + ".");
        assertThat(copyPage.select("h1").text()).startsWith("Inscription confirmée et convocation");
        assertThat(copyPage.select("#pieces-jointes li")).hasSize(2);
        assertThat(copyPage.select("#etat").text()).isEqualTo("en attente");
        assertThat(audit.of(day.dayId)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("resend");
            assertThat(e.details()).contains(day.email("Alice")).contains("message " + copy);
        });
        // Another session's organiser cannot resend it.
        assertThat(other.organiser.submit(other.log(), resend, Map.of()).statusCode()).isIn(403, 404);
        assertThat(count(day.email("Alice"))).isEqualTo(4);
    }

    @Test
    void without_an_smtp_server_messages_are_kept_and_the_page_says_so() throws Exception {
        day.confirmed("Alice", "Dupont");
        Document page = day.organiser.page(day.log());
        assertThat(page.select("#courriels-conserves").text())
                .startsWith("Aucun serveur d'envoi (SMTP) n'est configuré : les courriels sont conservés ici");
        assertThat(jdbc.sql("SELECT count(*) FROM notification_outbox WHERE recipient = ? AND status = 'PENDING' AND attempts = 0")
                .param(day.email("Alice")).query(Integer.class).single()).isEqualTo(3);
        Document message = day.organiser.page(day.log() + "/" + idOf(day.email("Alice"), "Inscription confirmée"));
        assertThat(message.select(".mailing-kept").text()).startsWith("Aucun serveur d'envoi (SMTP)");
    }

    private int count(String recipient) {
        return jdbc.sql("SELECT count(*) FROM notification_outbox WHERE recipient = ?").param(recipient)
                .query(Integer.class).single();
    }

    static String text(HttpResponse<String> response) {
        return Jsoup.parse(response.body()).text();
    }
}
