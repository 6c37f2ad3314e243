package org.rencontres.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rencontres.HtmlChecker;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.WebSession;
import org.rencontres.notification.QueuedMails;
import org.rencontres.security.Accounts;
import org.rencontres.security.NewAccount;
import org.rencontres.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Point 4 of issue 13: an organiser of one unit cannot change, through the shared directory, who decides
 * another unit's registrations. Their changes of an organisation's training-service contacts and identity,
 * and its deletion, wait for an administrator; approval applies them and e-mails the requester (through the
 * outbox: DirectoryChangeMailTest delivers it to a real SMTP server), refusal changes nothing; every step is
 * on the organisation's "Historique" with before and after.
 */
@RencontresIntegrationTest
class DirectoryChangesTest {

    @LocalServerPort int port;
    @Autowired Accounts accounts;
    @Autowired OrganisationCatalogue organisations;
    @Autowired TrainingContacts contacts;
    @Autowired Directory directory;
    @Autowired JdbcClient jdbc;

    WebSession organiserY;
    WebSession admin;
    long n;
    Organisation employer;
    String page;

    @BeforeEach
    void anEmployerOfUnitXsAgents() throws Exception {
        if (!accounts.emailTaken("organisateur.y@unite-y.fr")) {
            accounts.create(new NewAccount("organisateur.y@unite-y.fr", "Yves de l’unité Y", Role.ORGANISER, "INSET Y",
                    DirectoryAdminTest.PASSWORD));
        }
        organiserY = new WebSession(port);
        assertThat(WebSession.location(organiserY.signIn("organisateur.y@unite-y.fr", DirectoryAdminTest.PASSWORD)))
                .isEqualTo("/admin");
        admin = DirectoryAdminTest.administrator(port, accounts, "admin.demandes@cnfpt.fr");
        n = System.nanoTime() % 100_000_000;
        employer = organisations.create(new OrganisationForm("Mairie de Gouvernance " + n, "", "COMMUNE", "", "", "",
                "Lyon", "", "mairie-gouvernance.fr")).value();
        contacts.add(employer.id(), new TrainingContactForm("Service formation", "formation@mairie-gouvernance.fr"));
        page = "/admin/annuaire/organisations/" + employer.id();
    }

    private Map<String, String> identity(String name, String domains) {
        Map<String, String> fields = new HashMap<>(Map.of("nom", name, "sigle", "", "type", "COMMUNE", "siren", "",
                "rue", "", "codepostal", "", "ville", "Lyon", "site", ""));
        fields.put("domaines", domains);
        return fields;
    }

    private List<String> emails() {
        return contacts.of(employer.id()).stream().map(TrainingContact::email).toList();
    }

    private List<Long> pendingIds() {
        return jdbc.sql("SELECT id FROM directory_change WHERE organisation_id = ? AND status = 'PENDING' ORDER BY id")
                .param(employer.id()).query(Long.class).list();
    }

    private String status(long change) {
        return jdbc.sql("SELECT status FROM directory_change WHERE id = ?").param(change).query(String.class).single();
    }

    private List<String> mailSubjects(String to) {
        return new QueuedMails(jdbc).subjects(to);
    }

