package org.rencontres.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.FormElement;
import org.junit.jupiter.api.Test;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.WebSession;
import org.rencontres.event.DayDraft;
import org.rencontres.event.DayStatus;
import org.rencontres.event.Days;
import org.rencontres.event.SessionCode;
import org.rencontres.event.SessionDay;
import org.rencontres.event.SessionDayDraft;
import org.rencontres.event.Venue;
import org.rencontres.security.Accounts;
import org.rencontres.security.NewAccount;
import org.rencontres.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Before a cancellation or a change of dates, hours or venue, the organiser reads how many registrants will be
 * told by e-mail (and an edit that changes none of them saves at once); afterwards the agents' spaces say the
 * session is cancelled, without the convocation, or show its new dates.
 */
@RencontresIntegrationTest
class SessionChangePagesTest {

    private static final String PASSWORD = "correct horse battery";
    private static final Venue HALLE = new Venue("Halle aux sucres", null, "9003 route du Quai Freycinet 3", "59140",
            "Dunkerque", null, null, null, "Tram ligne C1\nBus 2");

    @LocalServerPort int port;
    @Autowired Accounts accounts;
    @Autowired Days days;
    @Autowired Registrations registrations;
    @Autowired JdbcClient jdbc;

    private final long n = System.nanoTime() % 100_000_000;

    private WebSession organiser() throws Exception {
        String email = "changements." + n + "@cnfpt.fr";
        accounts.create(new NewAccount(email, "Orga " + n, Role.ORGANISER, null, PASSWORD));
        WebSession session = new WebSession(port);
        session.signIn(email, PASSWORD);
        return session;
    }

    private SessionCode session(String prefix, LocalDate date) {
        SessionCode code = new SessionCode(prefix + " " + n);
        long id = days.create(new DayDraft(code, "Journée des pages de changement", null, null,
                List.of(new SessionDayDraft(date, LocalTime.of(9, 0), LocalTime.of(17, 0))), "Une journée de test.", null,
                null, null, false, null, null, HALLE, List.of(), List.of(), List.of()));
        days.changeStatus(id, DayStatus.PUBLISHED);
        registrations.setCapacity(new Capacity(id, 10, 48, false));
        return code;
    }

    private long dayId(SessionCode code) {
        return days.find(code.slug()).orElseThrow().id();
    }

    private String email(String who) {
        return who + n + "@pages-changement.test";
    }

    /** A request sent on to the organiser (its e-mail carries the link to the agent's space), confirmed or not. */
    private long registered(SessionCode code, String who, boolean confirmed) {
        long id = registrations.request(dayId(code), new RequestDraft("Agent", who, email(who), "01 60 79 74 00",
                "Chargée de mission", null, "Commune de Test", null, null, null, Instant.now()));
        registrations.advance(id, "Test", null);
        registrations.advance(id, "Test", null);
        if (confirmed) {
            assertThat(registrations.confirm(id, "Test")).isEqualTo(RegistrationState.CONFIRMED);
        }
        return id;
    }

    @Test
    void the_cancellation_names_how_many_people_are_told_and_their_spaces_then_say_the_session_is_cancelled()
            throws Exception {
        SessionCode code = session("ZCPA", LocalDate.now().plusMonths(2));
        SessionCode empty = session("ZCPB", LocalDate.now().plusMonths(2));
        registered(code, "confirmee", true);
        registered(code, "enattente", false);
        long refused = registered(code, "refusee", false);
        registrations.refuse(refused, "Organisatrice", "Complet pour votre collectivité.");
        WebSession organiser = organiser();

        String cancel = "/admin/journees/" + code.slug() + "/etat?vers=CANCELLED";
        assertThat(organiser.page(cancel).select("#personnes-prevenues").text())
                .isEqualTo("2 personnes inscrites seront prévenues par courriel.");
        assertThat(organiser.page("/admin/journees/" + empty.slug() + "/etat?vers=CANCELLED")
                .select("#personnes-prevenues").text()).isEqualTo("Aucune personne inscrite à prévenir.");

        WebSession agent = new WebSession(port);
        String space = AgentSpaces.pathOf(jdbc, email("confirmee"));
        Document before = agent.page(space);
        assertThat(before.select("#etat").text()).isEqualTo("confirmée");
        assertThat(before.select("#annulation")).isEmpty();
        assertThat(agent.get(space + "/convocation.pdf").statusCode()).isEqualTo(200);

        organiser.submit(cancel, cancel, Map.of("message", "Reportée à l'automne."));
        assertThat(days.find(code.slug()).orElseThrow().status()).isEqualTo(DayStatus.CANCELLED);

        for (String who : List.of("confirmee", "enattente")) {
            Document after = agent.page(AgentSpaces.pathOf(jdbc, email(who)));
            assertThat(after.select("#annulation").text()).as(who).contains("Session annulée",
                    "Cette session est annulée par l'organisateur.", "Message de l'organisateur : « Reportée à l'automne. »");
            assertThat(after.select("#etat")).as(who).isEmpty();
            // Only the history still says what the request went through.
            after.select("section[aria-labelledby=historique-titre]").remove();
            assertThat(after.select("main").text()).as(who).doesNotContain("confirmée").doesNotContain("Retirer ma demande");
            assertThat(after.select("a[href$=convocation.pdf], a[href$=agenda.ics]")).as(who).isEmpty();
        }
        assertThat(agent.get(space + "/convocation.pdf").statusCode()).isEqualTo(404);
        assertThat(agent.get(space + "/agenda.ics").statusCode()).isEqualTo(404);

        // Publishing it again tells the same people, and says so first.
        String publish = "/admin/journees/" + code.slug() + "/etat?vers=PUBLISHED";
        Document again = organiser.page(publish);
        assertThat(again.select("#personnes-prevenues").text()).isEqualTo("2 personnes inscrites seront prévenues par courriel.");
        assertThat(again.select("textarea")).isEmpty();
        organiser.submit(publish, publish, Map.of());
        assertThat(agent.page(space).select("#etat").text()).isEqualTo("confirmée");
        assertThat(agent.get(space + "/convocation.pdf").statusCode()).isEqualTo(200);
    }

