package org.rencontres.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.rencontres.HtmlChecker;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.WebSession;
import org.rencontres.notification.QueuedMails;
import org.rencontres.notification.QueuedMails.QueuedMail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Administrators disable, re-enable and delete accounts and send one-time reset links; everyone changes
 * their own password; a disabled account's or an old password's sessions end at their next request.
 */
@RencontresIntegrationTest
class AccountAdministrationTest {

    private static final String PASSWORD = "lanterne cobalt mirabelle quai";
    private static final String NEW_PASSWORD = "girafe pluvieuse sous le kiosque";
    private static final Pattern RESET_LINK = Pattern.compile("https?://[^/\\s]+(/mot-de-passe/nouveau\\?jeton=[A-Za-z0-9_-]+)");

    @LocalServerPort int port;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transaction;

    private Account account(String email, Role role) {
        return accounts.create(new NewAccount(email, "Personne " + email.substring(0, email.indexOf('@')), role, null,
                PASSWORD));
    }

    private WebSession signedIn(String email, String password) throws Exception {
        WebSession session = new WebSession(port).withHeader("X-Forwarded-For", "198.51.100.60");
        assertThat(WebSession.location(session.signIn(email, password))).isEqualTo("/admin");
        return session;
    }

    private static String statusText(WebSession session) throws Exception {
        return session.page("/admin/comptes").select("[role=status], main [role=alert]").text();
    }

    @Test
    void a_disabled_accounts_session_ends_at_its_next_request_and_it_cannot_sign_in_until_enabled_again()
            throws Exception {
        account("admin.desactive@cnfpt.fr", Role.ADMINISTRATOR);
        Account organiser = account("organisateur.desactive@cnfpt.fr", Role.ORGANISER);
        WebSession admin = signedIn("admin.desactive@cnfpt.fr", PASSWORD);
        WebSession victim = signedIn("organisateur.desactive@cnfpt.fr", PASSWORD);
        assertThat(victim.get("/admin").statusCode()).isEqualTo(200);

        HttpResponse<String> disabled = admin.submit("/admin/comptes",
                "/admin/comptes/" + organiser.id() + "/desactivation", Map.of());
        assertThat(WebSession.location(disabled)).isEqualTo("/admin/comptes");
        Document page = admin.page("/admin/comptes");
        assertThat(page.select("[role=status]").text())
                .isEqualTo("Le compte organisateur.desactive@cnfpt.fr est désactivé : ses sessions sont fermées.");
        assertThat(page.select("#compte-" + organiser.id() + " .account-state").text()).isEqualTo("Désactivé");

        HttpResponse<String> next = victim.get("/admin");
        assertThat(WebSession.location(next)).isEqualTo("/connexion?terminee");
        assertThat(victim.get("/admin").statusCode()).isEqualTo(302);
        assertThat(WebSession.location(new WebSession(port).signIn("organisateur.desactive@cnfpt.fr", PASSWORD)))
                .isEqualTo("/connexion?desactive");

        admin.submit("/admin/comptes", "/admin/comptes/" + organiser.id() + "/reactivation", Map.of());
        assertThat(statusText(admin)).isEqualTo("Le compte organisateur.desactive@cnfpt.fr est réactivé.");
        signedIn("organisateur.desactive@cnfpt.fr", PASSWORD);
    }

    @Test
    void an_administrator_cannot_disable_nor_delete_their_own_account() throws Exception {
        Account self = account("admin.soi@cnfpt.fr", Role.ADMINISTRATOR);
        WebSession admin = signedIn("admin.soi@cnfpt.fr", PASSWORD);
        Document page = admin.page("/admin/comptes");
        assertThat(page.select("#compte-" + self.id() + " form[action$=desactivation]")).isEmpty();

        admin.submit("/admin/comptes", "/admin/comptes/" + self.id() + "/desactivation", Map.of());
        assertThat(statusText(admin)).startsWith("Vous ne pouvez pas désactiver ni supprimer votre propre compte");
        admin.submit("/admin/comptes", "/admin/comptes/" + self.id() + "/suppression", Map.of());
        assertThat(statusText(admin)).startsWith("Vous ne pouvez pas désactiver ni supprimer votre propre compte");
        assertThat(accounts.find(self.id())).hasValueSatisfying(a -> assertThat(a.enabled()).isTrue());
        assertThat(admin.get("/admin/comptes").statusCode()).isEqualTo(200);
    }

