package org.rencontres.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rencontres.HtmlChecker;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.WebSession;
import org.rencontres.audit.AuditTrail;
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
import org.rencontres.security.Accounts;
import org.rencontres.security.NewAccount;
import org.rencontres.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Nothing stalls unseen (issue 16, point 2) on the organiser's pages, and the registration mends of
 * point 7: the queue says for whom and since when each request waits (the organiser, with the reason,
 * when no training service can be asked), the seats taken and left and the waiting list's size, and
 * ranks among those still waiting; the organiser sends the link again, reminds, or decides in the
 * approver's place and is credited for it (agent's e-mail and space, audit, dashboard funnel); the
 * public form describes the chain with the line manager when the session asks for one; no page of the
 * module shows a missing message ({@code ??key??}).
 */
@RencontresIntegrationTest
class StallsWebTest {

    private static final String PASSWORD = "correct horse battery";

    @LocalServerPort int port;
    @Autowired Days days;
    @Autowired Registrations registrations;
    @Autowired Accounts accounts;
    @Autowired Directory directory;
    @Autowired TrainingContacts contacts;
    @Autowired AuditTrail audit;
    @Autowired JdbcClient jdbc;

    private long n;
    private String slug;
    private long dayId;
    private WebSession organiser;
    private Organisation served;
    private Organisation unserved;
    private String service;

    @BeforeEach
    void aSessionItsOrganiserAndTwoEmployers() throws Exception {
        n = System.nanoTime() % 100_000_000;
        String unit = "INSET des relances " + n;
        SessionCode code = new SessionCode("ZSTL " + n);
        slug = code.slug();
        dayId = days.create(new DayDraft(code, "Journée des relances", null, null,
                List.of(new SessionDayDraft(LocalDate.now().plusMonths(3), LocalTime.of(9, 0), LocalTime.of(17, 0))),
                "Une journée de test.", null, null, null, false, null, unit, null, List.of(), List.of(), List.of()));
        days.changeStatus(dayId, DayStatus.PUBLISHED);
        String email = "relances." + n + "@cnfpt.fr";
        accounts.create(new NewAccount(email, "Paul Organisateur", Role.ORGANISER, unit, PASSWORD));
        organiser = new WebSession(port);
        organiser.signIn(email, PASSWORD);
        served = directory.addOrganisation(NewOrganisation.named("Ville de Servie " + n, OrganisationKind.COMMUNE));
        service = "formation" + n + "@servie.test";
        contacts.add(served.id(), new TrainingContactForm("Service formation", service));
        unserved = directory.addOrganisation(NewOrganisation.named("Commune de Sans-Service " + n, OrganisationKind.COMMUNE));
    }

    private String queue() {
        return "/admin/journees/" + slug + "/inscriptions";
    }

    private long submit(String givenName, Long employerId, String employerName) {
        String email = givenName.toLowerCase(Locale.ROOT) + "." + n + "@agents.test";
        return registrations.submit(dayId, new RequestDraft("Durand", givenName, email, "01 60 79 74 00",
                "Chargée de mission", employerId, employerName, null, null, null, Instant.now()), "fr", List.of());
    }

    private void waitedDays(long id, int days) {
        jdbc.sql("UPDATE registration_transition SET at = at - make_interval(days => ?) WHERE registration_id = ?")
                .params(days, id).update();
    }