    @Test
    void an_organisers_changes_of_contacts_and_identity_wait_and_nothing_is_applied() throws Exception {
        int mailsBefore = mailSubjects("organisateur.y@unite-y.fr").size();
        HttpResponse<String> added = organiserY.submit(page, page + "/contacts",
                Map.of("libelle", "", "courriel", "yves@unite-y.fr"));
        assertThat(WebSession.location(added)).isEqualTo(page + "#service-formation");
        String renamed = "Mairie de Gouvernance " + n + " <!--<script>";
        HttpResponse<String> edited = organiserY.submit(page + "/modifier", page + "/modifier",
                identity(renamed, "gmail.com"));
        assertThat(WebSession.location(edited)).isEqualTo(page);
        TrainingContact formation = contacts.of(employer.id()).get(0);
        organiserY.submit(page + "/contacts/" + formation.id() + "/retirer", page + "/contacts/" + formation.id() + "/retirer",
                Map.of());
        Document askDelete = organiserY.page(page + "/supprimer");
        assertThat(askDelete.select("main p").first().text()).startsWith("Demander la suppression de l’organisation");
        assertThat(askDelete.select("main form button").text()).isEqualTo("Envoyer la demande");
        HttpResponse<String> deleted = organiserY.submit(page + "/supprimer", page + "/supprimer", Map.of());
        assertThat(WebSession.location(deleted)).isEqualTo(page);

        // Nothing applied.
        assertThat(emails()).containsExactly("formation@mairie-gouvernance.fr");
        Organisation now = organisations.find(employer.id()).orElseThrow();
        assertThat(now.name()).isEqualTo(employer.name());
        assertThat(directory.emailDomains(employer.id()).list()).containsExactly("mairie-gouvernance.fr");
        assertThat(pendingIds()).hasSize(4);
        assertThat(mailSubjects("organisateur.y@unite-y.fr")).hasSize(mailsBefore);

        // The page says so, names who asked, and keeps the trail.
        Document shown = organiserY.page(page);
        assertThat(shown.select("h1").text()).isEqualTo(employer.name());
        assertThat(shown.select(".pending-changes li").eachText().stream().map(t -> t.replace('\u00a0', ' ')).toList()).hasSize(4)
                .allMatch(line -> line.contains("demandé par Yves de l’unité Y le "))
                .anyMatch(line -> line.startsWith("Ajout de l’adresse yves@unite-y.fr au service formation"))
                .anyMatch(line -> line.startsWith("Retrait de l’adresse formation@mairie-gouvernance.fr du service formation"))
                .anyMatch(line -> line.startsWith("Suppression de l’organisation"));
        assertThat(shown.select(".directory-history tbody tr td:nth-child(3)").eachText())
                .filteredOn(t -> t.startsWith("Modification demandée")).hasSize(4);
        assertThat(shown.select(".directory-history tbody tr").first().select("td:nth-child(2)").text())
                .isEqualTo("Yves de l’unité Y");

        // An organiser cannot decide: the list and the decisions are the administrators'.
        assertThat(organiserY.get(DirectoryChangesController.BASE).statusCode()).isEqualTo(403);
        String csrf = organiserY.page(page).select("input[name=_csrf]").attr("value");
        HttpResponse<String> forged = organiserY.post(DirectoryChangesController.BASE + "/" + pendingIds().get(0) + "/approuver",
                Map.of("_csrf", csrf));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(emails()).containsExactly("formation@mairie-gouvernance.fr");
        assertThat(shown.select("nav.directory-nav a[href='/admin/annuaire/demandes']")).isEmpty();
    }

