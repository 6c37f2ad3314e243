package org.rencontres.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalTime;
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
import org.rencontres.directory.Directory;
import org.rencontres.directory.NewOrganisation;
import org.rencontres.directory.OrganisationKind;
import org.rencontres.event.DayDraft;
import org.rencontres.event.SessionDayDraft;
import org.rencontres.event.DayStatus;
import org.rencontres.event.Days;
import org.rencontres.event.SessionCode;
import org.rencontres.security.Accounts;
import org.rencontres.security.NewAccount;
import org.rencontres.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The public request form and the organiser's queue over real HTTP: each bad field refused with its
 * French message and nothing recorded, consent, duplicates, the honeypot, closed days, access to
 * the queue, seats, confirmation until full then the waiting list, refusal with a reason, bulk
 * confirmation, and valid HTML. Each test works on days of its own (in 2031, so that the form is open).
 */
@RencontresIntegrationTest
class RegistrationWebTest {

    private static final String PASSWORD = "correct horse battery";

    @LocalServerPort int port;
    @Autowired Days days;
    @Autowired Registrations registrations;
    @Autowired Accounts accounts;
    @Autowired Directory directory;
    @Autowired org.rencontres.audit.AuditTrail audit;

    private String unit;
    private String slug;
    private long dayId;
    private WebSession visitor;

    @BeforeEach
    void aPublishedDayToCome() {
        long n = System.nanoTime() % 100_000_000;
        unit = "INSET des inscriptions " + n;
        slug = new SessionCode("ZRWB " + n).slug();
        dayId = day("ZRWB " + n, LocalDate.of(2031, 5, 20), DayStatus.PUBLISHED);
        visitor = new WebSession(port);
    }

    private long day(String code, LocalDate date, DayStatus status) {
        long id = days.create(new DayDraft(new SessionCode(code), "Journée des inscriptions", null, null, List.of(new SessionDayDraft(date, LocalTime.of(9, 0), LocalTime.of(17, 0))), "Une journée de test.", null, null, null, false, null, unit,
                null, List.of(), List.of(), List.of()));
        if (status != DayStatus.DRAFT) {
            days.changeStatus(id, status);
        }
        return id;
    }

    private String form() {
        return "/journees/" + slug + "/inscription";
    }

