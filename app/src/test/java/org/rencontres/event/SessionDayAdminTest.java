package org.rencontres.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.WebSession;
import org.rencontres.audit.AuditTrail;
import org.rencontres.programme.Programmes;
import org.rencontres.programme.SlotDraft;
import org.rencontres.programme.SlotKind;
import org.rencontres.security.Accounts;
import org.rencontres.security.NewAccount;
import org.rencontres.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An organiser adds, changes, moves and removes the days of a session; what a day holds is named before it goes. */
@RencontresIntegrationTest
class SessionDayAdminTest {

    private static final String PASSWORD = "correct horse battery";

    @LocalServerPort int port;
    @Autowired Accounts accounts;
    @Autowired Days days;
    @Autowired AuditTrail audit;
    @Autowired Programmes programmes;

    private WebSession organiser(String email) throws Exception {
        if (!accounts.emailTaken(email)) {
            accounts.create(new NewAccount(email, "Orga " + email, Role.ORGANISER, null, PASSWORD));
        }
        WebSession session = new WebSession(port);
        session.signIn(email, PASSWORD);
        return session;
    }

    private long session(String code, LocalDate date) {
        return days.create(new DayDraft(new SessionCode(code), "Rencontre sur deux jours", null, null,
                List.of(new SessionDayDraft(date, LocalTime.of(9, 0), LocalTime.of(17, 0))), "Une session de test.", null,
                null, null, false, null, null, null, List.of(), List.of(), List.of()));
    }

