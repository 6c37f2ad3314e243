package org.rencontres.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rencontres.HtmlChecker;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.WebSession;
import org.rencontres.directory.Directory;
import org.rencontres.directory.NewOrganisation;
import org.rencontres.directory.Organisation;
import org.rencontres.directory.OrganisationKind;
import org.rencontres.directory.TrainingContactForm;
import org.rencontres.directory.TrainingContacts;
import org.rencontres.event.DayDraft;
import org.rencontres.event.SessionDayDraft;
import org.rencontres.event.DayStatus;
import org.rencontres.event.Days;
import org.rencontres.event.SessionCode;
import org.rencontres.notification.QueuedMails;
import org.rencontres.programme.Programmes;
import org.rencontres.programme.SlotDraft;
import org.rencontres.programme.SlotKind;
import org.rencontres.shared.FrenchTime;
import org.rencontres.workshops.Workshop;
import org.rencontres.workshops.WorkshopDraft;
import org.rencontres.workshops.Workshops;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The approval chain through the links of the e-mails, over HTTP: the training service's and the
 * line manager's single-use links, the agent's space, the training services' space with bulk
 * registration, opening dates, workshop choices, the rate limit and the reminders. E-mails are read
 * from the outbox, where they are written in the transaction of each change.
 */
@RencontresIntegrationTest
class RegistrationLinksTest {

    @LocalServerPort int port;
    @Autowired Days days;
    @Autowired Registrations registrations;
    @Autowired RegistrationReminders reminders;
    @Autowired Directory directory;
    @Autowired TrainingContacts contacts;
    @Autowired Programmes programmes;
    @Autowired Workshops workshops;
    @Autowired JdbcClient jdbc;
    @Autowired org.rencontres.notification.MailTemplates mailTemplates;

    private long n;
    private long dayId;
    private String slug;
    private LocalDate date;
    private Organisation employer;
    private String service;
    private String agent;
    private WebSession visitor;

    @BeforeEach
    void aPublishedDayAndAnEmployerWithATrainingService() {
        n = System.nanoTime() % 100_000_000;
        date = LocalDate.now().plusMonths(4);
        SessionCode code = new SessionCode("ZLNK " + n);
        slug = code.slug();
        dayId = days.create(new DayDraft(code, "Journée des liens", null, null, List.of(new SessionDayDraft(date, LocalTime.of(9, 0), LocalTime.of(17, 0))), "Une journée de test.", null, null, null, false, null, "INSET des liens " + n,
                null, List.of(), List.of(), List.of()));
        days.changeStatus(dayId, DayStatus.PUBLISHED);
        registrations.setCapacity(new Capacity(dayId, 2, 48, false));
        employer = directory.organisationNamed(NewOrganisation.named("Commune des Liens " + n, OrganisationKind.COMMUNE));
        service = "formation" + n + "@liens.test";
        assertThat(contacts.add(employer.id(), new TrainingContactForm("Service formation", service)).problems()).isEmpty();
        agent = "agent" + n + "@liens.test";
        visitor = new WebSession(port);
    }

    /** Back to draft: this test's days do not crowd the public catalogue that other tests read. */
    @org.junit.jupiter.api.AfterEach
    void unpublish() {
        days.changeStatus(dayId, DayStatus.DRAFT);
    }

