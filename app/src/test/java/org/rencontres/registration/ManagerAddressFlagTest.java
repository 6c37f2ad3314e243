package org.rencontres.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rencontres.HtmlChecker;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.WebSession;
import org.rencontres.directory.Directory;
import org.rencontres.directory.Organisation;
import org.rencontres.directory.OrganisationCatalogue;
import org.rencontres.directory.OrganisationForm;
import org.rencontres.directory.TrainingContactForm;
import org.rencontres.directory.TrainingContacts;
import org.rencontres.event.DayDraft;
import org.rencontres.event.SessionDayDraft;
import org.rencontres.event.DayStatus;
import org.rencontres.event.Days;
import org.rencontres.event.SessionCode;
import org.rencontres.notification.QueuedMails;
import org.rencontres.security.Accounts;
import org.rencontres.security.NewAccount;
import org.rencontres.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Point 12 of issue 13: the agent types their line manager's address, so they could approve their own
 * request. Where the directory knows the employer's e-mail domains, an address outside them is flagged, to
 * the organiser (queue and detail page) and on the decision pages of the manager and the training service;
 * the agent's own address is flagged always. Nothing is refused; no domain known, no flag.
 */
@RencontresIntegrationTest
class ManagerAddressFlagTest {

    private static final String PASSWORD = "correct horse battery";

    @LocalServerPort int port;
    @Autowired Days days;
    @Autowired Registrations registrations;
    @Autowired Directory directory;
    @Autowired OrganisationCatalogue organisations;
    @Autowired TrainingContacts contacts;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;

    private long n;
    private long dayId;
    private String slug;
    private Organisation lyon;
    private Organisation unknownDomains;
    private WebSession visitor;
    private WebSession admin;

    @BeforeEach
    void aDayAskingForTheManagersOpinionAndTwoEmployers() throws Exception {
        n = System.nanoTime() % 100_000_000;
        SessionCode code = new SessionCode("ZFLAG " + n);
        slug = code.slug();
        dayId = days.create(new DayDraft(code, "Journée des responsables", null, null, List.of(new SessionDayDraft(LocalDate.now().plusMonths(4), LocalTime.of(9, 0), LocalTime.of(17, 0))), "Une journée de test.", null, null, null, false, null,
                "INSET des responsables", null, List.of(), List.of(), List.of()));
        days.changeStatus(dayId, DayStatus.PUBLISHED);
        registrations.setCapacity(new Capacity(dayId, 10, 48, true));
        lyon = organisations.create(new OrganisationForm("Mairie de Lyon-Flag " + n, "", "COMMUNE", "", "", "", "Lyon", "",
                "mairie-lyon-flag.fr\ngrandlyon-flag.com")).value();
        contacts.add(lyon.id(), new TrainingContactForm("Service formation", "formation" + n + "@mairie-lyon-flag.fr"));
        unknownDomains = organisations.create(new OrganisationForm("Commune sans domaine " + n, "", "COMMUNE", "", "", "",
                "", "", "")).value();
        visitor = new WebSession(port);
        String email = "admin.flag@cnfpt.fr";
        if (!accounts.emailTaken(email)) {
            accounts.create(new NewAccount(email, "Administratrice", Role.ADMINISTRATOR, null, PASSWORD));
        }
        admin = new WebSession(port);
        assertThat(WebSession.location(admin.signIn(email, PASSWORD))).isEqualTo("/admin");
    }

    @AfterEach
    void unpublish() {
        days.changeStatus(dayId, DayStatus.DRAFT);
    }

    /** Sends the public form and returns the new registration's id. */
    private long request(String surname, String email, Organisation employer, String manager) throws Exception {
        String form = "/journees/" + slug + "/inscription";
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("nom", surname);
        fields.put("prenom", "Léa");
        fields.put("courriel", email);
        fields.put("telephone", "01 60 79 74 00");
        fields.put("fonction", "Chargée de formation, DRH");
        fields.put("employeur", employer.name());
        fields.put("responsable", manager);
        fields.put("repas", "");
        fields.put("accessibilite", "");
        fields.put("consentement", "oui");
        fields.put("siteWeb", "");
        assertThat(visitor.submit(form, form, fields).statusCode()).isEqualTo(302);
        Registration r = registrations.ofDay(dayId).stream().filter(x -> x.email().equals(email)).findFirst().orElseThrow();
        assertThat(r.state()).as("flagged or not, the request goes on").isEqualTo(RegistrationState.AWAITING_MANAGER);
        assertThat(r.employerOrganisationId()).isEqualTo(employer.id());
        return r.id();
    }

    private String link(String recipient, String prefix) {
        String found = new QueuedMails(jdbc).lastLink(recipient, prefix).orElse(null);
        assertThat(found).as("a link %s… e-mailed to %s", prefix, recipient).isNotNull();
        return found;
    }