    private static Map<String, String> request(String email) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("nom", "Durand");
        f.put("prenom", "Camille");
        f.put("courriel", email);
        f.put("telephone", "01 60 79 74 00");
        f.put("fonction", "Chargée de mission, service RH");
        f.put("employeur", "Commune de Nulle-Part-sur-Test");
        f.put("responsable", "");
        f.put("repas", "Végétarien");
        f.put("accessibilite", "");
        f.put("consentement", "oui");
        f.put("siteWeb", "");
        return f;
    }

    private HttpResponse<String> send(Map<String, String> fields) throws Exception {
        return visitor.submit(form(), form(), fields);
    }

    @Test
    void an_agent_asks_to_register_and_sees_the_state_of_the_request() throws Exception {
        Document dayPage = visitor.page("/journees/" + slug);
        assertThat(dayPage.select("ul.day-actions a[href=" + form() + "]").text()).isEqualTo("S'inscrire en ligne");
        String empty = visitor.get(form()).body();

        HttpResponse<String> sent = send(request("camille.durand@nulle-part.fr"));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
        assertThat(WebSession.location(sent)).isEqualTo(form() + "/confirmation?etat=AWAITING_TRAINING_SERVICE");
        HttpResponse<String> confirmation = visitor.get(WebSession.location(sent));
        assertThat(Jsoup.parse(confirmation.body()).select(".registration-state").text())
                .isEqualTo("en attente du service formation");

        List<Registration> stored = registrations.ofDay(dayId);
        assertThat(stored).hasSize(1);
        Registration r = stored.get(0);
        // Sent on at once to the training service (here the organiser's to check: the employer was typed).
        assertThat(r.state()).isEqualTo(RegistrationState.AWAITING_TRAINING_SERVICE);
        assertThat(registrations.history(r.id())).extracting(Transition::to)
                .containsExactly(RegistrationState.REQUESTED, RegistrationState.AWAITING_TRAINING_SERVICE);
        assertThat(r.email()).isEqualTo("camille.durand@nulle-part.fr");
        assertThat(r.employerOrganisationId()).isNull();
        assertThat(r.employerName()).isEqualTo("Commune de Nulle-Part-sur-Test");
        assertThat(r.dietaryNeeds()).isEqualTo("Végétarien");
        assertThat(r.consentAt()).isNotNull();

        // The same agent again, whatever the case of the address: refused, nothing more recorded.
        HttpResponse<String> again = send(request("Camille.Durand@nulle-part.fr"));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(again.body()).select("#courriel-erreur").text())
                .isEqualTo("Une demande d'inscription est déjà en cours pour cette adresse électronique à cette journée.");
        assertThat(registrations.ofDay(dayId)).hasSize(1);

        Map<String, String> bad = request("x@y.fr");
        bad.put("courriel", "pas-une-adresse");
        bad.put("nom", " ");
        String withErrors = send(bad).body();

        HtmlChecker.assertValid("registration-public", Map.of("form-empty", empty, "form-errors", withErrors,
                "confirmation", confirmation.body(), "day", visitor.get("/journees/" + slug).body()));
    }

    @Test
    void an_employer_of_the_directory_is_linked() throws Exception {
        String name = "Communauté de test " + System.nanoTime();
        long orgId = directory.addOrganisation(NewOrganisation.named(name, OrganisationKind.INTERCOMMUNALITE)).id();
        Map<String, String> f = request("linked@test.fr");
        f.put("employeur", " " + name.toUpperCase() + " ");
        assertThat(send(f).statusCode()).isEqualTo(302);
        Registration r = registrations.ofDay(dayId).get(0);
        assertThat(r.employerOrganisationId()).isEqualTo(orgId);
        assertThat(r.employerName()).isEqualTo(name);
    }

    @Test
    void each_bad_field_gets_its_french_message_and_nothing_is_recorded() throws Exception {
        Map<String, String[]> cases = new LinkedHashMap<>();
        cases.put("nom", new String[] {"", "Indiquez votre nom."});
        cases.put("prenom", new String[] {"  ", "Indiquez votre prénom."});
        cases.put("courriel", new String[] {"camille@", "L'adresse électronique n'est pas valide (exemple : prenom.nom@ville.fr)."});
        cases.put("telephone", new String[] {"appelez-moi", "Le numéro de téléphone n'est pas valide (exemple : 01 60 79 74 00)."});
        cases.put("fonction", new String[] {"", "Indiquez votre fonction et votre service."});
        cases.put("employeur", new String[] {"", "Indiquez votre employeur."});
        cases.put("responsable", new String[] {"chef@", "L'adresse électronique de votre responsable n'est pas valide (exemple : prenom.nom@ville.fr)."});
        cases.put("consentement", new String[] {"", "Cochez la case pour accepter l'utilisation de vos données : sans elle, la demande ne peut pas être enregistrée."});
        for (Map.Entry<String, String[]> c : cases.entrySet()) {
            Map<String, String> f = request("bad." + c.getKey() + "@test.fr");
            f.put(c.getKey(), c.getValue()[0]);
            HttpResponse<String> response = send(f);
            assertThat(response.statusCode()).as(c.getKey()).isEqualTo(200);
            Document page = Jsoup.parse(response.body());
            assertThat(page.select("#" + c.getKey() + "-erreur").text()).as(c.getKey()).isEqualTo(c.getValue()[1]);
            assertThat(page.select("#" + c.getKey()).attr("aria-invalid")).as(c.getKey()).isEqualTo("true");
            assertThat(page.select(".error-summary li")).as(c.getKey()).hasSize(1);
            // What was typed is kept.
            assertThat(page.select("#nom").val()).isEqualTo(c.getKey().equals("nom") ? "" : "Durand");
        }
        assertThat(registrations.ofDay(dayId)).isEmpty();
    }

    @Test
    void a_filled_honeypot_gets_the_confirmation_and_records_nothing() throws Exception {
        Document empty = visitor.page(form());
        assertThat(empty.select("#siteWeb").attr("tabindex")).isEqualTo("-1");
        assertThat(empty.select("#siteWeb").attr("autocomplete")).isEqualTo("off");
        assertThat(empty.select("#siteWeb").parents().select("[aria-hidden=true].visually-hidden")).isNotEmpty();
        Map<String, String> robot = request("robot@spam.example");
        robot.put("siteWeb", "https://spam.example");
        HttpResponse<String> sent = send(robot);
        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(WebSession.location(sent)).isEqualTo(form() + "/confirmation?etat=REQUESTED");
        assertThat(Jsoup.parse(visitor.get(WebSession.location(sent)).body()).select(".registration-state").text())
                .isEqualTo("demandée");
        assertThat(registrations.ofDay(dayId)).isEmpty();
    }

    @Test
    void past_draft_and_cancelled_days_say_why_registration_is_not_possible() throws Exception {
        long n = System.nanoTime() % 100_000_000;
        long past = day("ZRWP " + n, LocalDate.of(2016, 5, 20), DayStatus.PUBLISHED);
        long draft = day("ZRWD " + n, LocalDate.of(2031, 6, 20), DayStatus.DRAFT);
        long cancelled = day("ZRWC " + n, LocalDate.of(2031, 6, 21), DayStatus.PUBLISHED);
        days.moveTo(cancelled, DayStatus.CANCELLED, "Grève des transports");
        Map<String, String> cases = Map.of(
                "ZRWC" + n, "Cette journée est annulée : les inscriptions sont fermées.",
                "ZRWP" + n, "Cette journée a déjà eu lieu : les inscriptions sont closes.",
                "ZRWD" + n, "Les inscriptions à cette journée ne sont pas ouvertes.");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            String path = "/journees/" + c.getKey() + "/inscription";
            HttpResponse<String> page = visitor.get(path);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(Jsoup.parse(page.body()).select("[role=alert]").text()).isEqualTo(c.getValue());
            assertThat(Jsoup.parse(page.body()).select("form.form")).isEmpty();
            Map<String, String> f = request("closed@test.fr");
            f.put("_csrf", Jsoup.parse(visitor.get(form()).body()).select("input[name=_csrf]").attr("value"));
            HttpResponse<String> posted = visitor.post(path, f);
            assertThat(posted.statusCode()).isEqualTo(200);
            assertThat(Jsoup.parse(posted.body()).select("[role=alert]").text()).isEqualTo(c.getValue());
        }
        assertThat(registrations.ofDay(past)).isEmpty();
        assertThat(registrations.ofDay(draft)).isEmpty();
        assertThat(registrations.ofDay(cancelled)).isEmpty();
        HtmlChecker.assertValid("registration-closed", Map.of("past", visitor.get("/journees/ZRWP" + n + "/inscription").body()));
    }

    // ---- the organiser's queue ----

    private WebSession organiser(String organisingUnit) throws Exception {
        String email = "inscriptions." + System.nanoTime() + "@cnfpt.fr";
        accounts.create(new NewAccount(email, "Olga Organisatrice", Role.ORGANISER, organisingUnit, PASSWORD));
        WebSession s = new WebSession(port);
        s.signIn(email, PASSWORD);
        return s;
    }

    private String queue() {
        return "/admin/journees/" + slug + "/inscriptions";
    }

    private long atOrganiser(String givenName) {
        long id = registrations.request(dayId, TestDays.agent(givenName, givenName.toLowerCase() + "@test.fr"));
        registrations.advance(id, "test", null);
        registrations.advance(id, "test", null);
        return id;
    }

    @Test
    void only_the_days_organisers_see_the_queue() throws Exception {
        HttpResponse<String> anonymous = new WebSession(port).get(queue());
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(WebSession.location(anonymous)).isEqualTo("/connexion");
        assertThat(organiser("Une autre unité " + System.nanoTime()).get(queue()).statusCode()).isEqualTo(403);
        WebSession own = organiser(unit);
        assertThat(own.get(queue()).statusCode()).isEqualTo(200);
        assertThat(own.page("/admin/journees/" + slug).select("ul.day-actions a[href=" + queue() + "]").text())
                .isEqualTo("Inscriptions");
    }

    @Test
    void seats_confirmations_until_full_then_the_waiting_list_refusal_and_bulk() throws Exception {
        WebSession o = organiser(unit);
        long a = atOrganiser("Anne");
        long b = atOrganiser("Bruno");
        long c = atOrganiser("Chloe");
        long d = atOrganiser("Denis");

        // Without seats, no confirmation.
        o.submit(queue(), queue() + "/" + a + "/confirmer", Map.of());
        assertThat(o.page(queue()).select("[role=status]").text()).contains("Fixez d'abord le nombre de places");
        assertThat(registrations.find(a).orElseThrow().state()).isEqualTo(RegistrationState.AWAITING_ORGANISER);

        HttpResponse<String> badSeats = o.submit(queue(), queue() + "/capacite", Map.of("places", "zéro", "delai", "48"));
        assertThat(Jsoup.parse(badSeats.body()).select("#places-erreur").text())
                .isEqualTo("Indiquez un nombre de places entier et positif.");
        assertThat(registrations.capacity(dayId)).isEmpty();
        String capacityErrors = badSeats.body();

        assertThat(o.submit(queue(), queue() + "/capacite", Map.of("places", "2", "delai", "48")).statusCode())
                .isEqualTo(302);
        assertThat(registrations.capacity(dayId).orElseThrow().seats()).isEqualTo(2);
        assertThat(audit.of(dayId)).anySatisfy(entry -> {
            assertThat(entry.subject()).isEqualTo("registration");
            assertThat(entry.action()).isEqualTo("capacity");
            assertThat(entry.actor()).isEqualTo("Olga Organisatrice");
        });

        assertThat(o.submit(queue(), queue() + "/" + a + "/confirmer", Map.of()).statusCode()).isEqualTo(302);
        Document afterOne = o.page(queue());
        assertThat(afterOne.select("[role=status]").text()).isEqualTo("Anne Agent : confirmée.");
        assertThat(afterOne.select("#demande-" + a + " .registration-state").text()).isEqualTo("confirmée");

        // Bulk: the second gets the last seat, the third goes to the waiting list.
        HttpResponse<String> bulk = o.submit(queue(), queue() + "/groupe",
                Map.of("choix", b + "," + c, "action", "confirmer"));
        assertThat(bulk.statusCode()).isEqualTo(302);
        Document afterBulk = o.page(queue());
        assertThat(afterBulk.select("[role=status] li").eachText())
                .containsExactly("Bruno Agent : confirmée.", "Chloe Agent : sur liste d'attente.");
        assertThat(registrations.find(b).orElseThrow().state()).isEqualTo(RegistrationState.CONFIRMED);
        assertThat(registrations.find(c).orElseThrow().state()).isEqualTo(RegistrationState.WAITING_LIST);

        // Filter by state.
        assertThat(o.page(queue() + "?etat=WAITING_LIST").select("tbody tr").eachAttr("id"))
                .containsExactly("demande-" + c);

        // Refusal without a reason: refused, nothing changes; with a reason: done.
        String refusal = queue() + "/" + d + "/refus";
        String refusalPage = o.get(refusal).body();
        HttpResponse<String> noReason = o.submit(refusal, refusal, Map.of("motif", " "));
        assertThat(noReason.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(noReason.body()).select("#motif-erreur").text())
                .isEqualTo("Indiquez le motif : il est obligatoire.");
        assertThat(registrations.find(d).orElseThrow().state()).isEqualTo(RegistrationState.AWAITING_ORGANISER);
        assertThat(o.submit(refusal, refusal, Map.of("motif", "Public non concerné")).statusCode()).isEqualTo(302);
        assertThat(registrations.find(d).orElseThrow().state()).isEqualTo(RegistrationState.REFUSED);
        assertThat(registrations.history(d).get(registrations.history(d).size() - 1).reason())
                .isEqualTo("Public non concerné");

        // Cancelling a confirmed seat offers it to the waiting list.
        String cancel = queue() + "/" + a + "/annulation";
        assertThat(o.submit(cancel, cancel, Map.of("motif", "Doublon")).statusCode()).isEqualTo(302);
        assertThat(registrations.find(c).orElseThrow().state()).isEqualTo(RegistrationState.OFFERED);

        HtmlChecker.assertValid("registration-queue", Map.of("queue", o.get(queue()).body(),
                "capacity-errors", capacityErrors, "refusal", refusalPage, "refusal-errors", noReason.body()));
    }

    @Test
    void each_step_from_the_queue_promotion_and_refused_moves() throws Exception {
        WebSession o = organiser(unit);
        assertThat(o.submit(queue(), queue() + "/capacite", Map.of("places", "1", "delai", "24")).statusCode())
                .isEqualTo(302);
        long e = registrations.request(dayId, TestDays.agent("Emma", "emma@test.fr"));
        assertThat(o.page(queue()).select("#demande-" + e + " .registration-state").text()).isEqualTo("demandée");
        o.submit(queue(), queue() + "/" + e + "/suivante", Map.of());
        assertThat(registrations.find(e).orElseThrow().state()).isEqualTo(RegistrationState.AWAITING_TRAINING_SERVICE);
        o.submit(queue(), queue() + "/" + e + "/suivante", Map.of());
        assertThat(registrations.find(e).orElseThrow().state()).isEqualTo(RegistrationState.AWAITING_ORGANISER);
        o.submit(queue(), queue() + "/" + e + "/suivante", Map.of());
        assertThat(registrations.find(e).orElseThrow().state()).isEqualTo(RegistrationState.CONFIRMED);
        assertThat(registrations.history(e).get(1).actor()).isEqualTo("Olga Organisatrice");

        // A move the machine does not allow: a French message, nothing changes.
        o.submit(queue(), queue() + "/" + e + "/confirmer", Map.of());
        assertThat(o.page(queue()).select("[role=status]").text())
                .isEqualTo("Emma Agent : action impossible. Cette action n'est pas possible dans l'état actuel de la demande.");
        assertThat(registrations.find(e).orElseThrow().state()).isEqualTo(RegistrationState.CONFIRMED);

        long f = atOrganiser("Fanny");
        long g = atOrganiser("Gilles");
        o.submit(queue(), queue() + "/groupe", Map.of("choix", f + "," + g, "action", "confirmer"));
        assertThat(registrations.waitingList(dayId)).extracting(Registration::id).containsExactly(f, g);
        assertThat(o.submit(queue(), queue() + "/" + g + "/promouvoir", Map.of()).statusCode()).isEqualTo(302);
        assertThat(registrations.waitingList(dayId)).extracting(Registration::id).containsExactly(g, f);

        // Bulk without a choice, and a request of another day: nothing changes.
        o.submit(queue(), queue() + "/groupe", Map.of("action", "confirmer"));
        assertThat(o.page(queue()).select("[role=status]").text()).isEqualTo("Cochez au moins une demande.");
        long otherDay = day("ZRWO " + System.nanoTime() % 100_000_000, LocalDate.of(2031, 7, 1), DayStatus.PUBLISHED);
        long elsewhere = registrations.request(otherDay, TestDays.agent("Hugo", "hugo@test.fr"));
        assertThat(o.submit(queue(), queue() + "/" + elsewhere + "/suivante", Map.of()).statusCode()).isEqualTo(404);
        assertThat(registrations.find(elsewhere).orElseThrow().state()).isEqualTo(RegistrationState.REQUESTED);
    }
}