    private static Map<String, String> day(String date, String start, String end) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("date", date);
        form.put("debut", start);
        form.put("fin", end);
        return form;
    }

    @Test
    void a_second_day_is_added_with_its_own_hours_and_the_session_then_reads_as_a_range() throws Exception {
        long id = session("ZSDA 001", LocalDate.of(2031, 3, 18));
        WebSession organiser = organiser("jours.ajout@cnfpt.fr");
        String add = "/admin/journees/ZSDA001/jours/nouveau";

        Document empty = organiser.page(add);
        assertThat(empty.select("h1").text()).isEqualTo("Nouveau jour de la session ZSDA 001");
        assertThat(empty.select("label[for=date]")).hasSize(1);

        HttpResponse<String> bad = organiser.submit(add, add, day("18/13/2031", "9h", "08:00"));
        Document errors = Jsoup.parse(bad.body());
        assertThat(errors.select("#date-erreur").text()).isEqualTo("Indiquez une date valide (JJ/MM/AAAA).");
        assertThat(errors.select("#date").attr("aria-describedby")).isEqualTo("date-erreur");
        assertThat(errors.select("#date").attr("value")).isEqualTo("18/13/2031");
        assertThat(days.days(id).orElseThrow().count()).isEqualTo(1);

        HttpResponse<String> taken = organiser.submit(add, add, day("2031-03-18", "09:00", "12:00"));
        assertThat(Jsoup.parse(taken.body()).select("#date-erreur").text()).isEqualTo("La session a déjà un jour à cette date.");
        assertThat(days.days(id).orElseThrow().count()).isEqualTo(1);

        HttpResponse<String> added = organiser.submit(add, add, day("2031-03-19", "09:00", "12:30"));
        assertThat(WebSession.location(added)).isEqualTo("/admin/journees/ZSDA001#jours");
        SessionDays both = days.days(id).orElseThrow();
        assertThat(both.frenchDates()).isEqualTo("du mardi 18 au mercredi 19 mars 2031");
        assertThat(both.last().endsAt()).isEqualTo(LocalTime.of(12, 30));
        Day day = days.find(id).orElseThrow();
        assertThat(day.end()).isEqualTo(LocalDate.of(2031, 3, 19).atTime(12, 30).atZone(day.zone()));

        Document page = organiser.page("/admin/journees/ZSDA001");
        assertThat(page.select("[role=status]").text()).isEqualTo("Le jour a été ajouté à la session.");
        assertThat(page.select("#jours li")).hasSize(2);
        assertThat(page.select("#jours li").get(1).text()).startsWith("mercredi 19 mars 2031");
        assertThat(audit.of(id)).extracting(e -> e.details()).anyMatch(d -> d.startsWith("Jour ajouté") && d.contains("mercredi 19 mars 2031"));
    }

    @Test
    void moving_a_day_that_holds_slots_asks_first_and_the_slots_follow_it() throws Exception {
        long id = session("ZSDA 002", LocalDate.of(2031, 4, 8));
        long second = days.addDay(id, new SessionDayDraft(LocalDate.of(2031, 4, 9), LocalTime.of(9, 0), LocalTime.of(17, 0)));
        long slot = programmes.addSlot(id, new SlotDraft(second, LocalTime.of(9, 30), LocalTime.of(11, 0), SlotKind.TALK,
                null, "Table ronde du second jour", null, null, false, false, List.of(), List.of()));
        WebSession organiser = organiser("jours.deplacement@cnfpt.fr");
        String edit = "/admin/journees/ZSDA002/jours/" + second;

        HttpResponse<String> hours = organiser.submit(edit, edit, day("2031-04-09", "08:30", "16:00"));
        assertThat(WebSession.location(hours)).isEqualTo("/admin/journees/ZSDA002#jours");
        assertThat(days.days(id).orElseThrow().byId(second).orElseThrow().startsAt()).isEqualTo(LocalTime.of(8, 30));

        HttpResponse<String> asked = organiser.submit(edit, edit, day("2031-04-10", "08:30", "16:00"));
        assertThat(asked.statusCode()).isEqualTo(200);
        Document confirm = Jsoup.parse(asked.body());
        assertThat(confirm.select("h1").text()).isEqualTo("Déplacer le mercredi 9 avril 2031 ?");
        assertThat(confirm.select("main").text()).contains("Le mercredi 9 avril 2031 devient le jeudi 10 avril 2031.",
                "1 créneau du programme");
        assertThat(confirm.select("input[name=confirme]").attr("value")).isEqualTo("oui");
        assertThat(days.days(id).orElseThrow().byId(second).orElseThrow().date()).isEqualTo(LocalDate.of(2031, 4, 9));

        Map<String, String> confirmed = day("2031-04-10", "08:30", "16:00");
        confirmed.put("confirme", "oui");
        organiser.submit(edit, edit, confirmed);
        assertThat(days.days(id).orElseThrow().byId(second).orElseThrow().date()).isEqualTo(LocalDate.of(2031, 4, 10));
        assertThat(programmes.outline(id)).singleElement().satisfies(s -> {
            assertThat(s.id()).isEqualTo(slot);
            assertThat(s.sessionDayId()).isEqualTo(second);
        });
        assertThat(days.days(id).orElseThrow().frenchDates()).isEqualTo("mardi 8 et jeudi 10 avril 2031");
    }

    @Test
    void removing_a_day_says_what_goes_with_it_and_the_last_day_stays() throws Exception {
        long id = session("ZSDA 003", LocalDate.of(2031, 5, 13));
        long first = days.days(id).orElseThrow().first().id();
        long second = days.addDay(id, new SessionDayDraft(LocalDate.of(2031, 5, 14), LocalTime.of(14, 0), LocalTime.of(17, 0)));
        programmes.addSlot(id, new SlotDraft(second, LocalTime.of(14, 0), LocalTime.of(15, 0), SlotKind.TALK,
                null, "Atelier de l'après-midi", null, null, false, false, List.of(), List.of()));
        programmes.addSlot(id, new SlotDraft(first, LocalTime.of(9, 0), LocalTime.of(10, 0), SlotKind.TALK,
                null, "Ouverture", null, null, false, false, List.of(), List.of()));
        WebSession organiser = organiser("jours.suppression@cnfpt.fr");
        String remove = "/admin/journees/ZSDA003/jours/" + second + "/supprimer";

        Document confirm = organiser.page(remove);
        assertThat(confirm.select("main").text())
                .contains("Ce qui est prévu ce jour-là est supprimé avec lui : 1 créneau du programme.");
        assertThat(confirm.select("form[method=post][action=" + remove + "] button")).hasSize(1);
        assertThat(days.days(id).orElseThrow().count()).isEqualTo(2);

        HttpResponse<String> removed = organiser.submit(remove, remove, Map.of());
        assertThat(WebSession.location(removed)).isEqualTo("/admin/journees/ZSDA003#jours");
        assertThat(organiser.page("/admin/journees/ZSDA003").select("[role=status]").text()).isEqualTo("Le jour a été supprimé.");
        assertThat(days.days(id).orElseThrow().all()).extracting(SessionDay::id).containsExactly(first);
        assertThat(programmes.outline(id)).extracting(s -> s.title()).containsExactly("Ouverture");
        assertThat(audit.of(id)).extracting(e -> e.details()).anyMatch(d -> d.startsWith("Jour supprimé") && d.contains("mercredi 14 mai 2031"));

        String last = "/admin/journees/ZSDA003/jours/" + first + "/supprimer";
        HttpResponse<String> refused = organiser.get(last);
        assertThat(WebSession.location(refused)).isEqualTo("/admin/journees/ZSDA003#jours");
        assertThat(organiser.page("/admin/journees/ZSDA003").select("[role=status]").text())
                .isEqualTo("Une session garde au moins un jour : ajoutez-en un autre avant de supprimer celui-ci.");
        assertThat(organiser.submit("/admin/journees/ZSDA003", last, Map.of()).statusCode()).isEqualTo(409);
        assertThat(organiser.page("/admin/journees/ZSDA003").select("#jours a[href=" + last + "]")).isEmpty();
        assertThat(days.days(id).orElseThrow().count()).isEqualTo(1);
    }

    @Test
    void an_empty_day_is_removed_with_a_plain_confirmation() throws Exception {
        long id = session("ZSDA 004", LocalDate.of(2031, 6, 3));
        long second = days.addDay(id, new SessionDayDraft(LocalDate.of(2031, 6, 5), LocalTime.of(9, 0), LocalTime.of(12, 0)));
        WebSession organiser = organiser("jours.vide@cnfpt.fr");
        String remove = "/admin/journees/ZSDA004/jours/" + second + "/supprimer";
        assertThat(organiser.page(remove).select("main").text()).contains("Ce jour ne contient encore rien.")
                .doesNotContain("supprimé avec lui");
        assertThat(organiser.get("/admin/journees/ZSDA004/jours/999999999").statusCode()).isEqualTo(404);
    }

    @Test
    void a_new_edition_shifts_every_day_by_the_same_offset_and_each_slot_follows_its_day() throws Exception {
        long id = session("ZSDA 005", LocalDate.of(2031, 3, 18));
        long second = days.addDay(id, new SessionDayDraft(LocalDate.of(2031, 3, 20), LocalTime.of(9, 0), LocalTime.of(12, 30)));
        programmes.addSlot(id, new SlotDraft(second, LocalTime.of(9, 0), LocalTime.of(10, 0), SlotKind.TALK,
                null, "Exposé du jeudi", null, null, false, false, List.of(), List.of()));
        WebSession organiser = organiser("jours.edition@cnfpt.fr");
        String duplicate = "/admin/journees/ZSDA005/dupliquer";
        HttpResponse<String> done = organiser.submit(duplicate, duplicate, Map.of("code", "ZSDA 006", "date", "2032-03-16"));
        assertThat(WebSession.location(done)).isEqualTo("/admin/journees/ZSDA006");

        long copy = days.find("ZSDA006").orElseThrow().id();
        SessionDays shifted = days.days(copy).orElseThrow();
        assertThat(shifted.all()).extracting(SessionDay::date)
                .containsExactly(LocalDate.of(2032, 3, 16), LocalDate.of(2032, 3, 18));
        assertThat(shifted.last().endsAt()).isEqualTo(LocalTime.of(12, 30));
        assertThat(shifted.frenchDates()).isEqualTo("mardi 16 et jeudi 18 mars 2032");
        assertThat(programmes.outline(copy)).singleElement().satisfies(s -> {
            assertThat(s.title()).isEqualTo("Exposé du jeudi");
            assertThat(s.sessionDayId()).isEqualTo(shifted.last().id());
        });
        assertThat(days.days(id).orElseThrow().all()).extracting(SessionDay::date)
                .containsExactly(LocalDate.of(2031, 3, 18), LocalDate.of(2031, 3, 20));
    }
}
