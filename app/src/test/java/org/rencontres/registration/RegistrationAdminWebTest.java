package org.rencontres.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
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
import org.rencontres.audit.AuditTrail;
import org.rencontres.directory.Directory;
import org.rencontres.directory.NewOrganisation;
import org.rencontres.directory.Organisation;
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
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The organiser's side of registration over real HTTP: queue filters that combine and stay in the
 * address, counts per state, bulk moves on a filtered list, the flag of an employer typed by the
 * agent and its link to the directory (audited), the detail page of a request, and the paper path
 * (a signed form and its scan recorded as a request, each bad input refused in French with nothing
 * saved). Each test works on a day of its own (a draft in 2031: the
 * back office works on drafts, and the public catalogue never lists them).
 */
@RencontresIntegrationTest
class RegistrationAdminWebTest {

    private static final String PASSWORD = "correct horse battery";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final byte[] PDF = org.rencontres.TestFiles.pdf("Bulletin signe");

    @LocalServerPort int port;
    @Autowired Days days;
    @Autowired Registrations registrations;
    @Autowired Accounts accounts;
    @Autowired Directory directory;
    @Autowired AuditTrail audit;
    @Autowired JdbcClient jdbc;

    private String unit;
    private String slug;
    private long dayId;
    private WebSession organiser;
    private Organisation employer;

    @BeforeEach
    void aDayItsOrganiserAndAnOrganisation() throws Exception {
        long n = System.nanoTime() % 100_000_000;
        unit = "INSET du bureau des inscriptions " + n;
        slug = new SessionCode("ZRAD " + n).slug();
        dayId = day("ZRAD " + n, LocalDate.of(2031, 9, 18), DayStatus.DRAFT);
        String email = "bureau." + n + "@cnfpt.fr";
        accounts.create(new NewAccount(email, "Paul Organisateur", Role.ORGANISER, unit, PASSWORD));
        organiser = new WebSession(port);
        organiser.signIn(email, PASSWORD);
        employer = directory.addOrganisation(NewOrganisation.named("Ville de Bureau-sur-Test " + n, OrganisationKind.COMMUNE));
    }

    /**
     * A day of this test. Days to come are drafts (the back office works on them; the public
     * catalogue, whose first page other tests read, never shows them).
     */
    private long day(String code, LocalDate date, DayStatus status) {
        long id = days.create(new DayDraft(new SessionCode(code), "Journée du bureau des inscriptions", null, null, List.of(new SessionDayDraft(date, LocalTime.of(9, 0), LocalTime.of(17, 0))), "Une journée de test.", null, null,
                null, false, null, unit, null, List.of(), List.of(), List.of()));
        if (status != DayStatus.DRAFT) {
            days.changeStatus(id, status);
        }
        return id;
    }

    private String queue() {
        return "/admin/journees/" + slug + "/inscriptions";
    }

    private String paperPage() {
        return queue() + "/papier";
    }

    private long typed(String givenName, String surname, String email) {
        return registrations.request(dayId, new RequestDraft(surname, givenName, email, "01 60 79 74 00",
                "Chargée de mission", null, "Commune de Nulle-Part", null, null, null, java.time.Instant.now()));
    }

    private long linked(String givenName, String surname, String email) {
        return registrations.request(dayId, new RequestDraft(surname, givenName, email, "01 60 79 74 00",
                "Juriste", employer.id(), employer.name(), null, null, null, java.time.Instant.now()));
    }

