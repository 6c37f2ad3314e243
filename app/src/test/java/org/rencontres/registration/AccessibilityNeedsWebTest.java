package org.rencontres.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rencontres.HtmlChecker;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.TestSessions;
import org.rencontres.WebSession;
import org.rencontres.audit.AuditTrail;
import org.rencontres.event.DayStatus;
import org.rencontres.event.Days;
import org.rencontres.event.PublicInfo;
import org.rencontres.event.PublicInformation;
import org.rencontres.event.SessionCode;
import org.rencontres.event.SessionDayDraft;
import org.rencontres.notification.QueuedMails;
import org.rencontres.registration.needs.DeclaredNeeds;
import org.rencontres.registration.needs.NeedKind;
import org.rencontres.security.Account;
import org.rencontres.security.Accounts;
import org.rencontres.security.NewAccount;
import org.rencontres.security.Role;
import org.rencontres.shared.EmailAddress;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Accessibility needs (Qualiopi indicator 26) over real HTTP on the real PostgreSQL: the form's fieldset with
 * and without needs, its consent; the référent handicap's e-mail (a link, no detail) and page, refused for
 * another session or once expired; the organisers' page and its guard; the agent told of the arrangement;
 * the desk, the rosters and the dashboard showing only what they may; the session's JSON export without them.
 */
@RencontresIntegrationTest
class AccessibilityNeedsWebTest {

    private static final String DETAILS = "Fauteuil roulant, besoin d'une boucle magnétique";
    private static final String PLAN = "Place réservée près de l'entrée, salle au rez-de-chaussée";

    @LocalServerPort int port;
    @Autowired Days days;
    @Autowired Registrations registrations;
    @Autowired Accounts accounts;
    @Autowired PublicInformation publicInformation;
    @Autowired AuditTrail audit;
    @Autowired JdbcClient jdbc;
    @Autowired OrganiserDigest digest;

    private long n;
    private String unit;
    private String slug;
    private long dayId;
    private String referent;
    private WebSession visitor;
    private QueuedMails mails;

    @BeforeEach
    void aPublishedSessionWithAReferent() {
        n = System.nanoTime() % 100_000_000;
        unit = "INSET des besoins " + n;
        SessionCode code = new SessionCode("ZAN " + n);
        slug = code.slug();
        dayId = TestSessions.session(days, registrations, code, "Journée accessible " + n, unit,
                new SessionDayDraft(LocalDate.of(2031, 5, 20), LocalTime.of(9, 0), LocalTime.of(17, 0)));
        days.changeStatus(dayId, DayStatus.PUBLISHED);
        referent = "referent." + n + "@test.fr";
        publicInformation.save(dayId, referentInfo(referent));
        visitor = new WebSession(port);
        mails = new QueuedMails(jdbc);
    }

    private static PublicInfo referentInfo(String email) {
        return new PublicInfo(null, null, null, null, null, null, false, null, null, "Sam Référent",
                new EmailAddress(email), null);
    }

    private String form() {
        return "/journees/" + slug + "/inscription";
    }

    private static Map<String, String> withNeeds(String surname, String email, boolean consent) {
        Map<String, String> f = AgentLinks.requestForm(surname, "Camille", email);
        f.put("besoinMobilite", "oui");
        f.put("besoinAudition", "oui");
        f.put("accessibilite", DETAILS);
        if (consent) {
            f.put("consentementBesoins", "oui");
        }
        return f;
    }

    private long registrationOf(String email) {
        return registrations.ofDay(dayId).stream().filter(r -> r.email().equals(email)).findFirst().orElseThrow().id();
    }

    private int needRows(long registrationId) {
        return jdbc.sql("SELECT count(*) FROM registration_needs WHERE registration_id = ?").param(registrationId)
                .query(Integer.class).single();
    }

    private String referentLink() {
        return mails.lastLink(referent, "/accessibilite/").orElseThrow();
    }

    @Test
    void a_request_without_needs_stores_none_and_tells_no_referent() throws Exception {
        String email = "sans.besoin." + n + "@test.fr";
        HttpResponse<String> sent = visitor.submit(form(), form(), AgentLinks.requestForm("Sansbesoin", "Léa", email));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);