    @Test
    void an_administrator_approves_a_change_which_applies_and_the_requester_is_told() throws Exception {
        organiserY.submit(page, page + "/contacts", Map.of("libelle", "RH", "courriel", "yves@unite-y.fr"));
        String renamed = "Ville de Gouvernance " + n;
        organiserY.submit(page + "/modifier", page + "/modifier", identity(renamed, "Mairie-Gouvernance.FR\ngrandgouvernance.fr"));
        List<Long> pending = pendingIds();
        assertThat(pending).hasSize(2);

        Document list = admin.page(DirectoryChangesController.BASE);
        assertThat(list.select("nav.directory-nav a[href='/admin/annuaire/demandes']")).hasSize(1);
        assertThat(list.select("#demande-" + pending.get(0) + " td:nth-child(3)").text())
                .startsWith("Yves de l’unité Y (organisateur.y@unite-y.fr), le ");
        assertThat(list.select("#demande-" + pending.get(0) + " td:nth-child(5)").text())
                .contains("RH <yves@unite-y.fr>");

        // Approval goes through a confirmation page, which shows before and after.
        String approveContact = DirectoryChangesController.BASE + "/" + pending.get(0) + "/approuver";
        Document confirm = admin.page(approveContact);
        assertThat(confirm.select("h1").text()).isEqualTo("Approuver la demande");
        assertThat(confirm.select(".change-facts").text()).contains("formation@mairie-gouvernance.fr", "yves@unite-y.fr");
        assertThat(emails()).doesNotContain("yves@unite-y.fr");
        HttpResponse<String> approved = admin.submit(approveContact, approveContact, Map.of());
        assertThat(WebSession.location(approved)).isEqualTo(DirectoryChangesController.BASE);
        assertThat(admin.page(DirectoryChangesController.BASE).select("[role=status]").text())
                .isEqualTo("La demande d’Yves de l’unité Y est approuvée et appliquée.");
        assertThat(emails()).containsExactly("formation@mairie-gouvernance.fr", "yves@unite-y.fr");
        assertThat(status(pending.get(0))).isEqualTo("APPROVED");

        String approveRename = DirectoryChangesController.BASE + "/" + pending.get(1) + "/approuver";
        admin.submit(approveRename, approveRename, Map.of());
        assertThat(organisations.find(employer.id()).orElseThrow().name()).isEqualTo(renamed);
        assertThat(directory.emailDomains(employer.id()).list()).containsExactly("mairie-gouvernance.fr", "grandgouvernance.fr");

        // The requester is told of each outcome, through the outbox.
        assertThat(mailSubjects("organisateur.y@unite-y.fr"))
                .contains("Votre demande sur «\u00a0Mairie de Gouvernance " + n + "\u00a0» est approuvée");

        // Deciding twice does nothing more.
        HttpResponse<String> again = admin.submit(DirectoryChangesController.BASE, approveContact, Map.of());
        assertThat(WebSession.location(again)).isEqualTo(DirectoryChangesController.BASE);
        assertThat(admin.page(DirectoryChangesController.BASE).select("[role=alert]").text())
                .isEqualTo("Cette demande a déjà été traitée.");
        assertThat(emails()).containsExactly("formation@mairie-gouvernance.fr", "yves@unite-y.fr");

        // The history shows who did what, with before and after.
        Document shown = admin.page(page);
        List<String> actions = shown.select(".directory-history tbody tr td:nth-child(3)").eachText();
        assertThat(actions).anyMatch(a -> a.startsWith("Adresse du service formation ajoutée yves@unite-y.fr – à la demande d’Yves de l’unité Y"))
                .anyMatch(a -> a.startsWith("Modification de la fiche " + renamed))
                .anyMatch(a -> a.startsWith("Demande approuvée"));
        var added = shown.select(".directory-history tbody tr").stream()
                .filter(tr -> tr.select("td:nth-child(3)").text().startsWith("Adresse du service formation ajoutée")).findFirst()
                .orElseThrow();
        assertThat(added.select("td:nth-child(2)").text()).isEqualTo("Administratrice annuaire");
        assertThat(added.select("td:nth-child(4)").text()).isEqualTo("Service formation <formation@mairie-gouvernance.fr>");
        assertThat(added.select("td:nth-child(5)").text())
                .isEqualTo("Service formation <formation@mairie-gouvernance.fr> RH <yves@unite-y.fr>");
        var updated = shown.select(".directory-history tbody tr").stream()
                .filter(tr -> tr.select("td:nth-child(3)").text().startsWith("Modification de la fiche")).findFirst()
                .orElseThrow();
        assertThat(updated.select("td:nth-child(4)").text().replace('\u00a0', ' ')).contains("Nom : Mairie de Gouvernance " + n,
                "Domaines de courriel : mairie-gouvernance.fr");
        assertThat(updated.select("td:nth-child(5)").text().replace('\u00a0', ' ')).contains("Nom : " + renamed,
                "Domaines de courriel : mairie-gouvernance.fr, grandgouvernance.fr");
    }

    @Test
    void a_refusal_changes_nothing_and_the_requester_is_told_why() throws Exception {
        TrainingContact formation = contacts.of(employer.id()).get(0);
        String remove = page + "/contacts/" + formation.id() + "/retirer";
        organiserY.submit(remove, remove, Map.of());
        long change = pendingIds().get(0);

        String refuse = DirectoryChangesController.BASE + "/" + change + "/refuser";
        Document confirm = admin.page(refuse);
        assertThat(confirm.select("h1").text()).isEqualTo("Refuser la demande");
        assertThat(confirm.select("label[for=motif]")).hasSize(1);
        HttpResponse<String> refused = admin.submit(refuse, refuse, Map.of("motif", "Adresse confirmée par la mairie."));
        assertThat(WebSession.location(refused)).isEqualTo(DirectoryChangesController.BASE);
        assertThat(status(change)).isEqualTo("REFUSED");
        assertThat(emails()).containsExactly("formation@mairie-gouvernance.fr");
        assertThat(pendingIds()).isEmpty();
        assertThat(mailSubjects("organisateur.y@unite-y.fr"))
                .contains("Votre demande sur «\u00a0Mairie de Gouvernance " + n + "\u00a0» est refusée");
        String body = new QueuedMails(jdbc).lastText("organisateur.y@unite-y.fr");
        assertThat(body).contains("Retrait de l’adresse formation@mairie-gouvernance.fr du service formation",
                "Motif\u00a0: Adresse confirmée par la mairie.", page);
        assertThat(admin.page(page).select(".directory-history tbody tr td:nth-child(3)").eachText())
                .anyMatch(a -> a.startsWith("Demande refusée") && a.contains("Adresse confirmée par la mairie."));
    }

