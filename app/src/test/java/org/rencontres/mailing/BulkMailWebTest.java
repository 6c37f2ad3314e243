package org.rencontres.mailing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rencontres.HtmlChecker;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.WebSession;
import org.rencontres.attendance.Attendances;
import org.rencontres.attendance.CheckIn;
import org.rencontres.attendance.HalfDay;
import org.rencontres.audit.AuditTrail;
import org.rencontres.event.Days;
import org.rencontres.notification.QueuedMails;
import org.rencontres.programme.Programmes;
import org.rencontres.programme.SlotDraft;
import org.rencontres.programme.SlotKind;
import org.rencontres.registration.RegistrationState;
import org.rencontres.registration.Registrations;
import org.rencontres.security.Accounts;
import org.rencontres.workshops.WorkshopDraft;
import org.rencontres.workshops.Workshops;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The bulk e-mail on the real PostgreSQL: recipients chosen by state, workshop, organisation, networking opt-in
 * and attendance; the preview with the count and the first recipient's text; the sending through the outbox, one
 * message a person filed under the session, placeholders filled and the space link a working link, sent once
 * however often the confirmation is posted, audited; bad input refused in French on its field, nothing sent.
 */
@RencontresIntegrationTest
class BulkMailWebTest {

    @LocalServerPort int port;
    @Autowired Days days;
    @Autowired Registrations registrations;
    @Autowired Accounts accounts;
    @Autowired Programmes programmes;
    @Autowired Workshops workshops;
    @Autowired Attendances attendances;
    @Autowired AuditTrail audit;
    @Autowired BulkMails bulk;
    @Autowired JdbcClient jdbc;

    private MailingDays day;
    private long jumelages;
    private long citoyennete;
    private long alice;
    private long chloe;
    private long emile;

    @BeforeEach
    void aSessionWithWorkshopsAndParticipants() throws Exception {
        // A draft to come (never in the public catalogue): the space links it e-mails are still valid.
        day = new MailingDays(port, days, registrations, accounts, "ZBLK", "Journée des envois groupés",
                java.time.LocalDate.of(2031, 10, 14));
        long slot = programmes.addSlot(day.dayId, new SlotDraft(days.days(day.dayId).orElseThrow().first().id(),
                LocalTime.of(14, 0), LocalTime.of(16, 0), SlotKind.WORKSHOP, "Ateliers", "Ateliers de l'après-midi",
                null, null, false, false, List.of(), List.of()));
        jumelages = workshops.add(day.dayId, new WorkshopDraft(slot, 1, "Jumelages", null, null, null, null));
        citoyennete = workshops.add(day.dayId, new WorkshopDraft(slot, 2, "Citoyenneté", null, null, null, null));
        alice = day.confirmed("Alice", "Dupont", "Commune d'Amont", true, List.of(jumelages));
        chloe = day.confirmed("Chloe", "Martin", "Commune de Bas", false, List.of(citoyennete));
        emile = day.awaitingOrganiser("Emile", "Durand", "Commune d'Amont", false, List.of(jumelages));
        attendances.checkIn(day.dayId, alice, CheckIn.plain(HalfDay.MORNING, "orga@cnfpt.fr"));
    }

    private List<Long> chosen(Set<RegistrationState> states, Long workshop, String organisation, Boolean networking,
                              Boolean present) {
        return bulk.recipients(day.dayId, new Audience(states, workshop, organisation, networking, present)).stream()
                .map(r -> r.registration().id()).toList();
    }