    /** Jsoup may give a non-breaking space as a space: compare with plain spaces. */
    private static String plain(String text) {
        return text.replace('\u00a0', ' ');
    }

    private String queue() {
        return "/admin/journees/" + slug + "/inscriptions";
    }

    @Test
    void a_managers_address_outside_the_employers_domains_is_flagged_everywhere_but_refuses_nothing() throws Exception {
        String manager = "chef.perso" + n + "@gmail.com";
        long id = request("Dehors", "lea.dehors" + n + "@mairie-lyon-flag.fr", lyon, manager);

        Document queue = admin.page(queue());
        assertThat(queue.select("#demande-" + id + " .manager-flag").text()).isEqualTo("responsable à vérifier");
        String why = "Attention\u00a0: l’adresse du responsable hiérarchique (" + manager
                + ") n’appartient à aucun domaine de courriel connu de l’employeur (mairie-lyon-flag.fr, grandlyon-flag.com)\u00a0: elle pourrait ne pas être celle de son responsable.";
        assertThat(plain(queue.select("#demande-" + id + " .manager-flag-why").text()))
                .isEqualTo(plain(why.substring("Attention\u00a0: ".length())));

        Document detail = admin.page(queue() + "/" + id);
        assertThat(detail.select("#champ-responsable .manager-flag").text()).isEqualTo("responsable à vérifier");
        assertThat(plain(detail.select("#champ-responsable .manager-flag-why").text()))
                .isEqualTo(plain(why.substring("Attention\u00a0: ".length())));

        // The line manager's page says it too, and so does the training service's once the manager has answered.
        String opinion = link(manager, "/inscription/avis/");
        Document managerPage = visitor.page(opinion);
        assertThat(plain(managerPage.select("#alerte-responsable").text())).startsWith(plain(why));
        assertThat(managerPage.select("#responsable").text()).isEqualTo(manager);
        assertThat(visitor.submit(opinion, opinion, Map.of("avis", "oui", "motif", "")).statusCode()).isEqualTo(200);
        String decision = link("formation" + n + "@mairie-lyon-flag.fr", "/inscription/decision/");
        Document servicePage = visitor.page(decision);
        assertThat(plain(servicePage.select("#alerte-responsable").text()))
                .isEqualTo(plain(why + " Assurez-vous que l’avis vient bien du responsable de l’agent."));
        assertThat(registrations.find(id).orElseThrow().state()).isEqualTo(RegistrationState.AWAITING_TRAINING_SERVICE);

        HtmlChecker.assertValid("registration-manager-flag", Map.of("queue", queue.outerHtml(),
                "detail", detail.outerHtml(), "manager", managerPage.outerHtml(), "service", servicePage.outerHtml()));
    }

    @Test
    void the_agents_own_address_as_manager_is_flagged() throws Exception {
        String agent = "lea.moi" + n + "@mairie-lyon-flag.fr";
        long id = request("Moi", agent, lyon, agent);
        assertThat(plain(admin.page(queue() + "/" + id).select("#champ-responsable .manager-flag-why").text()))
                .isEqualTo(plain("l’adresse du responsable hiérarchique (" + agent
                        + ") est celle de l’agent\u00a0: l’agent pourrait donner lui-même l’avis sur sa propre demande."));
        assertThat(admin.page(queue()).select("#demande-" + id + " .manager-flag")).hasSize(1);
    }

    @Test
    void no_flag_when_the_manager_is_inside_the_domains_or_when_no_domain_is_known() throws Exception {
        String inside = "chef" + n + "@mairie-lyon-flag.fr";
        long atDomain = request("Dedans", "lea.dedans" + n + "@mairie-lyon-flag.fr", lyon, inside);
        String subDomain = "dgs" + n + "@services.grandlyon-flag.com";
        long atSubDomain = request("Sous", "lea.sous" + n + "@mairie-lyon-flag.fr", lyon, subDomain);
        String elsewhere = "chef" + n + "@gmail.com";
        long noDomains = request("Ailleurs", "lea.ailleurs" + n + "@commune.fr", unknownDomains, elsewhere);

        Document queue = admin.page(queue());
        for (long id : List.of(atDomain, atSubDomain, noDomains)) {
            assertThat(queue.select("#demande-" + id)).as("row %s", id).hasSize(1);
            assertThat(queue.select("#demande-" + id + " .manager-flag")).as("row %s", id).isEmpty();
            assertThat(admin.page(queue() + "/" + id).select(".manager-flag")).as("detail %s", id).isEmpty();
        }
        for (String manager : List.of(inside, subDomain, elsewhere)) {
            Document page = visitor.page(link(manager, "/inscription/avis/"));
            assertThat(page.select("#responsable")).as(manager).hasSize(1);
            assertThat(page.select("#alerte-responsable")).as(manager).isEmpty();
        }
    }
}