    @Test
    void an_administrator_changes_contacts_and_identity_at_once_and_it_is_audited() throws Exception {
        admin.submit(page, page + "/contacts", Map.of("libelle", "", "courriel", "rh@mairie-gouvernance.fr"));
        assertThat(emails()).containsExactly("formation@mairie-gouvernance.fr", "rh@mairie-gouvernance.fr");
        HttpResponse<String> edited = admin.submit(page + "/modifier", page + "/modifier",
                identity("Mairie de Gouvernance " + n, "mairie-gouvernance.fr grandgouvernance.fr"));
        assertThat(WebSession.location(edited)).isEqualTo(page);
        assertThat(directory.emailDomains(employer.id()).list()).containsExactly("mairie-gouvernance.fr", "grandgouvernance.fr");
        assertThat(pendingIds()).isEmpty();
        List<String> actions = admin.page(page).select(".directory-history tbody tr td:nth-child(3)").eachText();
        assertThat(actions).hasSize(4);
        assertThat(actions.get(0)).startsWith("Modification de la fiche");
        assertThat(actions.get(1)).startsWith("Adresse du service formation ajoutée rh@mairie-gouvernance.fr");
        assertThat(actions.get(3)).startsWith("Création");
    }

    @Test
    void an_organiser_creates_an_organisation_but_its_e_mail_domains_wait() throws Exception {
        String name = "Commune créée par Y " + n;
        HttpResponse<String> created = organiserY.submit("/admin/annuaire/organisations/nouvelle",
                "/admin/annuaire/organisations", identity(name, "gmail.com"));
        assertThat(WebSession.location(created)).matches("/admin/annuaire/organisations/\\d+");
        Organisation o = organisations.named(name).orElseThrow();
        assertThat(directory.emailDomains(o.id()).isEmpty()).isTrue();
        assertThat(jdbc.sql("SELECT domains FROM directory_change WHERE organisation_id = ? AND status = 'PENDING'")
                .param(o.id()).query(String.class).list()).containsExactly("gmail.com");
    }

    @Test
    void e_mail_domains_are_domain_names_in_lower_case_each_once() throws Exception {
        String edit = page + "/modifier";
        for (Map.Entry<String, String> bad : Map.of(
                "mairie-gouvernance.fr\nMAIRIE-gouvernance.fr", "Chaque domaine ne doit figurer qu’une fois.",
                "@mairie-gouvernance.fr", "Indiquez des noms de domaine, un par ligne, par exemple mairie-lyon.fr (sans « @ » ni « www », et pas un suffixe seul comme gouv.fr).",
                "gouv.fr", "Indiquez des noms de domaine, un par ligne, par exemple mairie-lyon.fr (sans « @ » ni « www », et pas un suffixe seul comme gouv.fr).",
                "mairie_gouvernance", "Indiquez des noms de domaine, un par ligne, par exemple mairie-lyon.fr (sans « @ » ni « www », et pas un suffixe seul comme gouv.fr).")
                .entrySet()) {
            HttpResponse<String> refused = admin.submit(edit, edit, identity(employer.name(), bad.getKey()));
            assertThat(refused.statusCode()).as(bad.getKey()).isEqualTo(200);
            Document form = Jsoup.parse(refused.body());
            assertThat(form.select("#domaines-erreur").text().replace('\u00a0', ' ')).as(bad.getKey())
                    .isEqualTo(bad.getValue().replace('\u00a0', ' '));
            assertThat(form.select("#domaines").attr("aria-describedby")).isEqualTo("domaines-aide domaines-erreur");
            assertThat(form.select("#domaines").val()).isEqualTo(bad.getKey());
        }
        assertThat(directory.emailDomains(employer.id()).list()).containsExactly("mairie-gouvernance.fr");
        admin.submit(edit, edit, identity(employer.name(), " Interieur.Gouv.FR ;mairie-gouvernance.fr,sub.mairie-gouvernance.fr "));
        assertThat(directory.emailDomains(employer.id()).list())
                .containsExactly("interieur.gouv.fr", "mairie-gouvernance.fr", "sub.mairie-gouvernance.fr");
        assertThat(admin.page(page).select("#domaines").text())
                .isEqualTo("interieur.gouv.fr, mairie-gouvernance.fr, sub.mairie-gouvernance.fr");
        EmailDomains domains = directory.emailDomains(employer.id());
        assertThat(domains.covers("Chef@Mairie-Gouvernance.fr")).isTrue();
        assertThat(domains.covers("chef@dgs.mairie-gouvernance.fr")).isTrue();
        assertThat(domains.covers("chef@mairie-gouvernance.fr.evil.com")).isFalse();
        assertThat(domains.covers("chef@faux-mairie-gouvernance.fr")).isFalse();
    }

