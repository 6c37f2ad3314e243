package org.rencontres.programme;

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
import org.rencontres.event.DayDraft;
import org.rencontres.event.Days;
import org.rencontres.event.SessionCode;
import org.rencontres.event.SessionDayDraft;
import org.rencontres.event.SessionDays;
import org.rencontres.security.Accounts;
import org.rencontres.security.NewAccount;
import org.rencontres.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The programme editor of a session of two days (Tuesday 9h–17h, Wednesday 9h–12h30): a slot is
 * placed on a day, its times are checked against that day's hours and that day's slots only, and the
 * editor lists the programme day by day.
 */
@RencontresIntegrationTest
class ProgrammeSeveralDaysTest {

    private static final String PASSWORD = "correct horse battery";

    @LocalServerPort int port;
    @Autowired Days days;
    @Autowired Accounts accounts;
    @Autowired Programmes programmes;
    @Autowired org.rencontres.audit.AuditTrail audit;

    private String slug;
    private long dayId;
    private SessionDays sessionDays;
    private WebSession organiser;

    @BeforeEach
    void aSessionOfTwoDays() throws Exception {
        long n = System.nanoTime() % 1_000_000;
        SessionCode code = new SessionCode("ZPSD " + n);
        slug = code.slug();
        String unit = "INSET des deux jours " + n;
        dayId = days.create(new DayDraft(code, "Rencontre de deux jours", null, null, List.of(
                        new SessionDayDraft(LocalDate.of(2031, 3, 18), LocalTime.of(9, 0), LocalTime.of(17, 0)),
                        new SessionDayDraft(LocalDate.of(2031, 3, 19), LocalTime.of(9, 0), LocalTime.of(12, 30))),
                "Une session de test.", null, null, null, false, null, unit, null, List.of(), List.of(), List.of()));
        sessionDays = days.days(dayId).orElseThrow();
        String email = "deux.jours." + n + "@cnfpt.fr";
        accounts.create(new NewAccount(email, "Claire Deux-Jours", Role.ORGANISER, unit, PASSWORD));
        organiser = new WebSession(port);
        organiser.signIn(email, PASSWORD);
    }

    private String editor() {
        return "/admin/journees/" + slug + "/programme";
    }