        assertThat(needRows(registrationOf(email))).isZero();
        assertThat(mails.to(referent)).isEmpty();
    }

    @Test
    void needs_without_their_consent_are_refused_with_every_field_kept() throws Exception {
        String email = "sans.accord." + n + "@test.fr";
        HttpResponse<String> sent = visitor.submit(form(), form(), withNeeds("Sansaccord", email, false));
        assertThat(sent.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(sent.body());

        assertThat(page.select("#consentementBesoins-erreur").text()).startsWith("Cochez la case d'accord");
        assertThat(page.select("#consentementBesoins").attr("aria-describedby")).contains("consentementBesoins-erreur");
        assertThat(page.select(".error-summary a[href=#consentementBesoins]")).hasSize(1);
        assertThat(page.select("#besoinMobilite").hasAttr("checked")).isTrue();
        assertThat(page.select("#besoinAudition").hasAttr("checked")).isTrue();
        assertThat(page.select("#besoinVue").hasAttr("checked")).isFalse();
        assertThat(page.select("#accessibilite").text()).isEqualTo(DETAILS);
        assertThat(page.select("#nom").val()).isEqualTo("Sansaccord");
        assertThat(registrations.ofDay(dayId)).isEmpty();
        assertThat(mails.to(referent)).isEmpty();
        HtmlChecker.assertValid("accessibility-needs-form", Map.of("form", visitor.get(form()).body(),
                "refused", sent.body()));
    }

    @Test
    void needs_with_consent_are_stored_apart_and_the_referent_gets_a_link_without_any_detail() throws Exception {
        String email = "avec.besoin." + n + "@test.fr";
        HttpResponse<String> sent = visitor.submit(form(), form(), withNeeds("Avecbesoin", email, true));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
        long id = registrationOf(email);

        assertThat(needRows(id)).isEqualTo(1);
        Map<String, Object> row = jdbc.sql("SELECT * FROM registration_needs WHERE registration_id = ?").param(id)
                .query().singleRow();
        assertThat(row).containsEntry("mobility", true).containsEntry("hearing", true).containsEntry("sight", false)
                .containsEntry("details", DETAILS).containsEntry("state", "TO_STUDY");
        assertThat(row.get("consent_at")).isNotNull();
        // Not on the registration's own row (which the older pages and exports read).
        assertThat(registrations.find(id).orElseThrow().accessibilityNeeds()).isNull();

        List<QueuedMails.QueuedMail> told = mails.to(referent);
        assertThat(told).hasSize(1);
        String text = told.get(0).text() + " " + told.get(0).subject();
        assertThat(text).contains("/accessibilite/" + slug + "/");
        assertThat(text).doesNotContain("Fauteuil", "boucle", "Avecbesoin", "Camille", email, "obilité", "udition");

        Document page = visitor.page(referentLink());
        assertThat(page.select(".need h2").eachText()).containsExactly("Camille Avecbesoin");
        assertThat(page.select(".need-kinds").text()).isEqualTo("Mobilité réduite, Audition");
        assertThat(page.select(".need-text").text()).isEqualTo(DETAILS);
        // A page behind a personal link is kept out of search engines, and keeps its stylesheet.
        assertThat(page.select("head meta[name=robots]").attr("content")).isEqualTo("noindex");
        assertThat(page.select("head link[href*=registration.css]")).hasSize(1);
    }

    @Test
    void the_referents_link_is_refused_for_another_session_and_once_the_session_is_over() throws Exception {
        visitor.submit(form(), form(), withNeeds("Lien", "lien." + n + "@test.fr", true));
        String link = referentLink();
        String key = link.substring(link.lastIndexOf('/') + 1);
        assertThat(visitor.get(link).statusCode()).isEqualTo(200);

        SessionCode otherCode = new SessionCode("ZAO " + n);
        TestSessions.session(days, registrations, otherCode, "Autre session " + n, unit,
                new SessionDayDraft(LocalDate.of(2031, 6, 20), LocalTime.of(9, 0), LocalTime.of(17, 0)));
        HttpResponse<String> other = visitor.get("/accessibilite/" + otherCode.slug() + "/" + key);
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(other.body()).doesNotContain("Fauteuil", "Camille");
        assertThat(visitor.get("/accessibilite/" + slug + "/" + key + "x").statusCode()).isEqualTo(404);

        // A past session: its référent's link expired with it.
        SessionCode pastCode = new SessionCode("ZAP " + n);
        long past = TestSessions.session(days, registrations, pastCode, "Session passée " + n, unit,
                new SessionDayDraft(LocalDate.of(2021, 6, 20), LocalTime.of(9, 0), LocalTime.of(17, 0)));
        String pastReferent = "referent.passe." + n + "@test.fr";
        publicInformation.save(past, referentInfo(pastReferent));
        registrations.submit(past, new RequestDraft("Passé", "Alex", "passe." + n + "@test.fr", "01 60 79 74 00",
                "Juriste", null, "Commune de Test", null, null, null, Instant.now()), "fr", List.of(), Map.of(),
                new DeclaredNeeds(Set.of(NeedKind.SIGHT), null));
        String expired = mails.lastLink(pastReferent, "/accessibilite/").orElseThrow();
        HttpResponse<String> gone = visitor.get(expired);
        assertThat(gone.statusCode()).isEqualTo(410);
        assertThat(gone.body()).doesNotContain("Alex");
        long pastId = registrations.ofDay(past).get(0).id();
        assertThat(visitor.submit(link, expired + "/" + pastId, Map.of("etat", "AGREED", "amenagement", "x", "motif", ""))
                .statusCode()).isEqualTo(410);
        assertThat(jdbc.sql("SELECT state FROM registration_needs WHERE registration_id = ?").param(pastId)
                .query(String.class).single()).isEqualTo("TO_STUDY");
    }

    @Test
    void only_the_sessions_organisers_see_its_needs_and_each_change_is_audited_and_told_to_the_agent() throws Exception {
        String email = "suivi." + n + "@test.fr";
        visitor.submit(form(), form(), withNeeds("Suivi", email, true));
        long id = registrationOf(email);
        String page = "/admin/journees/" + slug + "/accessibilite";

        WebSession stranger = TestSessions.organiser(accounts, port, "autre." + n + "@cnfpt.fr", "Autre Unité",
                "INSET d'ailleurs " + n);
        assertThat(stranger.get(page).statusCode()).isEqualTo(403);
        assertThat(stranger.post(page + "/" + id, Map.of("etat", "AGREED", "amenagement", "x", "motif", ""))
                .statusCode()).isEqualTo(403);

        WebSession organiser = TestSessions.organiser(accounts, port, "orga." + n + "@cnfpt.fr", "Orga Nisatrice", unit);
        Document list = organiser.page(page);
        assertThat(list.select(".need h2").eachText()).containsExactly("Camille Suivi");
        assertThat(list.select(".need-text").text()).isEqualTo(DETAILS);
        assertThat(list.select("#sans-referent")).isEmpty();

        // Impossible without a reason: refused, tied to that request's field, nothing changed.
        HttpResponse<String> refused = organiser.submit(page, page + "/" + id,
                Map.of("etat", "IMPOSSIBLE", "amenagement", PLAN, "motif", ""));
        assertThat(refused.statusCode()).isEqualTo(422);
        Document again = Jsoup.parse(refused.body());
        assertThat(again.select("#motif-" + id + "-erreur").text()).isEqualTo("Indiquez pourquoi l'aménagement est impossible.");
        assertThat(again.select("#amenagement-" + id).text()).isEqualTo(PLAN);
        assertThat(again.select("#etat-" + id + " option[selected]").val()).isEqualTo("IMPOSSIBLE");
        assertThat(mails.to(email).stream().filter(m -> m.subject().contains("aménagement"))).isEmpty();

        HttpResponse<String> saved = organiser.submit(page, page + "/" + id,
                Map.of("etat", "AGREED", "amenagement", PLAN, "motif", ""));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        assertThat(audit.of(dayId)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("arrangement");
            assertThat(e.actor()).isEqualTo("Orga Nisatrice");
            assertThat(e.details()).contains("à étudier", "convenu").doesNotContain("Fauteuil", PLAN);
        });
        List<QueuedMails.QueuedMail> toAgent = mails.to(email).stream()
                .filter(m -> m.subject().contains("aménagement")).toList();
        assertThat(toAgent).hasSize(1);
        assertThat(toAgent.get(0).text()).contains("convenu", PLAN);
        String space = mails.firstLinkOfLatest(email, "/inscription/espace/").orElseThrow();
        Document agentSpace = visitor.page(space);
        assertThat(agentSpace.select("#amenagement-etat").text()).isEqualTo("État : convenu");
        assertThat(agentSpace.select("#amenagement-texte").text()).contains(PLAN);

        // The text alone changes: audited, the agent is not e-mailed again.
        organiser.submit(page, page + "/" + id, Map.of("etat", "AGREED", "amenagement", PLAN + ", accompagnant", "motif", ""));
        assertThat(mails.to(email).stream().filter(m -> m.subject().contains("aménagement"))).hasSize(1);
        assertThat(audit.of(dayId).stream().filter(e -> e.action().equals("arrangement"))).hasSize(2);

        // The référent records too, through their link.
        String link = referentLink();
        HttpResponse<String> byReferent = visitor.submit(link, link + "/" + id,
                Map.of("etat", "IN_PLACE", "amenagement", PLAN, "motif", ""));
        assertThat(byReferent.statusCode()).as(byReferent.body()).isEqualTo(302);
        assertThat(audit.of(dayId)).anySatisfy(e -> assertThat(e.actor()).contains("Référent handicap", referent));
        assertThat(mails.to(email).stream().filter(m -> m.subject().contains("aménagement"))).hasSize(2);

        HtmlChecker.assertValid("accessibility-needs-pages", Map.of("organisers", organiser.get(page).body(),
                "refused", refused.body(), "referent", visitor.get(link).body(), "space", visitor.get(space).body()));
    }

    @Test
    void without_a_referent_the_organisers_queue_names_who_waits_and_since_when() throws Exception {
        publicInformation.save(dayId, PublicInfo.NONE);
        visitor.submit(form(), form(), withNeeds("Attente", "attente." + n + "@test.fr", true));
        WebSession organiser = TestSessions.organiser(accounts, port, "orga.q." + n + "@cnfpt.fr", "Orga Q", unit);

        Document queue = organiser.page("/admin/journees/" + slug + "/inscriptions");
        assertThat(queue.select("#besoins-sans-referent li").text()).startsWith("Camille Attente attend un aménagement depuis le ");
        Document needsPage = organiser.page("/admin/journees/" + slug + "/accessibilite");
        assertThat(needsPage.select("#sans-referent li").text()).startsWith("Camille Attente attend");
        assertThat(mails.ofSession(dayId).stream().filter(m -> m.text().contains("/accessibilite/"))).isEmpty();

        // The organisers' daily digest says so too.
        Account account = accounts.create(new NewAccount("orga.digest." + n + "@cnfpt.fr", "Orga Digest",
                Role.ORGANISER, unit, TestSessions.PASSWORD));
        assertThat(digest.sendTo(account.id(), Instant.now().plusSeconds(60))).isTrue();
        assertThat(mails.lastText("orga.digest." + n + "@cnfpt.fr").replace('\u00a0', ' '))
                .contains("Besoins d'accessibilité en attente, sans référent handicap pour la session",
                        "- Camille Attente attend un aménagement depuis le ")
                .doesNotContain("Fauteuil");

        // A référent named afterwards is sent a link on the organisers' demand, and the warning goes.
        String page = "/admin/journees/" + slug + "/accessibilite";
        organiser.submit(page, page + "/referent", Map.of());
        assertThat(mails.to(referent)).isEmpty();
        publicInformation.save(dayId, referentInfo(referent));
        HttpResponse<String> sent = organiser.submit(page, page + "/referent", Map.of());
        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(mails.to(referent)).hasSize(1);
        assertThat(visitor.page(referentLink()).select(".need h2").eachText()).containsExactly("Camille Attente");
        assertThat(audit.of(dayId)).anySatisfy(e -> assertThat(e.action()).isEqualTo("referent-link"));
        assertThat(organiser.page("/admin/journees/" + slug + "/inscriptions").select("#besoins-sans-referent")).isEmpty();
    }

    @Test
    void with_a_referent_the_digest_does_not_list_the_needs() throws Exception {
        visitor.submit(form(), form(), withNeeds("Avecreferent", "avec.referent." + n + "@test.fr", true));
        Account account = accounts.create(new NewAccount("orga.digest2." + n + "@cnfpt.fr", "Orga Digest",
                Role.ORGANISER, unit, TestSessions.PASSWORD));
        assertThat(digest.sendTo(account.id(), Instant.now().plusSeconds(60))).isTrue();
        assertThat(mails.lastText("orga.digest2." + n + "@cnfpt.fr")).contains("Camille Avecreferent")
                .doesNotContain("sans référent handicap", "Fauteuil");
    }

    @Test
    void the_desk_the_rosters_and_the_dashboard_show_the_arrangement_or_counts_never_the_needs() throws Exception {
        String email = "bureau." + n + "@test.fr";
        visitor.submit(form(), form(), withNeeds("Bureau", email, true));
        visitor.submit(form(), form(), AgentLinks.requestForm("Bureausans", "Noé", "bureau.sans." + n + "@test.fr"));
        long with = registrationOf(email);
        long without = registrationOf("bureau.sans." + n + "@test.fr");
        AgentLinks.confirm(registrations, with);
        AgentLinks.confirm(registrations, without);
        WebSession organiser = TestSessions.organiser(accounts, port, "orga.d." + n + "@cnfpt.fr", "Orga D", unit);
        String admin = "/admin/journees/" + slug;
        organiser.submit(admin + "/accessibilite", admin + "/accessibilite/" + with,
                Map.of("etat", "AGREED", "amenagement", PLAN, "motif", ""));

        Document desk = organiser.page(admin + "/accueil?q=Bureau");
        assertThat(desk.select(".desk-results li")).hasSize(2);
        assertThat(desk.select(".desk-results li[data-ref=inscription-" + with + "] .arrangement").text())
                .isEqualTo("aménagement prévu : " + PLAN);
        assertThat(desk.select(".desk-results li[data-ref=inscription-" + without + "] .arrangement")).isEmpty();
        assertThat(desk.text()).doesNotContain("Fauteuil");

        Document roster = organiser.page(admin + "/presences");
        assertThat(roster.select("tr[data-ref=inscription-" + with + "] .arrangement").text())
                .isEqualTo("aménagement prévu : " + PLAN);
        assertThat(roster.select("tr[data-ref=inscription-" + without + "]")).hasSize(1);
        assertThat(roster.select("tr[data-ref=inscription-" + without + "] .arrangement")).isEmpty();
        assertThat(roster.text()).doesNotContain("Fauteuil");

        String csv = new String(organiser.getBytes(admin + "/tableau-de-bord/inscriptions.csv").body(),
                StandardCharsets.UTF_8);
        assertThat(csv).contains("Aménagement prévu", "convenu – " + PLAN).doesNotContain("Fauteuil");
        assertThat(csv.lines().filter(l -> l.contains(PLAN))).hasSize(1).allMatch(l -> l.startsWith("\"Bureau\";"));

        Document dashboard = organiser.page(admin + "/tableau-de-bord");
        assertThat(dashboard.select("#besoins-total").text()).isEqualTo("Une demande indique des besoins liés à une situation de handicap.");
        assertThat(dashboard.select("#table-besoins-types tbody tr").eachText())
                .containsExactly("Mobilité réduite 1", "Audition 1", "Vue 0", "Autre 0");
        assertThat(dashboard.select("#table-besoins-etats tbody tr").eachText())
                .containsExactly("à étudier 0", "convenu 1", "mis en place 0", "impossible 0");
        assertThat(dashboard.select("#besoins").text()).doesNotContain("Camille", "Bureau", "Fauteuil");

        // A withdrawn request does not count any more.
        registrations.withdraw(with, email, null);
        Document after = organiser.page(admin + "/tableau-de-bord");
        assertThat(after.select("#besoins-total").text()).startsWith("Aucune demande");

        String export = organiser.get(admin + "/export.json").body();
        assertThat(export).contains("Journée accessible " + n).doesNotContain("Fauteuil", PLAN, "boucle");
    }
}