    @Test
    void recipients_are_chosen_by_each_criterion() {
        Set<RegistrationState> confirmed = EnumSet.of(RegistrationState.CONFIRMED);
        Set<RegistrationState> live = EnumSet.of(RegistrationState.CONFIRMED, RegistrationState.AWAITING_ORGANISER);
        // By state, by surname: Dupont, Durand, Martin.
        assertThat(chosen(confirmed, null, null, null, null)).containsExactly(alice, chloe);
        assertThat(chosen(EnumSet.of(RegistrationState.AWAITING_ORGANISER), null, null, null, null)).containsExactly(emile);
        assertThat(chosen(live, null, null, null, null)).containsExactly(alice, emile, chloe);
        assertThat(chosen(EnumSet.of(RegistrationState.WAITING_LIST), null, null, null, null)).isEmpty();
        // By workshop (given on confirmation: Emile, not confirmed, has none yet).
        assertThat(chosen(live, jumelages, null, null, null)).containsExactly(alice);
        assertThat(chosen(live, citoyennete, null, null, null)).containsExactly(chloe);
        // By organisation.
        assertThat(chosen(live, null, "Commune d'Amont", null, null)).containsExactly(alice, emile);
        assertThat(chosen(live, null, "Commune de Bas", null, null)).containsExactly(chloe);
        // By networking opt-in.
        assertThat(chosen(live, null, null, true, null)).containsExactly(alice);
        assertThat(chosen(live, null, null, false, null)).containsExactly(emile, chloe);
        // By attendance: Alice was checked in; the others never came.
        assertThat(chosen(confirmed, null, null, null, true)).containsExactly(alice);
        assertThat(chosen(confirmed, null, null, null, false)).containsExactly(chloe);
        // Criteria combine.
        assertThat(chosen(live, jumelages, "Commune de Bas", null, null)).isEmpty();
        assertThat(bulk.organisations(day.dayId)).containsExactly("Commune d'Amont", "Commune de Bas");
    }