    @Test
    void a_day_moved_or_removed_or_a_new_venue_is_confirmed_first_and_an_unchanged_one_saves_at_once() throws Exception {
        LocalDate date = LocalDate.now().plusMonths(2).withDayOfMonth(12);
        SessionCode code = session("ZCPC", date);
        long id = dayId(code);
        days.addDay(id, new SessionDayDraft(date.plusDays(1), LocalTime.of(9, 0), LocalTime.of(12, 0)));
        registered(code, "deplacee", true);
        WebSession organiser = organiser();
        SessionDay first = days.days(id).orElseThrow().first();
        String edit = "/admin/journees/" + code.slug() + "/jours/" + first.id();

        // Saved as it was: no question, nothing changes.
        HttpResponse<String> same = organiser.submit(edit, edit, Map.of("date", date.toString(), "debut", "09:00", "fin", "17:00"));
        assertThat(same.statusCode()).isEqualTo(302);

        HttpResponse<String> asked = organiser.submit(edit, edit, Map.of("date", date.minusDays(1).toString(),
                "debut", "09:00", "fin", "17:00"));
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(asked.body()).select("main").text()).contains("Une personne inscrite sera prévenue par courriel.");
        assertThat(days.days(id).orElseThrow().first().date()).isEqualTo(date);
        HttpResponse<String> moved = organiser.submit(edit, edit, Map.of("date", date.minusDays(1).toString(),
                "debut", "09:00", "fin", "17:00", "confirme", "oui"));
        assertThat(moved.statusCode()).isEqualTo(302);
        assertThat(days.days(id).orElseThrow().first().date()).isEqualTo(date.minusDays(1));
        // The agent's space shows the new dates.
        String newDates = days.days(id).orElseThrow().frenchDates();
        assertThat(new WebSession(port).page(AgentSpaces.pathOf(jdbc, email("deplacee"))).text()).contains(newDates);

        SessionDay second = days.days(id).orElseThrow().last();
        assertThat(organiser.page("/admin/journees/" + code.slug() + "/jours/" + second.id() + "/supprimer")
                .select("main").text()).contains("Une personne inscrite sera prévenue par courriel.");

        // The main form: a new title saves at once; a new venue asks first.
        String form = "/admin/journees/" + code.slug() + "/modifier";
        Map<String, String> fields = fields(organiser.page(form), form);
        fields.put("titre", "Journée des pages de changement, titre revu");
        assertThat(organiser.submit(form, form, fields).statusCode()).isEqualTo(302);
        assertThat(days.find(id).orElseThrow().title()).isEqualTo("Journée des pages de changement, titre revu");

        fields = fields(organiser.page(form), form);
        fields.put("lieuNom", "Maison de la vie associative");
        fields.put("lieuRue", "Rue du Jeu de Paume");
        HttpResponse<String> venue = organiser.submit(form, form, fields);
        assertThat(venue.statusCode()).isEqualTo(200);
        Document confirmation = Jsoup.parse(venue.body());
        assertThat(confirmation.select("main").text()).contains(
                "Le lieu change : Halle aux sucres, 9003 route du Quai Freycinet 3, 59140 Dunkerque → "
                        + "Maison de la vie associative, Rue du Jeu de Paume, 59140 Dunkerque.",
                "Une personne inscrite sera prévenue par courriel.");
        assertThat(days.find(id).orElseThrow().venue().name()).isEqualTo("Halle aux sucres");
        Map<String, String> confirmed = fields(confirmation, form);
        assertThat(confirmed).containsEntry("confirme", "oui").containsEntry("lieuNom", "Maison de la vie associative");
        assertThat(organiser.submit(form, form, confirmed).statusCode()).isEqualTo(302);
        assertThat(days.find(id).orElseThrow().venue().name()).isEqualTo("Maison de la vie associative");
    }

    /** The fields the form posting to {@code action} sends, CSRF token aside. */
    private static Map<String, String> fields(Document page, String action) {
        FormElement form = (FormElement) page.select("form[action$=" + action + "]").first();
        Map<String, String> fields = new LinkedHashMap<>();
        form.formData().forEach(kv -> fields.put(kv.key(), kv.value()));
        fields.remove("_csrf");
        return fields;
    }
}