    private Map<String, String> request(String email, String manager) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("nom", "Martin");
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
        return fields;
    }

    private String form() {
        return "/journees/" + slug + "/inscription";
    }

    private Registration only() {
        List<Registration> all = registrations.ofDay(dayId);
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    /** The path of the last link starting with {@code prefix} e-mailed to {@code recipient}. */
    private String link(String recipient, String prefix) {
        String found = new QueuedMails(jdbc).lastLink(recipient, prefix).orElse(null);
        assertThat(found).as("a link %s… e-mailed to %s", prefix, recipient).isNotNull();
        return found;
    }

    private List<String> subjects(String recipient) {
        return new QueuedMails(jdbc).subjects(recipient);
    }

    @Test
    void the_training_service_decides_once_through_its_link_then_the_agent_follows_it_in_their_space() throws Exception {
        assertThat(visitor.submit(form(), form(), request(agent, "")).statusCode()).isEqualTo(302);
        Registration r = only();
        assertThat(r.state()).isEqualTo(RegistrationState.AWAITING_TRAINING_SERVICE);
        assertThat(r.employerOrganisationId()).isEqualTo(employer.id());
        assertThat(subjects(agent)).containsExactly("Demande d'inscription reçue : Journée des liens");
        assertThat(subjects(service)).containsExactly("Décision demandée sur une inscription : Léa Martin, Journée des liens");

        String decision = link(service, "/inscription/decision/");
        var page = visitor.page(decision);
        HtmlChecker.assertValid("registration-links", Map.of("page", page.outerHtml()));
        assertThat(page.text()).contains("Léa Martin", "Chargée de formation, DRH", "ZLNK " + n);

        HttpResponse<String> noAnswer = visitor.submit(decision, decision, Map.of("motif", ""));
        assertThat(noAnswer.statusCode()).isEqualTo(422);
        assertThat(noAnswer.body()).contains("Choisissez une réponse.");
        HttpResponse<String> noReason = visitor.submit(decision, decision, Map.of("avis", "non", "motif", " "));
        assertThat(noReason.statusCode()).isEqualTo(422);
        assertThat(noReason.body()).contains("Indiquez le motif du refus");
        assertThat(only().state()).isEqualTo(RegistrationState.AWAITING_TRAINING_SERVICE);

        HttpResponse<String> yes = visitor.submit(decision, decision, Map.of("avis", "oui", "motif", ""));
        assertThat(yes.statusCode()).isEqualTo(200);
        assertThat(yes.body()).contains("Réponse enregistrée", "en attente de l&#39;organisateur");
        assertThat(only().state()).isEqualTo(RegistrationState.AWAITING_ORGANISER);
        assertThat(registrations.history(r.id())).last().extracting(Transition::actor)
                .isEqualTo("Service formation (" + service + ")");

        // Used: a second answer changes nothing.
        HttpResponse<String> again = visitor.get(decision);
        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(again.body()).contains("Ce lien a déjà servi");
        HttpResponse<String> againPost = visitor.post(decision, Map.of("avis", "non", "motif", "Trop tard",
                "_csrf", csrf()));
        assertThat(againPost.statusCode()).isEqualTo(410);
        assertThat(only().state()).isEqualTo(RegistrationState.AWAITING_ORGANISER);

        // Tampered: one character of the signature changed.
        String tampered = decision.substring(0, decision.length() - 1)
                + (decision.endsWith("A") ? "B" : "A");
        assertThat(visitor.get(tampered).statusCode()).isEqualTo(404);
        assertThat(visitor.get(tampered).body()).contains("Ce lien n&#39;est pas valide");

        assertThat(registrations.confirm(r.id(), "Organisatrice")).isEqualTo(RegistrationState.CONFIRMED);
        assertThat(subjects(agent)).containsExactly("Demande d'inscription reçue : Journée des liens",
                "Demande acceptée par votre service formation : Journée des liens",
                "Inscription confirmée et convocation : Journée des liens");

        String space = link(agent, "/inscription/espace/");
        var spacePage = visitor.page(space);
        HtmlChecker.assertValid("registration-links", Map.of("spacePage", spacePage.outerHtml()));
        assertThat(spacePage.selectFirst("#etat").text()).isEqualTo("confirmée");
        assertThat(spacePage.text()).contains("Historique de la demande", "en attente du service formation");

        var withdrawPage = visitor.page(space + "/retrait");
        HtmlChecker.assertValid("registration-links", Map.of("withdrawPage", withdrawPage.outerHtml()));
        assertThat(withdrawPage.text()).contains("Ce retrait est définitif");
        assertThat(only().state()).isEqualTo(RegistrationState.CONFIRMED);
        HttpResponse<String> withdrawn = visitor.submit(space + "/retrait", space + "/retrait",
                Map.of("motif", "Empêchement"));
        assertThat(withdrawn.statusCode()).isEqualTo(200);
        assertThat(withdrawn.body()).contains("Votre retrait est enregistré.");
        assertThat(only().state()).isEqualTo(RegistrationState.WITHDRAWN);
        assertThat(registrations.history(r.id())).last().extracting(Transition::actor, Transition::reason)
                .containsExactly("Agent (" + agent + ")", "Empêchement");
        assertThat(subjects(agent)).last().isEqualTo("Retrait de votre inscription enregistré : Journée des liens");
    }

    /** A CSRF token of the visitor's session (the sign-in form's; the request form's token is in a cookie of its own). */
    private String csrf() throws Exception {
        return visitor.page("/connexion").select("input[name=_csrf]").attr("value");
    }

    @Test
    void the_line_managers_opinion_comes_first_when_the_day_asks_for_it_and_an_unfavourable_one_refuses() throws Exception {
        registrations.setCapacity(new Capacity(dayId, 2, 48, true));
        HttpResponse<String> missing = visitor.submit(form(), form(), request(agent, ""));
        assertThat(missing.statusCode()).isEqualTo(200);
        assertThat(missing.body()).contains("son avis est demandé pour cette journée");
        assertThat(registrations.ofDay(dayId)).isEmpty();

        String manager = "cheffe" + n + "@liens.test";
        assertThat(visitor.submit(form(), form(), request(agent, manager)).statusCode()).isEqualTo(302);
        assertThat(only().state()).isEqualTo(RegistrationState.AWAITING_MANAGER);
        assertThat(subjects(service)).isEmpty();
        String opinion = link(manager, "/inscription/avis/");
        assertThat(visitor.page(opinion).text()).contains("Votre avis sur une demande d'inscription");

        HttpResponse<String> refused = visitor.submit(opinion, opinion,
                Map.of("avis", "non", "motif", "Service en sous-effectif ce jour-là"));
        assertThat(refused.statusCode()).isEqualTo(200);
        Registration r = only();
        assertThat(r.state()).isEqualTo(RegistrationState.REFUSED);
        assertThat(registrations.history(r.id())).last().extracting(Transition::reason)
                .isEqualTo("Service en sous-effectif ce jour-là");
        assertThat(subjects(agent)).last().isEqualTo("Demande d'inscription refusée : Journée des liens");
        String body = new QueuedMails(jdbc).lastText(agent);
        assertThat(body).contains("Motif : Service en sous-effectif ce jour-là");
    }

    @Test
    void an_expired_link_changes_nothing() throws Exception {
        assertThat(visitor.submit(form(), form(), request(agent, "")).statusCode()).isEqualTo(302);
        String decision = link(service, "/inscription/decision/");
        jdbc.sql("UPDATE registration_link SET expires_at = now() - interval '1 minute' WHERE registration_id = ?")
                .param(only().id()).update();
        HttpResponse<String> expired = visitor.get(decision);
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.body()).contains("Ce lien a expiré");
        HttpResponse<String> post = visitor.post(decision, Map.of("avis", "oui", "_csrf", csrf()));
        assertThat(post.statusCode()).isEqualTo(410);
        assertThat(only().state()).isEqualTo(RegistrationState.AWAITING_TRAINING_SERVICE);
        // The agent's space link has expired too.
        assertThat(visitor.get(link(agent, "/inscription/espace/")).statusCode()).isEqualTo(410);
    }

    @Test
    void the_form_says_when_registration_opens_and_when_it_closed() throws Exception {
        Instant now = Instant.now();
        LocalDate today = LocalDate.now(FrenchTime.PARIS);
        // Dates as the queue's form stores them: from the start of the first day to the start of the day after the last.
        registrations.setCapacity(new Capacity(dayId, 2, 48, false, parisMidnight(today.plusDays(3)), null));
        assertThat(visitor.page(form()).text()).contains("ne sont pas encore ouvertes : elles ouvriront le "
                + FrenchTime.longDate(today.plusDays(3)) + ".");
        visitor.post(form(), request(agent, ""));
        assertThat(registrations.ofDay(dayId)).isEmpty();

        registrations.setCapacity(new Capacity(dayId, 2, 48, false, now.minus(Duration.ofDays(10)),
                parisMidnight(today)));
        assertThat(visitor.page(form()).text()).contains("sont closes : le dernier jour pour s'inscrire était le "
                + FrenchTime.longDate(today.minusDays(1)) + ".");

        registrations.setCapacity(new Capacity(dayId, 2, 48, false, now.minus(Duration.ofDays(10)),
                parisMidnight(today.plusDays(11))));
        var open = visitor.page(form());
        // The last day it is open, not the stored instant (« jusqu'au 10/12/2026 00:00 » for a closing date of 09/12).
        assertThat(open.text()).contains("Les inscriptions sont ouvertes jusqu'au " + FrenchTime.longDate(today.plusDays(10)) + ".")
                .doesNotContain("00:00");
        assertThat(open.select("datalist#employeurs option").eachAttr("value")).contains(employer.name());

        registrations.setCapacity(new Capacity(dayId, 2, 48, false));
        assertThat(visitor.page(form()).text()).doesNotContain("Les inscriptions sont ouvertes jusqu'au");
    }

    private static Instant parisMidnight(LocalDate date) {
        return date.atStartOfDay(FrenchTime.PARIS).toInstant();
    }

    @Test
    void ranked_workshop_choices_are_checked_and_the_best_one_with_a_free_seat_is_given_on_confirmation() throws Exception {
        long slot = programmes.addSlot(dayId, new SlotDraft(days.days(dayId).orElseThrow().first().id(), LocalTime.of(14, 0), LocalTime.of(16, 0), SlotKind.WORKSHOP,
                null, "Ateliers", null, null, false, false, List.of(), List.of()));
        workshops.add(dayId, new WorkshopDraft(slot, 1, "Le document idéal", null, null, 1));
        workshops.add(dayId, new WorkshopDraft(slot, 2, "Expertise territoriale", null, null, null));
        List<Workshop> ofDay = workshops.ofDay(dayId);
        String first = String.valueOf(ofDay.get(0).id());
        String second = String.valueOf(ofDay.get(1).id());

        var page = visitor.page(form());
        assertThat(page.select("select#atelier1-1 option")).hasSize(3);
        assertThat(page.select("select#atelier1-3")).isEmpty();
        HtmlChecker.assertValid("registration-links", Map.of("page", page.outerHtml()));

        Map<String, String> none = request(agent, "");
        HttpResponse<String> noChoice = visitor.submit(form(), form(), none);
        assertThat(noChoice.body()).contains("Choisissez au moins un atelier");
        Map<String, String> twice = new LinkedHashMap<>(request(agent, ""));
        twice.put("atelier1-1", first);
        twice.put("atelier1-2", first);
        assertThat(visitor.submit(form(), form(), twice).body()).contains("Vous avez déjà choisi cet atelier");
        Map<String, String> unknown = new LinkedHashMap<>(request(agent, ""));
        unknown.put("atelier1-1", "999999999");
        assertThat(visitor.submit(form(), form(), unknown).body()).contains("Cet atelier n&#39;existe pas");
        assertThat(registrations.ofDay(dayId)).isEmpty();

        for (String who : List.of("a" + agent, "b" + agent)) {
            Map<String, String> fields = new LinkedHashMap<>(request(who, ""));
            fields.put("atelier1-1", first);
            fields.put("atelier1-2", second);
            assertThat(visitor.submit(form(), form(), fields).statusCode()).isEqualTo(302);
        }
        for (Registration r : registrations.ofDay(dayId)) {
            assertThat(registrations.workshopChoices(r.id())).containsExactly(ofDay.get(0).id(), ofDay.get(1).id());
            registrations.advance(r.id(), "Service formation", null);
            assertThat(registrations.confirm(r.id(), "Organisatrice")).isEqualTo(RegistrationState.CONFIRMED);
        }
        assertThat(registrations.ofDay(dayId)).extracting(Registration::workshopIds)
                .containsExactly(List.of(ofDay.get(0).id()), List.of(ofDay.get(1).id()));
    }

    @Test
    void a_training_service_gets_its_space_by_email_decides_there_and_registers_several_agents_at_once() throws Exception {
        assertThat(visitor.submit(form(), form(), request(agent, "")).statusCode()).isEqualTo(302);

        HttpResponse<String> unknown = visitor.submit("/service-formation", "/service-formation",
                Map.of("courriel", "inconnu" + n + "@liens.test"));
        assertThat(unknown.body()).contains("un lien vient de lui être envoyé");
        assertThat(subjects("inconnu" + n + "@liens.test")).isEmpty();
        assertThat(visitor.submit("/service-formation", "/service-formation", Map.of("courriel", "pas une adresse"))
                .body()).contains("Indiquez une adresse électronique valide");

        HttpResponse<String> known = visitor.submit("/service-formation", "/service-formation", Map.of("courriel", service));
        assertThat(known.body()).contains("un lien vient de lui être envoyé");
        String space = link(service, "/service-formation/espace/");
        var page = visitor.page(space);
        HtmlChecker.assertValid("registration-links", Map.of("page", page.outerHtml()));
        assertThat(page.text()).contains("Service formation : " + employer.name(), "Léa Martin");

        long id = only().id();
        HttpResponse<String> accepted = visitor.submit(space, space + "/decision/" + id, Map.of("avis", "oui"));
        assertThat(accepted.body()).contains("Demande acceptée : elle passe à l&#39;organisateur");
        assertThat(only().state()).isEqualTo(RegistrationState.AWAITING_ORGANISER);

        String lines = "Durand ; Paul ; paul" + n + "@liens.test ; 01 02 03 04 05 ; Agent d'accueil\n"
                + "Petit ; Zoé ; pas-une-adresse ; 01 02 03 04 05 ; Assistante RH\n";
        HttpResponse<String> bad = visitor.submit(space, space + "/inscriptions",
                Map.of("code", "ZLNK " + n, "agents", lines, "informes", "oui"));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("Ligne 2 : l&#39;adresse électronique manque ou n&#39;est pas valide.",
                "aucun agent n&#39;a été inscrit");
        assertThat(registrations.ofDay(dayId)).hasSize(1);

        HttpResponse<String> notInformed = visitor.submit(space, space + "/inscriptions",
                Map.of("code", "ZLNK " + n, "agents", lines));
        assertThat(notInformed.body()).contains("Cochez la case");
        assertThat(visitor.submit(space, space + "/inscriptions", Map.of("code", "ZZZ 0", "agents", lines,
                "informes", "oui")).body()).contains("Aucune journée publiée ne porte ce code session");

        String good = lines.replace("pas-une-adresse", "zoe" + n + "@liens.test");
        HttpResponse<String> done = visitor.submit(space, space + "/inscriptions",
                Map.of("code", "ZLNK " + n, "agents", good, "informes", "oui"));
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("Inscriptions enregistrées : 2.");
        assertThat(registrations.ofDay(dayId)).hasSize(3).allSatisfy(r ->
                assertThat(r.state()).isEqualTo(RegistrationState.AWAITING_ORGANISER));
        assertThat(registrations.ofDay(dayId)).filteredOn(r -> r.registeredBy() != null).hasSize(2)
                .allSatisfy(r -> assertThat(r.registeredBy()).isEqualTo(service));
        // The agent registered by the service hears that the request was received, and that it is with the organiser.
        assertThat(subjects("zoe" + n + "@liens.test")).containsExactly(
                "Demande d'inscription reçue : Journée des liens",
                "Demande acceptée par votre service formation : Journée des liens");
    }

    @Test
    void the_rate_limit_counts_per_address_in_the_database() {
        Attempts three = new Attempts(jdbc, Optional.empty(), 3, 100, Duration.ofHours(1));
        String address = "198.51.100." + (n % 250);
        jdbc.sql("DELETE FROM registration_attempt WHERE address = ?").param(address).update();
        assertThat(three.allow(address, "a" + n + "@liens.test").allowed()).isTrue();
        assertThat(three.allow(address, "b" + n + "@liens.test").allowed()).isTrue();
        assertThat(three.allow(address, "c" + n + "@liens.test").allowed()).isTrue();
        assertThat(three.allow(address, "d" + n + "@liens.test").allowed()).isFalse();
        assertThat(three.allow("203.0.113." + (n % 250), "d" + n + "@liens.test").allowed()).isTrue();
        // Older than the window: forgotten.
        jdbc.sql("UPDATE registration_attempt SET at = at - interval '2 hours' WHERE address = ?").param(address).update();
        assertThat(three.allow(address, "e" + n + "@liens.test").allowed()).isTrue();
    }

    @Test
    void confirmed_agents_get_one_reminder_a_few_days_before_the_day() throws Exception {
        assertThat(visitor.submit(form(), form(), request(agent, "")).statusCode()).isEqualTo(302);
        long id = only().id();
        registrations.advance(id, "Service formation", null);
        registrations.confirm(id, "Organisatrice");
        Instant start = date.atTime(9, 0).atZone(java.time.ZoneId.of("Europe/Paris")).toInstant();
        reminders.remindDue(start.minus(Duration.ofDays(10)), Duration.ofDays(3));
        assertThat(subjects(agent)).noneMatch(s -> s.startsWith("Rappel"));
        reminders.remindDue(start.minus(Duration.ofDays(2)), Duration.ofDays(3));
        reminders.remindDue(start.minus(Duration.ofDays(1)), Duration.ofDays(3));
        assertThat(subjects(agent)).filteredOn(s -> s.startsWith("Rappel")).containsExactly(
                "Rappel : la journée Journée des liens approche");
        assertThat(jdbc.sql("SELECT reminded_at FROM registration WHERE id = ?").param(id)
                .query(java.time.OffsetDateTime.class).single()).isNotNull();
    }

    @Test
    void a_waiting_listed_agent_accepts_the_freed_seat_from_their_space() throws Exception {
        registrations.setCapacity(new Capacity(dayId, 1, 48, false));
        String first = "premier" + agent;
        String second = "second" + agent;
        for (String who : List.of(first, second)) {
            assertThat(visitor.submit(form(), form(), request(who, "")).statusCode()).isEqualTo(302);
        }
        List<Registration> both = registrations.ofDay(dayId);
        for (Registration r : both) {
            registrations.advance(r.id(), "Service formation", null);
            registrations.confirm(r.id(), "Organisatrice");
        }
        assertThat(registrations.ofDay(dayId)).extracting(Registration::state)
                .containsExactly(RegistrationState.CONFIRMED, RegistrationState.WAITING_LIST);
        String secondSpace = link(second, "/inscription/espace/");
        assertThat(visitor.page(secondSpace).text()).contains("Votre rang sur la liste d'attente : 1.");
        // Nothing to accept yet.
        assertThat(visitor.post(secondSpace + "/accepter", Map.of("_csrf", csrf())).body())
                .contains("Aucune place ne vous est proposée en ce moment.");

        String firstSpace = link(first, "/inscription/espace/");
        visitor.submit(firstSpace + "/retrait", firstSpace + "/retrait", Map.of("motif", ""));
        assertThat(registrations.find(both.get(1).id()).orElseThrow().state()).isEqualTo(RegistrationState.OFFERED);

        var offered = visitor.page(secondSpace);
        assertThat(offered.text()).contains("Une place vous est proposée", "acceptez-la avant le");
        HtmlChecker.assertValid("registration-links", Map.of("offered", offered.outerHtml()));
        HttpResponse<String> accepted = visitor.submit(secondSpace, secondSpace + "/accepter", Map.of());
        assertThat(accepted.body()).contains("Vous avez accepté la place : votre inscription est confirmée.");
        assertThat(registrations.find(both.get(1).id()).orElseThrow().state()).isEqualTo(RegistrationState.CONFIRMED);
        assertThat(registrations.history(both.get(1).id())).last().extracting(Transition::actor)
                .isEqualTo("Agent (" + second + ")");
    }

    @Test
    void the_form_asks_who_takes_part_in_the_networking_time_when_the_programme_has_one() throws Exception {
        assertThat(visitor.page(form()).select("#reseautage")).isEmpty();
        programmes.addSlot(dayId, new SlotDraft(days.days(dayId).orElseThrow().first().id(), LocalTime.of(12, 30), LocalTime.of(14, 0), SlotKind.NETWORKING,
                null, "Le speed dating", null, null, false, false, List.of(), List.of()));
        var page = visitor.page(form());
        // The opt-in says when the rotation takes place: its slot's title and hours, not a meal.
        assertThat(page.select("label[for=reseautage]").text()).isEqualTo("Je souhaite participer au temps de rencontres "
                + "(« speed dating » par petits groupes autour de thèmes) : « Le speed dating », de 12h30 à 14h.");
        programmes.addSlot(dayId, new SlotDraft(days.days(dayId).orElseThrow().first().id(), LocalTime.of(16, 0), LocalTime.of(16, 45), SlotKind.NETWORKING,
                null, "Rencontres de fin de journée", null, null, false, false, List.of(), List.of()));
        assertThat(visitor.page(form()).select("label[for=reseautage]").text())
                .endsWith(": « Le speed dating », de 12h30 à 14h ; « Rencontres de fin de journée », de 16h à 16h45.")
                .doesNotContain("déjeuner");
        Map<String, String> yes = new LinkedHashMap<>(request("oui" + agent, ""));
        yes.put("reseautage", "oui");
        assertThat(visitor.submit(form(), form(), yes).statusCode()).isEqualTo(302);
        assertThat(visitor.submit(form(), form(), request("non" + agent, "")).statusCode()).isEqualTo(302);
        assertThat(registrations.ofDay(dayId)).extracting(Registration::email, Registration::networkingOptIn)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("oui" + agent, true),
                        org.assertj.core.groups.Tuple.tuple("non" + agent, false));
    }

    @Test
    void the_e_mails_speak_the_agents_language() {
        Map<String, Object> v = new java.util.HashMap<>();
        v.put("kind", "RECEIVED");
        v.put("state", "AWAITING_TRAINING_SERVICE");
        v.put("name", "Lea Martin");
        v.put("title", "Journée des liens");
        v.put("code", "ZLNK 1");
        v.put("date", "Tuesday 9 June 2026");
        v.put("times", "09:00 – 17:00");
        v.put("page", "http://localhost/journees/ZLNK1");
        for (String missing : List.of("reason", "venue", "space", "deadline")) {
            v.put(missing, null);
        }
        var english = mailTemplates.render("registration/mail/state", java.util.Locale.ENGLISH, v);
        assertThat(english.subject()).isEqualTo("Registration request received: Journée des liens");
        assertThat(english.html()).contains("lang=\"en\"", "It is now awaiting the training service");
        assertThat(english.text()).contains("Hello Lea Martin,");
        var french = mailTemplates.render("registration/mail/state", java.util.Locale.FRENCH, v);
        assertThat(french.subject()).isEqualTo("Demande d'inscription reçue : Journée des liens");
        assertThat(french.html()).contains("lang=\"fr\"", "Elle est maintenant en attente du service formation");
    }
}