    @Test
    void the_queue_says_for_whom_and_since_when_and_a_request_no_service_can_decide_goes_to_the_organiser_with_the_reason()
            throws Exception {
        long withService = submit("Lea", served.id(), served.name());
        long noAddress = submit("Marc", unserved.id(), unserved.name());
        long typed = submit("Ines", null, "Commune de Nulle-Part " + n);
        waitedDays(withService, 3);

        Document page = organiser.page(queue());
        String servedWait = page.select("#demande-" + withService + " .registration-wait").text();
        assertThat(servedWait).startsWith("Attend le service formation (" + service + ") depuis le ")
                .endsWith("(depuis 3 jours)");
        assertThat(page.select("#demande-" + noAddress + " .registration-wait").text())
                .startsWith("Attend l’organisateur (aucun service formation connu pour " + unserved.name() + ") depuis le ")
                .endsWith("(depuis aujourd’hui)");
        assertThat(page.select("#demande-" + typed + " .registration-wait").text())
                .startsWith("Attend l’organisateur (employeur hors annuaire, aucun service formation connu pour Commune de Nulle-Part "
                        + n + ")");

        // The agents' spaces say who has the request now: the organiser, when no service can decide.
        assertThat(new WebSession(port).page(AgentLinks.space(jdbc, "ines." + n + "@agents.test")).select("#etat").text())
                .isEqualTo("en attente de l'organisateur");
        assertThat(new WebSession(port).page(AgentLinks.space(jdbc, "marc." + n + "@agents.test")).select("#etat").text())
                .isEqualTo("en attente de l'organisateur");
        assertThat(new WebSession(port).page(AgentLinks.space(jdbc, "lea." + n + "@agents.test")).select("#etat").text())
                .isEqualTo("en attente du service formation");

        // The detail page offers to send the link again and to remind only where someone else can answer.
        Document detail = organiser.page(queue() + "/" + withService);
        assertThat(detail.select("#attente").text()).startsWith("Attend le service formation");
        assertThat(detail.select("form[action$=/relancer]")).hasSize(1);
        assertThat(organiser.page(queue() + "/" + noAddress).select("form[action$=/relancer]")).isEmpty();

        int before = new QueuedMails(jdbc).subjects(service).size();
        HttpResponse<String> reminded = organiser.submit(queue() + "/" + withService, queue() + "/" + withService + "/relancer",
                Map.of());
        assertThat(reminded.statusCode()).isEqualTo(302);
        assertThat(organiser.page(queue() + "/" + withService).select("[role=status]").text())
                .isEqualTo("Lea Durand : relance envoyée.");
        List<String> subjects = new QueuedMails(jdbc).subjects(service);
        assertThat(subjects).hasSize(before + 1);
        assertThat(new QueuedMails(jdbc).lastText(service)).contains("la demande attend votre décision depuis le");
        assertThat(new QueuedMails(jdbc).lastLink(service, "/inscription/decision/")).isPresent();
        organiser.submit(queue() + "/" + withService, queue() + "/" + withService + "/renvoyer-lien", Map.of());
        assertThat(new QueuedMails(jdbc).subjects(service)).hasSize(before + 2);
        assertThat(audit.of(dayId)).anySatisfy(e -> assertThat(e.details()).contains("relance envoyée à " + service))
                .anySatisfy(e -> assertThat(e.details()).contains("lien renvoyé à " + service));

        organiser.submit(queue() + "/" + noAddress, queue() + "/" + noAddress + "/relancer", Map.of());
        assertThat(organiser.page(queue() + "/" + noAddress).select("[role=status]").text())
                .contains("Personne d’autre que vous ne peut décider de cette demande.");
        HtmlChecker.assertValid("stalls", Map.of("queue", page.outerHtml(),
                "detail", organiser.page(queue() + "/" + withService).outerHtml()));
    }