    private static Map<String, String> slot(String day, String start, String end, String title) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("jour", day);
        fields.put("debut", start);
        fields.put("fin", end);
        fields.put("nature", "TALK");
        fields.put("format", "");
        fields.put("titre", title);
        fields.put("description", "");
        fields.put("piste", "");
        fields.put("sujets", "");
        return fields;
    }

    @Test
    void a_slot_goes_on_the_day_chosen_and_is_checked_against_that_day_alone() throws Exception {
        String tuesday = String.valueOf(sessionDays.first().id());
        String wednesday = String.valueOf(sessionDays.last().id());

        Document empty = organiser.page(editor());
        assertThat(empty.select("#editeur h3").eachText()).containsExactly(
                "Jour 1 : mardi 18 mars 2031, de 9h à 17h", "Jour 2 : mercredi 19 mars 2031, de 9h à 12h30");
        assertThat(empty.select("select#jour option").eachText())
                .containsExactly("Choisir le jour", "Jour 1 : mardi 18 mars 2031, de 9h à 17h",
                        "Jour 2 : mercredi 19 mars 2031, de 9h à 12h30");

        HttpResponse<String> noDay = organiser.submit(editor(), editor() + "/creneaux", slot("", "9h", "10h", "Sans jour"));
        assertThat(Jsoup.parse(noDay.body()).select("#jour-erreur").text())
                .isEqualTo("Choisissez le jour de ce créneau parmi les jours de la session.");
        HttpResponse<String> otherSession = organiser.submit(editor(), editor() + "/creneaux",
                slot("999999999", "9h", "10h", "Jour d'une autre session"));
        assertThat(Jsoup.parse(otherSession.body()).select("#jour-erreur").text())
                .isEqualTo("Choisissez le jour de ce créneau parmi les jours de la session.");

        assertThat(organiser.submit(editor(), editor() + "/creneaux", slot(tuesday, "9h", "10h", "Ouverture")).statusCode())
                .isEqualTo(302);
        // The same hours on the next day overlap nothing.
        assertThat(organiser.submit(editor(), editor() + "/creneaux", slot(wednesday, "9h", "10h", "Reprise")).statusCode())
                .isEqualTo(302);
        HttpResponse<String> overlap = organiser.submit(editor(), editor() + "/creneaux",
                slot(wednesday, "9h30", "10h30", "Chevauchement"));
        assertThat(Jsoup.parse(overlap.body()).select("#debut-erreur").text()).startsWith("Ce créneau chevauche « Reprise »");
        // Wednesday ends at 12h30.
        HttpResponse<String> late = organiser.submit(editor(), editor() + "/creneaux", slot(wednesday, "14h", "15h", "Trop tard"));
        assertThat(Jsoup.parse(late.body()).select("#debut-erreur").text())
                .isEqualTo("Le créneau doit commencer pendant la journée, qui se tient de 9h à 12h30.");
        assertThat(Jsoup.parse(late.body()).select("select#jour option[selected]").attr("value")).isEqualTo(wednesday);

        Programme programme = programmes.programmeOf(dayId);
        assertThat(programme.day(sessionDays.first().id()).slots()).extracting(Slot::title).containsExactly("Ouverture");
        assertThat(programme.day(sessionDays.last().id()).slots()).extracting(Slot::title).containsExactly("Reprise");

        Document page = organiser.page(editor());
        String text = page.select("#editeur").text();
        assertThat(text.indexOf("Ouverture")).isBetween(text.indexOf("Jour 1"), text.indexOf("Jour 2"));
        assertThat(text.indexOf("Reprise")).isGreaterThan(text.indexOf("Jour 2"));
        assertThat(page.select("#editeur h4.slot-title").eachText()).containsExactly("Ouverture", "Reprise");

        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("two-day editor", organiser.get(editor()).body());
        pages.put("two-day editor with errors", late.body());
        pages.put("session day form", organiser.get("/admin/journees/" + slug + "/jours/nouveau").body());
        pages.put("session page", organiser.get("/admin/journees/" + slug).body());
        HtmlChecker.assertValid("programme-several-days", pages);
    }

    @Test
    void a_slot_moved_to_the_other_day_is_checked_there() throws Exception {
        long tuesday = sessionDays.first().id();
        long wednesday = sessionDays.last().id();
        programmes.addSlot(dayId, new SlotDraft(wednesday, LocalTime.of(10, 0), LocalTime.of(11, 0), SlotKind.TALK, null,
                "Table ronde", null, null, false, false, List.of(), List.of()));
        long moving = programmes.addSlot(dayId, new SlotDraft(tuesday, LocalTime.of(10, 0), LocalTime.of(11, 0),
                SlotKind.TALK, null, "Exposé", null, null, false, false, List.of(), List.of()));
        String path = editor() + "/creneaux/" + moving;
        Document form = organiser.page(path);
        Map<String, String> edit = new LinkedHashMap<>();
        form.select("form[action=" + path + "] input[name]:not([type=checkbox]), form[action=" + path + "] input[type=checkbox][checked], form[action=" + path + "] textarea[name]")
                .forEach(e -> edit.put(e.attr("name"), e.tagName().equals("textarea") ? e.text() : e.attr("value")));
        form.select("form[action=" + path + "] select[name]").forEach(e -> edit.put(e.attr("name"),
                e.select("option[selected]").attr("value")));
        assertThat(edit.get("jour")).isEqualTo(String.valueOf(tuesday));

        edit.put("jour", String.valueOf(wednesday));
        edit.put("debut", "10h30");
        edit.put("fin", "11h30");
        HttpResponse<String> refused = organiser.submit(path, path, edit);
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(refused.body()).select(".error-summary li").eachText())
                .singleElement().asString().startsWith("Ce créneau chevauche « Table ronde »");
        assertThat(programmes.programmeOf(dayId).day(tuesday).slots()).extracting(Slot::title).containsExactly("Exposé");

        edit.put("debut", "11h");
        edit.put("fin", "12h30");
        HttpResponse<String> moved = organiser.submit(path, path, edit);
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(302);
        assertThat(programmes.programmeOf(dayId).day(wednesday).slots()).extracting(Slot::title)
                .containsExactly("Table ronde", "Exposé");
        assertThat(programmes.programmeOf(dayId).day(tuesday).slots()).isEmpty();
        assertThat(audit.of(dayId)).extracting(e -> e.details())
                .anyMatch(d -> d.contains("Jour : mardi 18 mars 2031 → mercredi 19 mars 2031"));
    }
}