    private Map<String, String> fields(String states, String subject, String text) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("etats", states);
        f.put("atelier", "");
        f.put("organisation", "");
        f.put("rotation", "");
        f.put("presence", "");
        f.put("objet", subject);
        f.put("texte", text);
        return f;
    }

    private String write() {
        return day.log() + "/ecrire";
    }

    private int queued() {
        return jdbc.sql("SELECT count(*) FROM notification_outbox WHERE event_day_id = ? AND dedup_key LIKE 'bulk-%'")
                .param(day.dayId).query(Integer.class).single();
    }

    @Test
    void the_preview_counts_and_the_sending_fills_the_placeholders_once_per_person() throws Exception {
        Document form = day.organiser.page(write());
        assertThat(form.select("input[name=etats][checked]").eachAttr("value")).containsExactly("CONFIRMED");
        assertThat(form.select("#atelier option").eachText()).containsExactly("Tous", "Jumelages", "Citoyenneté");
        HtmlChecker.assertValid("bulk-form", Map.of("form", form.outerHtml()));

        HttpResponse<String> shown = day.organiser.submit(write(), write(), fields("CONFIRMED",
                "Rappel pour {prenom} {nom}", "Bonjour {prenom},\n\nVotre convocation pour « {journee} » : {lien_espace}"));
        assertThat(shown.statusCode()).isEqualTo(200);
        Document preview = Jsoup.parse(shown.body());
        assertThat(preview.select("#nombre-destinataires").text()).isEqualTo("2 destinataires");
        assertThat(preview.select("h2").first().text()).isEqualTo("Aperçu pour Alice Dupont (" + day.email("Alice") + ")");
        assertThat(preview.select("#apercu-objet").text()).isEqualTo("Rappel pour Alice Dupont");
        assertThat(preview.select("#apercu-texte").first().wholeText()).isEqualTo("Bonjour Alice,\n\nVotre convocation pour "
                + "« Journée des envois groupés » : [lien personnel vers son espace]");
        HtmlChecker.assertValid("bulk-preview", Map.of("preview", preview.outerHtml()));
        // The preview sends nothing.
        assertThat(queued()).isZero();

        Element confirm = preview.select("form[action$=/ecrire/envoi]").first();
        Map<String, String> again = new LinkedHashMap<>();
        for (Element input : confirm.select("input[type=hidden]")) {
            again.merge(input.attr("name"), input.attr("value"), (a, b) -> a + "," + b);
        }
        assertThat(confirm.select("button").text()).isEqualTo("Envoyer à 2 destinataires");
        HttpResponse<String> sent = day.organiser.post(write() + "/envoi", again);
        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(WebSession.location(sent)).isEqualTo(day.log());
        assertThat(day.organiser.page(day.log()).select(".notice").text())
                .isEqualTo("Courriel mis en file pour 2 destinataires ; chacun figure ci-dessous.");

        QueuedMails mails = new QueuedMails(jdbc);
        List<QueuedMails.QueuedMail> toAlice = mails.to(day.email("Alice"), "Rappel pour");
        assertThat(toAlice).hasSize(1);
        assertThat(toAlice.get(0).subject()).isEqualTo("Rappel pour Alice Dupont");
        assertThat(toAlice.get(0).text()).startsWith("Bonjour Alice,\n\nVotre convocation pour « Journée des envois groupés » : http");
        assertThat(toAlice.get(0).text()).doesNotContain("{");
        assertThat(mails.to(day.email("Chloe"), "Rappel pour Chloe Martin")).hasSize(1);
        assertThat(mails.to(day.email("Emile"), "Rappel pour")).isEmpty();
        String html = jdbc.sql("SELECT html_body FROM notification_outbox WHERE id = ?").param(toAlice.get(0).id())
                .query(String.class).single();
        Document htmlPart = Jsoup.parse(html);
        assertThat(htmlPart.select("a").eachText()).containsExactly("votre espace", "ouvrir votre espace");
        String space = htmlPart.select("a").first().attr("href").replaceFirst("^https?://[^/]+", "");
        assertThat(space).startsWith("/inscription/espace/");
        assertThat(new WebSession(port).page(space).text()).contains("Alice");
        // Filed under the session: listed in its log.
        assertThat(day.organiser.page(day.log() + "?destinataire=alice").select("#courriels td:nth-child(3)").eachText())
                .contains("Rappel pour Alice Dupont");
        assertThat(audit.of(day.dayId)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("bulk");
            assertThat(e.details()).contains("Rappel pour {prenom} {nom}").contains("2 participant");
        });

        // The confirmation posted again (a double click, the back button): nothing more is queued.
        day.organiser.post(write() + "/envoi", again);
        assertThat(queued()).isEqualTo(2);
    }

    @Test
    void bad_input_is_refused_on_its_field_in_french_and_nothing_is_sent() throws Exception {
        Document empty = Jsoup.parse(day.organiser.submit(write(), write(), fields("CONFIRMED", " ", "")).body());
        assertThat(empty.select("#objet-erreur").text()).isEqualTo("Indiquez l'objet du courriel.");
        assertThat(empty.select("#texte-erreur").text()).isEqualTo("Écrivez le texte du courriel.");
        assertThat(empty.select("#objet").attr("aria-describedby")).isEqualTo("objet-erreur");
        HtmlChecker.assertValid("bulk-errors", Map.of("errors", empty.outerHtml()));

        Document unknown = Jsoup.parse(day.organiser.submit(write(), write(),
                fields("CONFIRMED", "Pour {prénom}", "Bonjour {prenom} {Nom},")).body());
        assertThat(unknown.select("#objet-erreur").text())
                .isEqualTo("Champ inconnu : {prénom}. Les champs possibles sont {prenom}, {nom}, {lien_espace}, {journee}.");
        assertThat(unknown.select("#texte-erreur").text()).startsWith("Champ inconnu : {Nom}.");
        // What was typed is shown again.
        assertThat(unknown.select("#texte").text()).isEqualTo("Bonjour {prenom} {Nom},");

        Map<String, String> nobody = fields("AWAITING_ORGANISER", "Objet", "Texte");
        nobody.put("presence", "present");
        Document none = Jsoup.parse(day.organiser.submit(write(), write(), nobody).body());
        assertThat(none.select("#etats-erreur").text())
                .isEqualTo("Aucun participant ne correspond à ces critères : élargissez la sélection.");
        assertThat(none.select("#presence option[selected]").attr("value")).isEqualTo("present");
        Document noState = Jsoup.parse(day.organiser.submit(write(), write(), fields("", "Objet", "Texte")).body());
        assertThat(noState.select("#etats-erreur").text()).isEqualTo("Choisissez au moins un état d'inscription.");

        // Posted straight to the sending: refused the same way.
        HttpResponse<String> forced = day.organiser.submit(write(), write() + "/envoi", fields("CONFIRMED", "Objet", "{inconnu}"));
        assertThat(forced.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(forced.body()).select("#texte-erreur").text()).startsWith("Champ inconnu : {inconnu}.");
        assertThat(queued()).isZero();

        // Nothing wrong: the same form with known placeholders gives the preview.
        HttpResponse<String> fine = day.organiser.submit(write(), write(), fields("CONFIRMED", "Pour {prenom}", "Bonjour {prenom} {nom},"));
        assertThat(Jsoup.parse(fine.body()).select("#nombre-destinataires").text()).isEqualTo("2 destinataires");
    }
}