    @Test
    void deciding_in_the_service_s_place_is_credited_to_the_organiser_everywhere() throws Exception {
        long inPlace = submit("Emma", served.id(), served.name());
        long byService = submit("Hugo", served.id(), served.name());
        registrations.advance(byService, "Service formation (" + service + ")", null);

        String detail = queue() + "/" + inPlace;
        Document page = organiser.page(detail);
        assertThat(page.select("form[action$=/suivante] button").eachText()).contains("Accepter à la place du service formation");
        HttpResponse<String> accepted = organiser.submit(detail, queue() + "/" + inPlace + "/suivante", Map.of("depuis", "fiche"));
        assertThat(WebSession.location(accepted)).endsWith(detail);
        assertThat(registrations.find(inPlace).orElseThrow().state()).isEqualTo(RegistrationState.AWAITING_ORGANISER);

        // The agent is told that the organiser accepted, not the training service.
        String agent = "emma." + n + "@agents.test";
        assertThat(new QueuedMails(jdbc).subjects(agent)).last().isEqualTo("Demande acceptée par l’organisateur\u00a0: Journée des relances");
        assertThat(new QueuedMails(jdbc).lastText(agent)).contains("L’organisateur a accepté votre demande")
                .doesNotContain("Votre service formation a accepté");
        assertThat(new QueuedMails(jdbc).subjects("hugo." + n + "@agents.test")).last()
                .isEqualTo("Demande acceptée par votre service formation : Journée des relances");
        // Their space says so.
        Document space = new WebSession(port).page(AgentLinks.space(jdbc, agent));
        assertThat(space.select(".history").text()).contains("décision de l’organisateur, à la place de votre service formation");
        // The audit says so.
        assertThat(audit.of(dayId)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("accept-in-place");
            assertThat(e.details()).contains("Emma Durand : accepté par l'organisateur à la place du service formation");
        });
        // The dashboard's funnel counts it as the organiser's.
        Document dashboard = organiser.page("/admin/journees/" + slug + "/tableau-de-bord");
        Map<String, String> funnel = new java.util.LinkedHashMap<>();
        for (org.jsoup.nodes.Element tr : dashboard.select("#table-parcours tbody tr")) {
            funnel.put(tr.selectFirst("th").text(), tr.select("td").first().text());
        }
        assertThat(funnel).containsEntry("Demandes", "2").containsEntry("Accord du service formation", "1")
                .containsEntry("Accord de l’organisateur à la place du responsable ou du service formation", "1");