    @Test
    void an_organisers_import_adds_new_organisations_but_its_changes_of_existing_ones_wait() throws Exception {
        String newName = "Syndicat importé " + n;
        byte[] file = ("nom;type;ville;courriel formation\n"
                + newName + ";Autre organisme public;Lyon;formation@syndicat-importe.fr\n"
                + employer.name() + ";Commune;Villeurbanne;yves@unite-y.fr\n").getBytes(StandardCharsets.UTF_8);
        organiserY.upload("/admin/annuaire/import", "fichier", "import.csv", file);
        String token = organiserY.page("/admin/annuaire/import/apercu").select("input[name=jeton]").attr("value");
        HttpResponse<String> confirmed = organiserY.submit("/admin/annuaire/import/apercu", "/admin/annuaire/import/confirmer",
                Map.of("jeton", token));
        assertThat(WebSession.location(confirmed)).isEqualTo("/admin/annuaire/organisations");
        assertThat(organiserY.page("/admin/annuaire/organisations").select("[role=status]").eachText())
                .contains("3 changements attendent l’approbation d’un administrateur (organisations existantes et adresses du service formation).");

        Organisation created = organisations.named(newName).orElseThrow();
        assertThat(contacts.of(created.id())).isEmpty();
        assertThat(emails()).containsExactly("formation@mairie-gouvernance.fr");
        assertThat(organisations.find(employer.id()).orElseThrow().city()).isEqualTo("Lyon");
        assertThat(pendingIds()).hasSize(2);
        assertThat(admin.page("/admin/annuaire/organisations/" + created.id())
                .select(".directory-history tbody tr td:nth-child(3)").eachText())
                .anyMatch(a -> a.startsWith("Création " + newName + " – import"))
                .anyMatch(a -> a.startsWith("Modification demandée"));
    }

    @Test
    void the_new_pages_have_no_html_error_nor_warning() throws Exception {
        organiserY.submit(page, page + "/contacts", Map.of("libelle", "", "courriel", "yves@unite-y.fr"));
        organiserY.submit(page + "/modifier", page + "/modifier", identity(employer.name() + " bis", ""));
        long change = pendingIds().get(0);
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("organisation with pending changes and history, organiser", organiserY.get(page).body());
        pages.put("organisation form, organiser", organiserY.get(page + "/modifier").body());
        pages.put("organisation with history, administrator", admin.get(page).body());
        pages.put("changes", admin.get(DirectoryChangesController.BASE).body());
        pages.put("approve", admin.get(DirectoryChangesController.BASE + "/" + change + "/approuver").body());
        pages.put("refuse", admin.get(DirectoryChangesController.BASE + "/" + change + "/refuser").body());
        pages.put("refuse with error", admin.submit(DirectoryChangesController.BASE + "/" + change + "/refuser",
                DirectoryChangesController.BASE + "/" + change + "/refuser", Map.of("motif", "x".repeat(1001))).body());
        pages.put("form with domain error", admin.submit(page + "/modifier", page + "/modifier",
                identity(employer.name(), "gouv.fr")).body());
        pages.put("changes, english", admin.get(DirectoryChangesController.BASE + "?lang=en").body());
        admin.get(DirectoryChangesController.BASE + "?lang=fr");
        HtmlChecker.assertValid("directory-changes", pages);
    }
}