    private Map<String, String> paperFields(String email) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("nom", "Lefèvre");
        f.put("prenom", "Éloïse");
        f.put("courriel", email);
        f.put("telephone", "01 60 79 74 00");
        f.put("fonction", "Chargée de coopération, direction des relations internationales");
        f.put("organisation", String.valueOf(employer.id()));
        f.put("employeur", "");
        f.put("responsable", "chef.service@bureau.fr");
        f.put("repas", "Sans gluten");
        f.put("accessibilite", "Place de stationnement réservée");
        f.put("recuLe", LocalDate.now(PARIS).minusDays(3).toString());
        return f;
    }

    private HttpResponse<String> sendPaper(Map<String, String> fields, String fileName, byte[] content) throws Exception {
        return organiser.uploadForm(paperPage(), paperPage(), fields, "scan", fileName, "application/pdf", content);
    }

    private static List<String> rowIds(Document page) {
        return page.select("tbody tr").eachAttr("id");
    }

    // ---- the queue ----

    @Test
    void filters_combine_stay_in_the_address_and_counts_follow_them() throws Exception {
        long anne = typed("Anne", "Martin", "anne.martin@nulle-part.fr");
        long bruno = linked("Bruno", "Petit", "bruno.petit@bureau.fr");
        long eloise = typed("Éloïse", "Bernard", "e.bernard@nulle-part.fr");
        registrations.advance(eloise, "test", null);
        assertThat(sendPaper(paperFields("paper.agent@bureau.fr"), "bulletin.pdf", PDF).statusCode()).isEqualTo(302);
        long paper = registrations.ofDay(dayId).stream().filter(r -> r.email().equals("paper.agent@bureau.fr"))
                .findFirst().orElseThrow().id();

        Document all = organiser.page(queue());
        assertThat(rowIds(all)).containsExactly("demande-" + anne, "demande-" + bruno, "demande-" + eloise,
                "demande-" + paper);
        assertThat(all.select(".state-counts li").eachText()).containsExactly("Tous les états (4)", "demandée (3)",
                "en attente du service formation (1)");
        assertThat(all.select("#demande-" + paper + " .registration-source").text()).isEqualTo("bulletin papier");
        assertThat(all.select("#demande-" + anne + " .registration-source").text()).isEqualTo("en ligne");

        // Free text, whatever the case and accents, on name, e-mail and employer.
        assertThat(rowIds(organiser.page(queue() + "?recherche=ELOISE"))).containsExactly("demande-" + eloise,
                "demande-" + paper);
        assertThat(rowIds(organiser.page(queue() + "?recherche=bernard%20eloise"))).containsExactly("demande-" + eloise);
        assertThat(rowIds(organiser.page(queue() + "?recherche=bruno.petit@"))).containsExactly("demande-" + bruno);
        assertThat(rowIds(organiser.page(queue() + "?recherche=nulle-part"))).containsExactly("demande-" + anne,
                "demande-" + eloise);
        // Source.
        assertThat(rowIds(organiser.page(queue() + "?source=papier"))).containsExactly("demande-" + paper);
        assertThat(rowIds(organiser.page(queue() + "?source=en-ligne"))).containsExactly("demande-" + anne,
                "demande-" + bruno, "demande-" + eloise);

        // Combined: employer not in the directory, requested state; the counts follow the other filters.
        Document combined = organiser.page(queue() + "?horsAnnuaire=oui&etat=REQUESTED");
        assertThat(rowIds(combined)).containsExactly("demande-" + anne);
        assertThat(combined.select(".state-counts li").eachText()).containsExactly("Tous les états (2)",
                "demandée (1)", "en attente du service formation (1)");
        assertThat(combined.select(".state-counts a[aria-current=true]").text()).isEqualTo("demandée (1)");
        assertThat(combined.select(".state-counts a").eachAttr("href")).containsExactly(
                queue() + "?horsAnnuaire=oui", queue() + "?etat=REQUESTED&horsAnnuaire=oui",
                queue() + "?etat=AWAITING_TRAINING_SERVICE&horsAnnuaire=oui");
        // The filter form shows the filters in force.
        assertThat(combined.select("#etat option[selected]").val()).isEqualTo("REQUESTED");
        assertThat(combined.select("#horsAnnuaire").hasAttr("checked")).isTrue();
        assertThat(rowIds(organiser.page(queue() + "?horsAnnuaire=oui&source=papier"))).isEmpty();
        assertThat(organiser.page(queue() + "?horsAnnuaire=oui&source=papier").select("main").text())
                .contains("Aucune demande ne correspond à ces filtres.");
        // Unknown values are ignored rather than failing.
        assertThat(rowIds(organiser.page(queue() + "?etat=PERDU&source=pigeon"))).hasSize(4);

        // Bulk moves from the filtered list come back to it.
        String filtered = queue() + "?recherche=nulle&horsAnnuaire=oui";
        HttpResponse<String> bulk = organiser.submit(filtered, queue() + "/groupe",
                Map.of("choix", anne + "," + eloise, "action", "suivante", "recherche", "nulle", "horsAnnuaire", "oui"));
        assertThat(bulk.statusCode()).isEqualTo(302);
        assertThat(WebSession.location(bulk)).isEqualTo(filtered);
        assertThat(registrations.find(anne).orElseThrow().state()).isEqualTo(RegistrationState.AWAITING_TRAINING_SERVICE);
        assertThat(registrations.find(eloise).orElseThrow().state()).isEqualTo(RegistrationState.AWAITING_ORGANISER);
        assertThat(registrations.find(bruno).orElseThrow().state()).isEqualTo(RegistrationState.REQUESTED);
        Document afterBulk = organiser.page(filtered);
        assertThat(afterBulk.select("[role=status] li").eachText()).containsExactly(
                "Anne Martin : en attente du service formation.", "Éloïse Bernard : en attente de l'organisateur.");
        // The bulk form and each row's forms carry the filters; the refusal links too.
        assertThat(afterBulk.select("form#groupe input[type=hidden][name=recherche]").val()).isEqualTo("nulle");
        assertThat(afterBulk.select("#demande-" + anne + " form input[name=horsAnnuaire]").val()).isEqualTo("oui");
        assertThat(afterBulk.select("#demande-" + anne + " a[href*=/refus]").attr("href"))
                .isEqualTo(queue() + "/" + anne + "/refus?recherche=nulle&horsAnnuaire=oui");

        // One row's move from the filtered list comes back to it as well.
        HttpResponse<String> one = organiser.submit(filtered, queue() + "/" + anne + "/suivante",
                Map.of("recherche", "nulle", "horsAnnuaire", "oui"));
        assertThat(WebSession.location(one)).isEqualTo(filtered);
        assertThat(registrations.find(anne).orElseThrow().state()).isEqualTo(RegistrationState.AWAITING_ORGANISER);

        // A refusal started from the filtered list returns to it.
        String refusal = queue() + "/" + eloise + "/refus?recherche=nulle&horsAnnuaire=oui";
        Document refusalPage = organiser.page(refusal);
        assertThat(refusalPage.select("form.form input[name=recherche]").val()).isEqualTo("nulle");
        assertThat(refusalPage.select("a:contains(Revenir à la liste)").attr("href")).isEqualTo(filtered);
        HttpResponse<String> refused = organiser.submit(refusal, queue() + "/" + eloise + "/refus",
                Map.of("motif", "Public non concerné", "recherche", "nulle", "horsAnnuaire", "oui"));
        assertThat(WebSession.location(refused)).isEqualTo(filtered);
        assertThat(registrations.find(eloise).orElseThrow().state()).isEqualTo(RegistrationState.REFUSED);

        HtmlChecker.assertValid("registration-admin-queue", Map.of("queue", organiser.get(queue()).body(),
                "filtered", organiser.get(filtered).body(),
                "empty", organiser.get(queue() + "?horsAnnuaire=oui&source=papier").body(),
                "refusal", organiser.get(refusal).body()));
    }

    // ---- the employer ----

    @Test
    void a_typed_employer_is_flagged_and_attached_to_the_directory_with_an_audit_entry() throws Exception {
        long typed = typed("Camille", "Durand", "camille.durand@nulle-part.fr");
        long linked = linked("Bruno", "Petit", "bruno.petit@bureau.fr");
        Document list = organiser.page(queue());
        assertThat(list.select("#demande-" + typed + " .flag").text()).isEqualTo("employeur hors annuaire");
        assertThat(list.select("#demande-" + linked + " .flag")).isEmpty();
        assertThat(list.select("#demande-" + typed + " a.agent").attr("href")).isEqualTo(queue() + "/" + typed);

        String detail = queue() + "/" + typed;
        Document page = organiser.page(detail);
        assertThat(page.select("#champ-employeur").text()).isEqualTo("Commune de Nulle-Part employeur hors annuaire");
        assertThat(page.select("#organisation option").eachText()).contains(employer.name());

        // No organisation chosen, or one that does not exist: a French message, nothing changes.
        HttpResponse<String> none = organiser.submit(detail, detail + "/employeur", Map.of("organisation", ""));
        assertThat(none.statusCode()).isEqualTo(200);
        Document noneDoc = Jsoup.parse(none.body());
        assertThat(noneDoc.select("#organisation-erreur").text()).isEqualTo("Choisissez une organisation de l'annuaire.");
        assertThat(noneDoc.select("#organisation").attr("aria-invalid")).isEqualTo("true");
        assertThat(noneDoc.select(".error-summary li")).hasSize(1);
        HttpResponse<String> unknown = organiser.submit(detail, detail + "/employeur", Map.of("organisation", "999999999"));
        assertThat(Jsoup.parse(unknown.body()).select("#organisation-erreur").text())
                .isEqualTo("Choisissez une organisation de l'annuaire.");
        assertThat(registrations.find(typed).orElseThrow().employerOrganisationId()).isNull();
        assertThat(audit.of(dayId)).noneSatisfy(e -> assertThat(e.action()).isEqualTo("employer"));

        HttpResponse<String> attached = organiser.submit(detail, detail + "/employeur",
                Map.of("organisation", String.valueOf(employer.id())));
        assertThat(attached.statusCode()).isEqualTo(302);
        assertThat(WebSession.location(attached)).isEqualTo(detail);
        Registration after = registrations.find(typed).orElseThrow();
        assertThat(after.employerOrganisationId()).isEqualTo(employer.id());
        assertThat(after.employerName()).isEqualTo(employer.name());
        assertThat(after.state()).isEqualTo(RegistrationState.REQUESTED);
        assertThat(audit.of(dayId)).anySatisfy(e -> {
            assertThat(e.subject()).isEqualTo("registration");
            assertThat(e.action()).isEqualTo("employer");
            assertThat(e.actor()).isEqualTo("Paul Organisateur");
            assertThat(e.details()).contains("Camille Durand", "Commune de Nulle-Part", employer.name());
        });
        Document afterPage = organiser.page(detail);
        assertThat(afterPage.select("[role=status]").text())
                .isEqualTo("Camille Durand : employeur rattaché à l'organisation de l'annuaire.");
        assertThat(afterPage.select("#champ-employeur").text()).isEqualTo(employer.name());
        assertThat(organiser.page(queue()).select("#demande-" + typed + " .flag")).isEmpty();
        assertThat(rowIds(organiser.page(queue() + "?horsAnnuaire=oui"))).isEmpty();

        // A request of another day is not reachable through this day's address.
        long otherDay = day("ZRAO " + System.nanoTime() % 100_000_000, LocalDate.of(2031, 9, 19), DayStatus.DRAFT);
        long elsewhere = registrations.request(otherDay, TestDays.agent("Hugo", "hugo@test.fr"));
        assertThat(organiser.get(queue() + "/" + elsewhere).statusCode()).isEqualTo(404);
        assertThat(organiser.submit(detail, queue() + "/" + elsewhere + "/employeur",
                Map.of("organisation", String.valueOf(employer.id()))).statusCode()).isEqualTo(404);
        assertThat(registrations.find(elsewhere).orElseThrow().employerOrganisationId()).isNull();

        HtmlChecker.assertValid("registration-admin-employer", Map.of("detail-typed", page.outerHtml(),
                "detail-error", none.body(), "detail-linked", organiser.get(detail).body()));
    }

    // ---- the detail page ----

    @Test
    void the_detail_page_shows_every_field_the_history_and_the_moves_of_its_state() throws Exception {
        assertThat(organiser.submit(queue(), queue() + "/capacite", Map.of("places", "5", "delai", "48")).statusCode())
                .isEqualTo(302);
        long id = registrations.request(dayId, new RequestDraft("Durand", "Camille", "camille@nulle-part.fr",
                "01 60 79 74 00", "Chargée de mission, service RH", employer.id(), employer.name(),
                "chef@nulle-part.fr", "Végétarien", "Boucle magnétique", java.time.Instant.now()));
        String detail = queue() + "/" + id;
        Document page = organiser.page(detail);
        assertThat(page.select("h1").text()).isEqualTo("Demande d'inscription de Camille Durand");
        assertThat(page.select("#champ-nom").text()).isEqualTo("Durand");
        assertThat(page.select("#champ-prenom").text()).isEqualTo("Camille");
        assertThat(page.select("#champ-courriel").text()).isEqualTo("camille@nulle-part.fr");
        assertThat(page.select("#champ-telephone").text()).isEqualTo("01 60 79 74 00");
        assertThat(page.select("#champ-fonction").text()).isEqualTo("Chargée de mission, service RH");
        assertThat(page.select("#champ-employeur").text()).isEqualTo(employer.name());
        assertThat(page.select("#champ-responsable").text()).isEqualTo("chef@nulle-part.fr");
        assertThat(page.select("#champ-repas").text()).isEqualTo("Végétarien");
        assertThat(page.select("#champ-accessibilite").text()).isEqualTo("Boucle magnétique");
        assertThat(page.select("#champ-origine").text()).isEqualTo("en ligne");
        assertThat(page.select(".registration-state").text()).isEqualTo("demandée");
        assertThat(page.select("a.scan-link")).isEmpty();
        assertThat(page.select(".registration-history tbody tr")).hasSize(1);
        assertThat(page.select(".row-actions button").eachText()).containsExactly("Étape suivante Camille Durand");
        assertThat(page.select(".row-actions a").eachAttr("href")).containsExactly(
                detail + "/refus?depuis=fiche", detail + "/annulation?depuis=fiche");

        // A move from the detail page comes back to it, and the history grows.
        HttpResponse<String> moved = organiser.submit(detail, detail + "/suivante", Map.of("depuis", "fiche"));
        assertThat(WebSession.location(moved)).isEqualTo(detail);
        organiser.submit(detail, detail + "/suivante", Map.of("depuis", "fiche"));
        Document atOrganiser = organiser.page(detail);
        assertThat(atOrganiser.select("[role=status]").text()).isEqualTo("Camille Durand : en attente de l'organisateur.");
        assertThat(atOrganiser.select(".row-actions button").eachText())
                .containsExactly("Confirmer Camille Durand");
        assertThat(organiser.submit(detail, detail + "/confirmer", Map.of("depuis", "fiche")).statusCode()).isEqualTo(302);
        assertThat(registrations.find(id).orElseThrow().state()).isEqualTo(RegistrationState.CONFIRMED);

        String cancel = detail + "/annulation?depuis=fiche";
        Document cancelPage = organiser.page(cancel);
        assertThat(cancelPage.select("a:contains(Revenir à la demande)").attr("href")).isEqualTo(detail);
        HttpResponse<String> cancelled = organiser.submit(cancel, detail + "/annulation",
                Map.of("motif", "Doublon", "depuis", "fiche"));
        assertThat(WebSession.location(cancelled)).isEqualTo(detail);
        Document closed = organiser.page(detail);
        assertThat(closed.select(".registration-state").text()).isEqualTo("annulée par l'organisateur");
        assertThat(closed.select(".row-actions li")).isEmpty();
        assertThat(closed.select(".registration-history tbody tr")).hasSize(5);
        assertThat(closed.select(".registration-history tbody tr").last().select("td").eachText())
                .containsSequence("confirmée → annulée par l'organisateur", "Paul Organisateur", "Doublon");

        HtmlChecker.assertValid("registration-admin-detail", Map.of("detail", page.outerHtml(),
                "closed", organiser.get(detail).body(), "cancel", organiser.get(cancel).body()));
    }

    // ---- the paper path ----

    @Test
    void a_signed_paper_form_with_its_pdf_scan_becomes_a_request_in_the_approval_chain() throws Exception {
        String emptyForm = organiser.get(paperPage()).body();
        assertThat(organiser.page(queue()).select("a[href=" + paperPage() + "]")).isNotEmpty();
        Document empty = Jsoup.parse(emptyForm);
        assertThat(empty.select("form[enctype=multipart/form-data]")).hasSize(1);
        assertThat(empty.select("#recuLe").val()).isEqualTo(LocalDate.now(PARIS).toString());

        Map<String, String> fields = paperFields("eloise.lefevre@bureau.fr");
        LocalDate received = LocalDate.now(PARIS).minusDays(3);
        HttpResponse<String> sent = sendPaper(fields, "Bulletin signé d'Éloïse \"v2\".pdf", PDF);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
        List<Registration> stored = registrations.ofDay(dayId);
        assertThat(stored).hasSize(1);
        Registration r = stored.get(0);
        assertThat(WebSession.location(sent)).isEqualTo(queue() + "/" + r.id());
        assertThat(r.state()).isEqualTo(RegistrationState.REQUESTED);
        assertThat(r.surname()).isEqualTo("Lefèvre");
        assertThat(r.givenName()).isEqualTo("Éloïse");
        assertThat(r.employerOrganisationId()).isEqualTo(employer.id());
        assertThat(r.employerName()).isEqualTo(employer.name());
        assertThat(r.lineManagerEmail()).isEqualTo("chef.service@bureau.fr");
        assertThat(r.dietaryNeeds()).isEqualTo("Sans gluten");
        assertThat(r.accessibilityNeeds()).isEqualTo("Place de stationnement réservée");
        // The agent consented by signing: the consent dates from the form's reception.
        assertThat(r.consentAt()).isEqualTo(received.atStartOfDay(PARIS).toInstant());
        assertThat(audit.of(dayId)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("paper");
            assertThat(e.actor()).isEqualTo("Paul Organisateur");
            assertThat(e.details()).contains("Éloïse Lefèvre");
        });

        Document detail = organiser.page(queue() + "/" + r.id());
        assertThat(detail.select("[role=status]").text()).isEqualTo("Demande papier d’Éloïse Lefèvre enregistrée : demandée.");
        assertThat(detail.select("#champ-origine").text()).isEqualTo("bulletin papier");
        String scanLink = detail.select("a.scan-link").attr("href");
        assertThat(scanLink).isEqualTo(queue() + "/" + r.id() + "/scan");
        assertThat(detail.select("a.scan-link").text()).startsWith("Télécharger le bulletin numérisé (Bulletin-signe-d-Eloise-v2-.pdf");

        HttpResponse<byte[]> scan = organiser.getBytes(scanLink);
        assertThat(scan.statusCode()).isEqualTo(200);
        assertThat(scan.body()).isEqualTo(PDF);
        assertThat(scan.headers().firstValue("Content-Type")).contains("application/pdf");
        assertThat(scan.headers().firstValue("Content-Disposition").orElseThrow())
                .isEqualTo("attachment; filename=\"Bulletin-signe-d-Eloise-v2-.pdf\"");
        // Back office only.
        HttpResponse<byte[]> anonymous = new WebSession(port).getBytes(scanLink);
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(WebSession.location(anonymous)).isEqualTo("/connexion");
        // An online request has no scan.
        long online = typed("Anne", "Martin", "anne@nulle-part.fr");
        assertThat(organiser.getBytes(queue() + "/" + online + "/scan").statusCode()).isEqualTo(404);

        // It then goes through the same chain as an online request.
        organiser.submit(queue(), queue() + "/" + r.id() + "/suivante", Map.of());
        assertThat(registrations.find(r.id()).orElseThrow().state()).isEqualTo(RegistrationState.AWAITING_TRAINING_SERVICE);

        // A typed employer that is exactly a directory organisation is linked; another one stays typed.
        Map<String, String> typedExact = paperFields("second@bureau.fr");
        typedExact.put("organisation", "");
        typedExact.put("employeur", employer.name().toUpperCase());
        assertThat(sendPaper(typedExact, "scan.pdf", PDF).statusCode()).isEqualTo(302);
        Map<String, String> typedOther = paperFields("third@bureau.fr");
        typedOther.put("organisation", "");
        typedOther.put("employeur", "Syndicat des eaux de Nulle-Part");
        assertThat(sendPaper(typedOther, "scan.pdf", PNG).statusCode()).isEqualTo(302);
        Registration second = registrations.ofDay(dayId).stream().filter(x -> x.email().equals("second@bureau.fr")).findFirst().orElseThrow();
        Registration third = registrations.ofDay(dayId).stream().filter(x -> x.email().equals("third@bureau.fr")).findFirst().orElseThrow();
        assertThat(second.employerOrganisationId()).isEqualTo(employer.id());
        assertThat(third.employerOrganisationId()).isNull();
        assertThat(third.employerName()).isEqualTo("Syndicat des eaux de Nulle-Part");
        HttpResponse<byte[]> png = organiser.getBytes(queue() + "/" + third.id() + "/scan");
        assertThat(png.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(png.headers().firstValue("Content-Disposition").orElseThrow()).isEqualTo("attachment; filename=\"scan.png\"");

        HtmlChecker.assertValid("registration-admin-paper", Map.of("paper-empty", emptyForm,
                "paper-detail", organiser.get(queue() + "/" + r.id()).body()));
    }

    /** A real 4×4 PNG. */
    static final byte[] PNG = org.rencontres.TestFiles.png();

    @Test
    void each_bad_paper_input_gets_its_french_message_and_nothing_is_saved() throws Exception {
        String tomorrow = LocalDate.now(PARIS).plusDays(1).toString();
        Map<String, String[]> cases = new LinkedHashMap<>();
        cases.put("nom", new String[] {"nom", "", "Indiquez le nom de l'agent."});
        cases.put("prenom", new String[] {"prenom", " ", "Indiquez le prénom de l'agent."});
        cases.put("courriel", new String[] {"courriel", "eloise@", "L'adresse électronique de l'agent n'est pas valide (exemple : prenom.nom@ville.fr)."});
        cases.put("courriel-vide", new String[] {"courriel", "", "Indiquez l'adresse électronique de l'agent."});
        cases.put("telephone", new String[] {"telephone", "appelez-moi", "Le numéro de téléphone n'est pas valide (exemple : 01 60 79 74 00)."});
        cases.put("fonction", new String[] {"fonction", "", "Indiquez la fonction et le service de l'agent."});
        cases.put("organisation-inconnue", new String[] {"organisation", "999999999", "Cette organisation n'est pas dans l'annuaire : choisissez-en une dans la liste."});
        cases.put("responsable", new String[] {"responsable", "chef@", "L'adresse électronique du responsable n'est pas valide (exemple : prenom.nom@ville.fr)."});
        cases.put("recuLe-vide", new String[] {"recuLe", "", "Indiquez la date de réception du bulletin."});
        cases.put("recuLe-invalide", new String[] {"recuLe", "31/02/2030", "La date de réception n'est pas valide (exemple : 25/06/2020)."});
        cases.put("recuLe-futur", new String[] {"recuLe", tomorrow, "La date de réception ne peut pas être postérieure à aujourd'hui."});
        cases.put("repas", new String[] {"repas", "x".repeat(501), "Ce texte est trop long (500 caractères au plus)."});
        for (Map.Entry<String, String[]> c : cases.entrySet()) {
            String field = c.getValue()[0];
            Map<String, String> f = paperFields("bad." + c.getKey() + "@bureau.fr");
            f.put(field, c.getValue()[1]);
            assertRefused(c.getKey(), sendPaper(f, "bulletin.pdf", PDF), field, c.getValue()[2]);
        }

        // The employer: neither chosen nor typed, or both.
        Map<String, String> noEmployer = paperFields("no.employer@bureau.fr");
        noEmployer.put("organisation", "");
        assertRefused("no employer", sendPaper(noEmployer, "bulletin.pdf", PDF), "organisation",
                "Choisissez l'employeur dans l'annuaire ou, s'il n'y est pas, saisissez son nom.");
        Map<String, String> both = paperFields("both@bureau.fr");
        both.put("employeur", "Commune de Nulle-Part");
        assertRefused("both", sendPaper(both, "bulletin.pdf", PDF), "employeur",
                "Vous avez choisi un employeur dans l'annuaire : laissez ce champ vide, ou choisissez « Pas dans l'annuaire ».");

        // The scan: missing, empty, a text file renamed .pdf, an HTML page, just over 10 MB.
        Map<String, String> ok = paperFields("scan@bureau.fr");
        assertRefused("no file", sendPaper(ok, "", new byte[0]), "scan",
                "Joignez le bulletin signé numérisé (PDF ou image).");
        assertRefused("empty file", sendPaper(ok, "bulletin.pdf", new byte[0]), "scan",
                "Le fichier joint est vide : joignez le bulletin signé numérisé.");
        String wrongType = "Ce fichier n'est ni un PDF ni une image (PNG, JPEG, TIFF, GIF, WebP), quel que soit son nom : joignez le bulletin numérisé.";
        assertRefused("text as pdf", sendPaper(ok, "bulletin.pdf",
                "Nom : Lefèvre\nPrénom : Éloïse\nBon pour inscription.\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                "scan", wrongType);
        assertRefused("html as pdf", sendPaper(ok, "bulletin.pdf",
                "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                "scan", wrongType);
        assertRefused("svg", sendPaper(ok, "bulletin.svg",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                "scan", wrongType);
        byte[] random = new byte[2048];
        new java.util.Random(11).nextBytes(random);
        random[0] = 0x01;
        assertRefused("random bytes as pdf", sendPaper(ok, "rand.pdf", random), "scan", wrongType);
        assertRefused("a pdf header and noise", sendPaper(ok, "bulletin.pdf", ("%PDF-1.7\n" + "x".repeat(2000) + "\n%%EOF\n")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII)), "scan",
                "Ce fichier commence comme un PDF mais n’en est pas un lisible (endommagé, tronqué ou sans page) : "
                        + "enregistrez-le de nouveau en PDF depuis son application.");
        assertRefused("an office document", sendPaper(ok, "bulletin.pdf", org.rencontres.TestFiles.docx()), "scan", wrongType);
        HttpResponse<String> justOver = sendPaper(ok, "gros.pdf", Arrays.copyOf(PDF, (int) PaperForms.MAX_BYTES + 1));
        assertRefused("just over", justOver, "scan", "Le fichier dépasse 10 Mo : numérisez le bulletin avec une résolution plus faible.");
        // What was typed is kept (the file has to be chosen again).
        Document kept = Jsoup.parse(justOver.body());
        assertThat(kept.select("#nom").val()).isEqualTo("Lefèvre");
        assertThat(kept.select("#organisation option[selected]").val()).isEqualTo(String.valueOf(employer.id()));
        assertThat(kept.select("#repas").text()).isEqualTo("Sans gluten");

        // Far over the limit: sent back before the body is read, with the same message.
        HttpResponse<String> farOver = sendPaper(ok, "enorme.pdf", Arrays.copyOf(PDF, 12 * 1024 * 1024));
        assertThat(farOver.statusCode()).isEqualTo(303);
        assertThat(WebSession.location(farOver)).isEqualTo(paperPage() + "?trop-volumineux");
        assertThat(organiser.page(paperPage() + "?trop-volumineux").select("#scan-erreur").text())
                .isEqualTo("Le fichier dépasse 10 Mo : numérisez le bulletin avec une résolution plus faible.");

        assertThat(registrations.ofDay(dayId)).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM registration_paper_form p JOIN registration r ON r.id = p.registration_id"
                + " WHERE r.event_day_id = ?").param(dayId).query(Integer.class).single()).isZero();

        // The same agent twice: refused, the first one alone is kept, with its scan.
        assertThat(sendPaper(paperFields("twice@bureau.fr"), "bulletin.pdf", PDF).statusCode()).isEqualTo(302);
        assertRefused("duplicate", sendPaper(paperFields("TWICE@bureau.fr"), "bulletin.pdf", PDF), "courriel",
                "Une demande d'inscription est déjà en cours pour cette adresse électronique à cette journée.");
        assertThat(registrations.ofDay(dayId)).hasSize(1);
        assertThat(jdbc.sql("SELECT count(*) FROM registration_paper_form p JOIN registration r ON r.id = p.registration_id"
                + " WHERE r.event_day_id = ?").param(dayId).query(Integer.class).single()).isEqualTo(1);

        Map<String, String> many = paperFields("x");
        many.put("nom", "");
        many.put("courriel", "x");
        HtmlChecker.assertValid("registration-admin-paper-errors", Map.of(
                "paper-errors", sendPaper(many, "bulletin.txt", "texte".getBytes(java.nio.charset.StandardCharsets.UTF_8)).body(),
                "paper-too-large", organiser.get(paperPage() + "?trop-volumineux").body()));
    }

    private void assertRefused(String what, HttpResponse<String> response, String field, String message) {
        assertThat(response.statusCode()).as(what).isEqualTo(200);
        Document page = Jsoup.parse(response.body());
        assertThat(page.select("#" + field + "-erreur").text()).as(what).isEqualTo(message);
        assertThat(page.select("#" + field).attr("aria-invalid")).as(what).isEqualTo("true");
        assertThat(page.select(".error-summary li")).as(what).hasSize(1);
        assertThat(page.select(".error-summary a").attr("href")).as(what).isEqualTo("#" + field);
        assertThat(page.select("title").text()).as(what).startsWith("Erreur :");
    }

    @Test
    void cancelled_and_past_days_take_no_paper_form() throws Exception {
        // In 2016, so that the catalogue's days to come stay as other tests expect them.
        String cancelledCode = "ZRAC " + System.nanoTime() % 100_000_000;
        long cancelled = day(cancelledCode, LocalDate.of(2016, 9, 18), DayStatus.PUBLISHED);
        days.moveTo(cancelled, DayStatus.CANCELLED, "Grève des transports");
        String pastCode = "ZRAP " + System.nanoTime() % 100_000_000;
        long past = day(pastCode, LocalDate.of(2016, 9, 19), DayStatus.PUBLISHED);
        Map<String, String> cases = Map.of(
                new SessionCode(cancelledCode).slug(), "Cette journée est annulée : aucune demande ne peut plus être enregistrée.",
                new SessionCode(pastCode).slug(), "Cette journée a déjà eu lieu : aucune demande ne peut plus être enregistrée.");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            String path = "/admin/journees/" + c.getKey() + "/inscriptions/papier";
            Document page = organiser.page(path);
            assertThat(page.select("[role=alert]").text()).isEqualTo(c.getValue());
            assertThat(page.select("form.form")).isEmpty();
            HttpResponse<String> posted = organiser.uploadForm(queue(), path, paperFields("late@bureau.fr"), "scan",
                    "bulletin.pdf", "application/pdf", PDF);
            assertThat(posted.statusCode()).isEqualTo(200);
            assertThat(Jsoup.parse(posted.body()).select("[role=alert]").text()).isEqualTo(c.getValue());
        }
        assertThat(registrations.ofDay(cancelled)).isEmpty();
        assertThat(registrations.ofDay(past)).isEmpty();
    }

    @Test
    void the_capacity_form_sets_the_opening_dates_and_the_line_managers_opinion() throws Exception {
        HttpResponse<String> wrong = organiser.submit(queue(), queue() + "/capacite", Map.of("places", "30", "delai", "48",
                "ouverture", "31/02/2031", "cloture", "01/09/2031"));
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(org.jsoup.Jsoup.parse(wrong.body()).select("#ouverture-erreur").text())
                .isEqualTo("Indiquez une date au format jj/mm/aaaa.");
        HttpResponse<String> reversed = organiser.submit(queue(), queue() + "/capacite", Map.of("places", "30", "delai", "48",
                "ouverture", "01/09/2031", "cloture", "01/06/2031"));
        assertThat(org.jsoup.Jsoup.parse(reversed.body()).select("#cloture-erreur").text())
                .isEqualTo("La clôture doit suivre l'ouverture.");
        assertThat(registrations.capacity(dayId)).isEmpty();

        HttpResponse<String> saved = organiser.submit(queue(), queue() + "/capacite", Map.of("places", "30", "delai", "48",
                "ouverture", "2031-06-01", "cloture", "01/09/2031", "avis", "oui"));
        assertThat(saved.statusCode()).isEqualTo(302);
        Capacity capacity = registrations.capacity(dayId).orElseThrow();
        assertThat(capacity.managerOpinionAsked()).isTrue();
        assertThat(capacity.opensAt()).isEqualTo(LocalDate.of(2031, 6, 1).atStartOfDay(PARIS).toInstant());
        assertThat(capacity.closesAt()).isEqualTo(LocalDate.of(2031, 9, 2).atStartOfDay(PARIS).toInstant());
        var page = organiser.page(queue());
        assertThat(page.select("#ouverture").attr("value")).isEqualTo("2031-06-01");
        assertThat(page.select("#cloture").attr("value")).isEqualTo("2031-09-01");
        assertThat(page.select("#avis").hasAttr("checked")).isTrue();
    }
}