        // Refusing in the service's place is credited to the organiser too.
        long refused = submit("Zoe", served.id(), served.name());
        organiser.submit(queue() + "/" + refused + "/refus?depuis=fiche", queue() + "/" + refused + "/refus",
                Map.of("motif", "Hors public visé", "depuis", "fiche"));
        assertThat(registrations.find(refused).orElseThrow().state()).isEqualTo(RegistrationState.REFUSED);
        assertThat(registrations.history(refused)).last().satisfies(t -> assertThat(t.inPlace()).isTrue());
        assertThat(registrations.history(byService)).noneSatisfy(t -> assertThat(t.inPlace()).isTrue());
    }

    @Test
    void the_queue_shows_seats_taken_and_left_and_ranks_among_those_still_waiting() throws Exception {
        Document none = organiser.page(queue());
        assertThat(none.select("#places-prises")).isEmpty();
        registrations.setCapacity(new Capacity(dayId, 2, 48, false));
        long a = submit("Anne", served.id(), served.name());
        long b = submit("Bruno", served.id(), served.name());
        long c = submit("Chloe", served.id(), served.name());
        long d = submit("David", served.id(), served.name());
        for (long id : List.of(a, b, c, d)) {
            registrations.advance(id, "Service formation", null);
            registrations.confirm(id, "Organisatrice");
        }
        Document full = organiser.page(queue());
        assertThat(full.select("#places-prises").text()).isEqualTo("2 places : 2 prises, aucune libre");
        assertThat(full.select("#liste-attente").text()).isEqualTo("2 personnes sur la liste d’attente");
        assertThat(full.select("#demande-" + c + " .registration-state").text()).endsWith("(rang 1)");
        assertThat(full.select("#demande-" + d + " .registration-state").text()).endsWith("(rang 2)");

        // Chloé leaves the list: David is now first, and alone.
        registrations.withdraw(c, "Agent", null);
        registrations.withdraw(a, "Agent", null);
        // Anne's seat went to David as an offer; withdraw nobody else. Add a new waiting one behind.
        long e = submit("Eric", served.id(), served.name());
        registrations.advance(e, "Service formation", null);
        registrations.confirm(e, "Organisatrice");
        Document after = organiser.page(queue());
        assertThat(after.select("#places-prises").text()).isEqualTo("2 places : 2 prises, aucune libre");
        assertThat(after.select("#liste-attente").text()).isEqualTo("1 personne sur la liste d’attente");
        assertThat(registrations.find(e).orElseThrow().waitingPosition()).isEqualTo(3);
        assertThat(after.select("#demande-" + e + " .registration-state").text()).endsWith("(rang 1)");
        assertThat(organiser.page(queue() + "/" + e).select(".registration-state-line").text()).endsWith("(rang 1)");
        assertThat(new WebSession(port).page(AgentLinks.space(jdbc, "eric." + n + "@agents.test")).text())
                .contains("Votre rang sur la liste d'attente : 1.");
        registrations.setCapacity(new Capacity(dayId, 4, 48, false));
        assertThat(organiser.page(queue()).select("#places-prises").text()).isEqualTo("4 places : 3 prises, 1 libre");
    }

    @Test
    void the_public_form_and_its_confirmation_name_the_line_manager_when_the_session_asks_for_one() throws Exception {
        WebSession visitor = new WebSession(port);
        String form = "/journees/" + slug + "/inscription";
        registrations.setCapacity(new Capacity(dayId, 10, 48, false));
        assertThat(visitor.page(form).select("main").text()).contains("examinée par votre service formation puis par l'organisateur")
                .doesNotContain("responsable hiérarchique, puis");

        registrations.setCapacity(new Capacity(dayId, 10, 48, true));
        assertThat(visitor.page(form).select("main").text())
                .contains("examinée par votre responsable hiérarchique, puis par votre service formation et enfin par l’organisateur");
        Map<String, String> fields = new java.util.LinkedHashMap<>(AgentLinks.requestForm("Roux", "Jeanne", "jeanne." + n + "@agents.test"));
        fields.put("responsable", "chef." + n + "@roux-sur-seine.fr");
        HttpResponse<String> sent = visitor.submit(form, form, fields);
        assertThat(sent.statusCode()).isEqualTo(302);
        Document confirmation = visitor.page(WebSession.location(sent));
        assertThat(confirmation.select("main").text())
                .contains("Votre responsable hiérarchique, puis votre service formation et l’organisateur vont l’examiner");
    }

    @Test
    void no_page_of_the_registration_module_shows_a_missing_message() throws Exception {
        long pending = submit("Nina", served.id(), served.name());
        long decided = submit("Omar", served.id(), served.name());
        registrations.advance(decided, "Service formation", null);
        registrations.setCapacity(new Capacity(dayId, 1, 48, true));
        WebSession visitor = new WebSession(port);
        visitor.submit("/service-formation", "/service-formation", Map.of("courriel", service));
        String serviceSpace = new QueuedMails(jdbc).lastLink(service, "/service-formation/espace/").orElseThrow();
        Document spacePage = visitor.page(serviceSpace);
        // The service's space follows the agents' requests already decided (the section of the missing message).
        assertThat(spacePage.select("#suivi-titre").text()).isEqualTo("Suivi des demandes de vos agents");

        List<String> pages = List.of(queue(), queue() + "/" + pending, queue() + "/" + decided, queue() + "/papier",
                queue() + "/" + pending + "/refus", "/journees/" + slug + "/inscription", "/service-formation");
        for (String path : pages) {
            assertThat(organiser.get(path).body()).as(path).doesNotContain("??");
        }
        assertThat(spacePage.outerHtml()).doesNotContain("??");
        assertThat(visitor.get(AgentLinks.space(jdbc, "nina." + n + "@agents.test")).body()).doesNotContain("??");
        // The check can fail: a page with a missing key shows it so.
        assertThat(organiser.get(queue()).body()).contains("Attend le service formation");
    }
}