    @Test
    void the_last_enabled_administrator_is_never_disabled_nor_deleted() {
        Account actor = account("admin.acteur@cnfpt.fr", Role.ADMINISTRATOR);
        Account last = account("admin.dernier@cnfpt.fr", Role.ADMINISTRATOR);
        Account other = account("admin.autre@cnfpt.fr", Role.ADMINISTRATOR);
        // In a transaction rolled back: the other tests' administrators stay as they are.
        transaction.executeWithoutResult(status -> {
            jdbc.sql("UPDATE account SET enabled = FALSE WHERE role = 'ADMINISTRATOR' AND id NOT IN (?, ?)")
                    .params(last.id(), other.id()).update();
            assertThat(accounts.disable(actor.id(), other.id())).isEqualTo(Accounts.Change.DONE);
            assertThat(accounts.disable(actor.id(), last.id())).isEqualTo(Accounts.Change.LAST_ADMINISTRATOR);
            assertThat(accounts.delete(actor.id(), last.id())).isEqualTo(Accounts.Change.LAST_ADMINISTRATOR);
            assertThat(accounts.hasAdministrator()).isTrue();
            status.setRollbackOnly();
        });
        assertThat(accounts.find(other.id())).hasValueSatisfying(a -> assertThat(a.enabled()).isTrue());
    }

    @Test
    void an_account_is_deleted_after_a_confirmation_and_its_sessions_end() throws Exception {
        account("admin.suppression@cnfpt.fr", Role.ADMINISTRATOR);
        Account gone = account("supprime@cnfpt.fr", Role.ORGANISER);
        WebSession admin = signedIn("admin.suppression@cnfpt.fr", PASSWORD);
        WebSession victim = signedIn("supprime@cnfpt.fr", PASSWORD);

        Document confirm = admin.page("/admin/comptes/" + gone.id() + "/suppression");
        assertThat(confirm.select("main p").first().text()).startsWith("Supprimer définitivement le compte de Personne supprime (supprime@cnfpt.fr) ?");
        assertThat(accounts.find(gone.id())).isPresent();

        HttpResponse<String> deleted = admin.submit("/admin/comptes/" + gone.id() + "/suppression",
                "/admin/comptes/" + gone.id() + "/suppression", Map.of());
        assertThat(WebSession.location(deleted)).isEqualTo("/admin/comptes");
        assertThat(statusText(admin)).isEqualTo("Le compte supprime@cnfpt.fr est supprimé.");
        assertThat(accounts.find(gone.id())).isEmpty();
        assertThat(WebSession.location(victim.get("/admin"))).isEqualTo("/connexion?terminee");
        assertThat(admin.get("/admin/comptes/" + gone.id() + "/suppression").statusCode()).isEqualTo(404);

        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("accounts", admin.get("/admin/comptes").body());
        pages.put("confirm", confirm.outerHtml());
        HtmlChecker.assertValid("security-accounts", pages);
    }

    @Test
    void a_reset_link_sent_through_the_outbox_sets_a_new_password_once_and_ends_the_old_sessions() throws Exception {
        account("admin.lien@cnfpt.fr", Role.ADMINISTRATOR);
        Account forgetful = account("oublieux@cnfpt.fr", Role.ORGANISER);
        WebSession admin = signedIn("admin.lien@cnfpt.fr", PASSWORD);
        WebSession oldSession = signedIn("oublieux@cnfpt.fr", PASSWORD);

        admin.submit("/admin/comptes", "/admin/comptes/" + forgetful.id() + "/reinitialisation", Map.of());
        assertThat(statusText(admin)).isEqualTo("Un lien pour choisir un nouveau mot de passe est envoyé à "
                + "oublieux@cnfpt.fr ; il sert une fois, pendant 24 heures.");
        List<QueuedMail> resets = new QueuedMails(jdbc).to("oublieux@cnfpt.fr",
                "Choisissez un nouveau mot de passe pour Rencontres");
        assertThat(resets).hasSize(1);
        String mail = resets.get(0).text();
        assertThat(mail).contains("Bonjour Personne oublieux,", "Personne admin.lien vous envoie ce lien");
        Matcher link = RESET_LINK.matcher(mail);
        assertThat(link.find()).isTrue();
        String path = link.group(1);

        WebSession person = new WebSession(port);
        Document form = person.page(path);
        assertThat(form.select("h1").text()).isEqualTo("Choisir un nouveau mot de passe");
        HttpResponse<String> weak = person.submit(path, path, Map.of("motdepasse", "oublieux2026!", "confirmation", "oublieux2026!"));
        assertThat(weak.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(weak.body()).select("#motdepasse-erreur").text()).startsWith("Ce mot de passe est trop facile à deviner.");
        assertThat(WebSession.location(person.submit(path, path,
                Map.of("motdepasse", NEW_PASSWORD, "confirmation", NEW_PASSWORD)))).isEqualTo("/connexion?nouveau");

        assertThat(person.get(path).statusCode()).isEqualTo(404);
        assertThat(Jsoup.parse(person.get(path).body()).select("h1").text()).isEqualTo("Ce lien n'est plus valable");
        assertThat(WebSession.location(oldSession.get("/admin"))).isEqualTo("/connexion?terminee");
        assertThat(WebSession.location(new WebSession(port).withHeader("X-Forwarded-For", "198.51.100.61")
                .signIn("oublieux@cnfpt.fr", PASSWORD))).isEqualTo("/connexion?erreur");
        signedIn("oublieux@cnfpt.fr", NEW_PASSWORD);
        assertThat(new WebSession(port).get("/mot-de-passe/nouveau?jeton=inconnu").statusCode()).isEqualTo(404);
        HtmlChecker.assertValid("security-reset", Map.of("form", form.outerHtml(), "weak", weak.body()));
    }

    @Test
    void a_newer_reset_link_replaces_the_older_one() throws Exception {
        Account account = account("deux.liens@cnfpt.fr", Role.ORGANISER);
        PasswordResets resets = resetsBean;
        String first = transaction.execute(s -> resets.issue(account.id()));
        String second = transaction.execute(s -> resets.issue(account.id()));
        assertThat(new WebSession(port).get(PasswordResets.PATH + "?jeton=" + first).statusCode()).isEqualTo(404);
        assertThat(new WebSession(port).get(PasswordResets.PATH + "?jeton=" + second).statusCode()).isEqualTo(200);
    }

    @Autowired PasswordResets resetsBean;

    @Test
    void everyone_changes_their_own_password_with_the_current_one_and_their_other_sessions_end() throws Exception {
        account("change.soi@cnfpt.fr", Role.ORGANISER);
        WebSession here = signedIn("change.soi@cnfpt.fr", PASSWORD);
        WebSession elsewhere = signedIn("change.soi@cnfpt.fr", PASSWORD);
        assertThat(here.page("/admin").select(".signout a[href='/admin/mot-de-passe']").text()).isEqualTo("Mon mot de passe");

        HttpResponse<String> wrong = here.submit("/admin/mot-de-passe", "/admin/mot-de-passe",
                Map.of("actuel", "pas le bon", "motdepasse", NEW_PASSWORD, "confirmation", NEW_PASSWORD));
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(wrong.body()).select("#actuel-erreur").text()).isEqualTo("Le mot de passe actuel est incorrect.");
        HttpResponse<String> spaces = here.submit("/admin/mot-de-passe", "/admin/mot-de-passe",
                Map.of("actuel", PASSWORD, "motdepasse", " ".repeat(12), "confirmation", " ".repeat(12)));
        assertThat(Jsoup.parse(spaces.body()).select("#motdepasse-erreur").text())
                .startsWith("Ce mot de passe est trop facile à deviner. Une répétition comme « aaa »");
        assertThat(accounts.passwordMatches(accounts.all().stream()
                .filter(a -> a.email().equals("change.soi@cnfpt.fr")).findFirst().orElseThrow().id(), PASSWORD)).isTrue();

        HttpResponse<String> changed = here.submit("/admin/mot-de-passe", "/admin/mot-de-passe",
                Map.of("actuel", PASSWORD, "motdepasse", NEW_PASSWORD, "confirmation", NEW_PASSWORD));
        assertThat(WebSession.location(changed)).isEqualTo("/admin/mot-de-passe");
        assertThat(here.page("/admin/mot-de-passe").select("[role=status]").text())
                .isEqualTo("Votre mot de passe est changé ; vos autres sessions sont fermées.");
        assertThat(here.get("/admin").statusCode()).isEqualTo(200);
        assertThat(WebSession.location(elsewhere.get("/admin"))).isEqualTo("/connexion?terminee");
        signedIn("change.soi@cnfpt.fr", NEW_PASSWORD);
        HtmlChecker.assertValid("security-password", Map.of("errors", wrong.body()));
    }
}
