package org.rencontres.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rencontres.HtmlChecker;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.WebSession;
import org.rencontres.audit.AuditEntry;
import org.rencontres.audit.AuditTrail;
import org.rencontres.directory.Directory;
import org.rencontres.directory.NewOrganisation;
import org.rencontres.directory.NewPerson;
import org.rencontres.directory.Organisation;
import org.rencontres.directory.OrganisationKind;
import org.rencontres.directory.Person;
import org.rencontres.event.DayDraft;
import org.rencontres.event.SessionDayDraft;
import org.rencontres.event.DayStatus;
import org.rencontres.event.Days;
import org.rencontres.event.SessionCode;
import org.rencontres.security.Accounts;
import org.rencontres.event.DayAccess;
import org.rencontres.security.NewAccount;
import org.rencontres.security.Organiser;
import org.rencontres.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The programme editor over real HTTP: add, edit, move, remove slots, attach people, with the
 * time rules, the audit trail, access by organising unit, htmx fragments and valid HTML.
 * Each test works on a day of its own (9h–17h), never on the demo day.
 */
@RencontresIntegrationTest
@RecordApplicationEvents
class ProgrammeEditorTest {

    private static final String PASSWORD = "correct horse battery";
    private static final AtomicInteger DAYS = new AtomicInteger();

    @LocalServerPort int port;
    @Autowired Days days;
    @Autowired Accounts accounts;
    @Autowired AuditTrail audit;
    @Autowired Programmes programmes;
    @Autowired Directory directory;
    @Autowired DayAccess access;
    @Autowired ProgrammeEditor editor;
    @Autowired ApplicationEvents events;

    private String unit;
    private String slug;
    private long dayId;
    private String email;
    private WebSession organiser;

    @BeforeEach
    void aDayOfItsOwnAndItsOrganiser() throws Exception {
        int n = DAYS.incrementAndGet();
        unit = "INSET de Test " + n + " " + System.nanoTime();
        SessionCode code = new SessionCode("ZPRG " + n + " " + System.nanoTime() % 100_000);
        slug = code.slug();
        dayId = days.create(new DayDraft(code, "Journée du programme " + n, null, null, List.of(new SessionDayDraft(LocalDate.of(2031, 5, 15), LocalTime.of(9, 0), LocalTime.of(17, 0))), "Une journée de test.", null, null, null, false, null, unit,
                null, List.of(), List.of(), List.of()));
        days.changeStatus(dayId, DayStatus.PUBLISHED);
        email = "programme." + n + "." + System.nanoTime() + "@cnfpt.fr";
        accounts.create(new NewAccount(email, "Claire Programme", Role.ORGANISER, unit, PASSWORD));
        organiser = new WebSession(port);
        organiser.signIn(email, PASSWORD);
    }

    private String editorPath() {
        return "/admin/journees/" + slug + "/programme";
    }

    private static Map<String, String> slot(String start, String end, String kind, String title, String track) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("debut", start);
        fields.put("fin", end);
        fields.put("nature", kind);
        fields.put("format", "");
        fields.put("titre", title);
        fields.put("description", "");
        fields.put("piste", track);
        fields.put("sujets", "");
        return fields;
    }

    private long add(String start, String end, String kind, String title, String track) throws Exception {
        HttpResponse<String> added = organiser.submit(editorPath(), editorPath() + "/creneaux",
                slot(start, end, kind, title, track));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(302);
        return Long.parseLong(WebSession.location(added).replaceFirst(".*#creneau-", ""));
    }

    private List<String> titles() {
        return programmes.programmeOf(dayId).slots().stream().map(Slot::title).toList();
    }

    private List<String> actions() {
        return audit.of(dayId).stream().filter(e -> e.subject().equals("programme")).map(AuditEntry::action).toList();
    }

    @Test
    void an_organiser_adds_slots_and_the_public_page_shows_them() throws Exception {
        // The public page is read (and cached) before the change: the change must still show at once.
        assertThat(new WebSession(port).get("/journees/" + slug).body()).doesNotContain("Accueil café");
        Map<String, String> welcome = slot("9h", "9h30", "WELCOME", "Accueil café", "");
        welcome.put("sujets", "Présentation des lieux\nRemise des badges");
        welcome.put("sujetsSousReserve", "true");
        welcome.put("provisoire", "true");
        HttpResponse<String> added = organiser.submit(editorPath(), editorPath() + "/creneaux", welcome);

        assertThat(added.statusCode()).isEqualTo(302);
        assertThat(WebSession.location(added)).startsWith(editorPath() + "#creneau-");
        Document page = organiser.page(editorPath());
        assertThat(page.select("[role=status]").text()).isEqualTo("Le créneau « Accueil café » est ajouté.");
        assertThat(page.select(".editor-slot h3").text()).contains("Accueil café", "(provisoire)");
        assertThat(page.select(".editor-slot-when").text()).contains("9h – 9h30", "Accueil", "Programme principal");
        add("12h30", "14h", "MEAL", "Déjeuner", "");
        add("12h45", "14h", "NETWORKING", "Speed dating", "Réseautage");

        Slot stored = programmes.programmeOf(dayId).slots().get(0);
        assertThat(stored.topics()).containsExactly("Présentation des lieux", "Remise des badges");
        assertThat(stored.topicsProvisional()).isTrue();
        assertThat(stored.provisional()).isTrue();
        assertThat(titles()).containsExactly("Accueil café", "Déjeuner", "Speed dating");
        assertThat(programmes.programmeOf(dayId).slots().get(2).track()).isEqualTo("Réseautage");
        assertThat(audit.of(dayId).get(0).details())
                .isEqualTo("Créneau ajouté : « Speed dating » (12h45–14h, piste « Réseautage », Réseautage)");
        assertThat(audit.of(dayId)).allSatisfy(e -> assertThat(e.actor()).isEqualTo("Claire Programme"));

        Document publicPage = Jsoup.parse(new WebSession(port).get("/journees/" + slug).body());
        assertThat(publicPage.select(".timeline .slot-title").text()).contains("Accueil café", "Déjeuner", "Speed dating");
        assertThat(publicPage.select(".timeline .topics li").eachText())
                .containsExactly("Présentation des lieux", "Remise des badges");
    }

    @Test
    void bad_times_are_explained_next_to_their_fields_and_nothing_is_saved() throws Exception {
        add("12h30", "14h", "MEAL", "Déjeuner", "");

        HttpResponse<String> before = organiser.submit(editorPath(), editorPath() + "/creneaux",
                slot("11h", "10h", "TALK", "Exposé à l'envers", ""));
        assertThat(before.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(before.body());
        assertThat(page.select(".error-summary li").eachText())
                .containsExactly("L'heure de fin doit venir après l'heure de début.");
        assertThat(page.select("#fin").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.select("#fin").attr("aria-describedby")).isEqualTo("fin-aide fin-erreur");
        assertThat(page.select("#fin-erreur").text()).isEqualTo("L'heure de fin doit venir après l'heure de début.");
        assertThat(page.select("#debut").attr("value")).isEqualTo("11h");
        assertThat(page.select("#titre").attr("value")).isEqualTo("Exposé à l'envers");
        assertThat(page.select("#nature option[selected]").attr("value")).isEqualTo("TALK");

        HttpResponse<String> overlap = organiser.submit(editorPath(), editorPath() + "/creneaux",
                slot("13h", "13h30", "TALK", "Exposé pendant le repas", ""));
        assertThat(Jsoup.parse(overlap.body()).select("#debut-erreur").text()).isEqualTo(
                "Ce créneau chevauche « Déjeuner » (12h30 – 14h) dans le programme principal : "
                        + "changez l'horaire, ou placez-le sur une piste parallèle.");

        HttpResponse<String> outside = organiser.submit(editorPath(), editorPath() + "/creneaux",
                slot("16h30", "18h", "TALK", "Trop tard", ""));
        assertThat(Jsoup.parse(outside.body()).select("#fin-erreur").text())
                .isEqualTo("Le créneau doit finir pendant la journée, qui se tient de 9h à 17h.");

        HttpResponse<String> empty = organiser.submit(editorPath(), editorPath() + "/creneaux", slot("", "", "", "", ""));
        assertThat(Jsoup.parse(empty.body()).select(".error-summary a").eachAttr("href"))
                .containsExactly("#debut", "#fin", "#nature", "#titre");

        assertThat(titles()).containsExactly("Déjeuner");
        assertThat(actions()).containsExactly("slot.added");

        HttpResponse<String> parallel = organiser.submit(editorPath(), editorPath() + "/creneaux",
                slot("13h", "13h30", "TALK", "Exposé en parallèle", "Salle 2"));
        assertThat(parallel.statusCode()).isEqualTo(302);
        assertThat(titles()).containsExactly("Déjeuner", "Exposé en parallèle");
    }

    @Test
    void an_organiser_edits_a_slot_and_a_stale_form_changes_nothing() throws Exception {
        long id = add("10h", "11h", "TALK", "Exposé", "");
        String slotPath = editorPath() + "/creneaux/" + id;
        Document form = organiser.page(slotPath);
        assertThat(form.select("#debut").attr("value")).isEqualTo("10h");
        assertThat(form.select("#nature option[selected]").attr("value")).isEqualTo("TALK");
        String version = form.select("input[name=version]").attr("value");

        Map<String, String> edit = slot("10h", "11h30", "TALK", "Exposé introductif", "");
        edit.put("sujets", "Le diagnostic de mondialité");
        edit.put("version", version);
        HttpResponse<String> saved = organiser.submit(slotPath, slotPath, edit);

        assertThat(WebSession.location(saved)).isEqualTo(editorPath() + "#creneau-" + id);
        Slot slot = programmes.programmeOf(dayId).slots().get(0);
        assertThat(slot.title()).isEqualTo("Exposé introductif");
        assertThat(slot.endsAt()).isEqualTo(LocalTime.of(11, 30));
        assertThat(slot.topics()).containsExactly("Le diagnostic de mondialité");
        assertThat(audit.of(dayId).get(0).details()).isEqualTo("Créneau « Exposé » modifié : Fin : 11h → 11h30 ; "
                + "Titre : « Exposé » → « Exposé introductif » ; Sujets : (vide) → « Le diagnostic de mondialité »");

        // The same form sent again carries the old version: someone changed the slot meanwhile.
        edit.put("titre", "Titre écrasé");
        HttpResponse<String> stale = organiser.submit(slotPath, slotPath, edit);
        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(stale.body()).select(".error-summary").text()).contains("Quelqu'un d'autre a modifié ce créneau");
        assertThat(programmes.programmeOf(dayId).slots().get(0).title()).isEqualTo("Exposé introductif");

        Map<String, String> invalid = slot("10h", "10h", "TALK", "", "");
        invalid.put("version", String.valueOf(Integer.parseInt(version) + 1));
        Document errors = Jsoup.parse(organiser.submit(slotPath, slotPath, invalid).body());
        assertThat(errors.select(".error-summary li").eachText()).containsExactly(
                "L'heure de fin doit venir après l'heure de début : seule la fin de la journée peut durer zéro minute.",
                "Indiquez le titre du créneau.");
        assertThat(programmes.programmeOf(dayId).slots().get(0).endsAt()).isEqualTo(LocalTime.of(11, 30));
        assertThat(actions()).containsExactly("slot.updated", "slot.added");
    }

    @Test
    void slots_starting_together_are_reordered_and_a_removal_asks_first() throws Exception {
        long speeches = add("10h", "10h15", "SPEECH", "Allocutions d'ouverture", "");
        long presentation = add("10h", "10h15", "SPEECH", "Présentation du programme", "");
        add("10h15", "11h", "TALK", "Exposé", "");

        Document page = organiser.page(editorPath());
        assertThat(page.select("#creneau-" + speeches + " button").eachText())
                .containsExactly("Descendre « Allocutions d'ouverture »");
        assertThat(page.select("#creneau-" + presentation + " button").eachText())
                .containsExactly("Monter « Présentation du programme »");

        HttpResponse<String> up = organiser.submit(editorPath(), editorPath() + "/creneaux/" + presentation + "/monter", Map.of());
        assertThat(WebSession.location(up)).isEqualTo(editorPath() + "#creneau-" + presentation);
        assertThat(titles()).containsExactly("Présentation du programme", "Allocutions d'ouverture", "Exposé");
        HttpResponse<String> tooHigh = organiser.submit(editorPath(), editorPath() + "/creneaux/" + presentation + "/monter", Map.of());
        assertThat(Jsoup.parse(tooHigh.body()).select(".error-summary").text()).contains("déjà le premier");
        assertThat(titles()).containsExactly("Présentation du programme", "Allocutions d'ouverture", "Exposé");

        String confirm = editorPath() + "/creneaux/" + speeches + "/suppression";
        Document question = organiser.page(confirm);
        assertThat(question.select("h1").text()).isEqualTo("Supprimer le créneau « Allocutions d'ouverture » ?");
        assertThat(titles()).hasSize(3);
        HttpResponse<String> removed = organiser.submit(confirm, confirm, Map.of());
        assertThat(WebSession.location(removed)).isEqualTo(editorPath());
        assertThat(organiser.page(editorPath()).select("[role=status]").text())
                .isEqualTo("Le créneau « Allocutions d'ouverture » est supprimé.");
        assertThat(titles()).containsExactly("Présentation du programme", "Exposé");
        assertThat(actions()).containsExactly("slot.removed", "slot.moved", "slot.added", "slot.added", "slot.added");
        assertThat(audit.of(dayId).get(1).details())
                .isEqualTo("Créneau « Présentation du programme » placé avant « Allocutions d'ouverture » (10h)");
    }

    @Test
    void people_are_attached_from_the_directory_or_added_inline_and_removed_after_confirmation() throws Exception {
        Organisation agency = directory.organisationNamed(NewOrganisation.named("Agence de test du programme",
                OrganisationKind.OTHER));
        Person moderator = directory.addPerson(new NewPerson("Yannick", "Testeur", "directeur de l'agence",
                agency.id(), null, null));
        long id = add("12h15", "12h30", "SHARING", "Mise en partage", "");
        String slotPath = editorPath() + "/creneaux/" + id;

        Document form = organiser.page(slotPath);
        assertThat(form.select("#personne option").eachText()).contains("Testeur Yannick – Agence de test du programme");
        HttpResponse<String> added = organiser.submit(slotPath, slotPath + "/personnes", Map.of(
                "personne", String.valueOf(moderator.id()), "role", "MODERATOR", "presentation", ""));
        assertThat(WebSession.location(added)).isEqualTo(slotPath);

        HttpResponse<String> twice = organiser.submit(slotPath, slotPath + "/personnes", Map.of(
                "personne", String.valueOf(moderator.id()), "role", "MODERATOR"));
        assertThat(Jsoup.parse(twice.body()).select("#personne-erreur").text())
                .isEqualTo("Cette personne a déjà ce rôle dans ce créneau.");
        HttpResponse<String> nobody = organiser.submit(slotPath, slotPath + "/personnes", Map.of("personne", "", "role", "HOST"));
        assertThat(Jsoup.parse(nobody.body()).select("#personne-erreur").text()).isEqualTo("Choisissez une personne de l'annuaire.");

        HttpResponse<String> missing = organiser.submit(slotPath, slotPath + "/personnes/nouvelle", Map.of(
                "prenom", "Dominique", "nom", "", "fonction", "", "organisation", "", "nouveauRole", "SPEAKER"));
        Document missingPage = Jsoup.parse(missing.body());
        assertThat(missingPage.select("#nom-erreur").text()).isEqualTo("Indiquez le nom.");
        assertThat(missingPage.select("#prenom").attr("value")).isEqualTo("Dominique");
        assertThat(directory.peopleByName()).noneMatch(p -> p.givenName().equals("Dominique") && p.familyName().isEmpty());

        HttpResponse<String> created = organiser.submit(slotPath, slotPath + "/personnes/nouvelle", Map.of(
                "prenom", "Dominique", "nom", "Nouvelle-Personne", "fonction", "directrice de test",
                "organisation", String.valueOf(agency.id()), "nouveauRole", "SPEAKER", "nouveauRepresentant", "ou son représentant"));
        assertThat(WebSession.location(created)).isEqualTo(slotPath);

        Slot slot = programmes.programmeOf(dayId).slots().get(0);
        assertThat(slot.people()).extracting(SlotPerson::familyName, SlotPerson::role, SlotPerson::description,
                        SlotPerson::organisation, SlotPerson::representative)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Testeur", SlotRole.MODERATOR, "directeur de l'agence",
                                "Agence de test du programme", null),
                        org.assertj.core.groups.Tuple.tuple("Nouvelle-Personne", SlotRole.SPEAKER, "directrice de test",
                                "Agence de test du programme", "ou son représentant"));
        assertThat(directory.peopleByName()).anyMatch(p -> p.familyName().equals("Nouvelle-Personne"));

        Document publicPage = Jsoup.parse(new WebSession(port).get("/journees/" + slug).body());
        assertThat(publicPage.select(".timeline .people").text()).contains("Modération", "Yannick", "Testeur",
                "Dominique", "Nouvelle-Personne", "ou son représentant");

        String confirm = slotPath + "/personnes/retrait?personne=" + moderator.id() + "&role=MODERATOR";
        assertThat(organiser.page(confirm).select("h1").text())
                .isEqualTo("Retirer Yannick Testeur du créneau « Mise en partage » ?");
        HttpResponse<String> removed = organiser.submit(confirm, slotPath + "/personnes/retrait",
                Map.of("personne", String.valueOf(moderator.id()), "role", "MODERATOR"));
        assertThat(WebSession.location(removed)).isEqualTo(slotPath);
        assertThat(programmes.programmeOf(dayId).slots().get(0).people()).extracting(SlotPerson::familyName)
                .containsExactly("Nouvelle-Personne");
        assertThat(actions()).containsExactly("slot.person.removed", "slot.person.added", "person.created",
                "slot.person.added", "slot.added");
    }

    @Test
    void htmx_gets_the_part_of_the_page_to_replace() throws Exception {
        HttpResponse<String> added = organiser.submitWithHtmx(editorPath(), editorPath() + "/creneaux",
                slot("9h", "9h30", "WELCOME", "Accueil", ""));
        assertThat(added.statusCode()).isEqualTo(200);
        assertThat(added.body()).doesNotContain("<html").doesNotContain("<header");
        Document fragment = Jsoup.parseBodyFragment(added.body());
        assertThat(fragment.select("#editeur [role=status]").text()).isEqualTo("Le créneau « Accueil » est ajouté.");
        assertThat(fragment.select("#editeur .editor-slot h3").text()).isEqualTo("Accueil");
        assertThat(fragment.select("#editeur form input[name=_csrf]")).isNotEmpty();
        assertThat(fragment.select("#titre").attr("value")).isEmpty();

        HttpResponse<String> refused = organiser.submitWithHtmx(editorPath(), editorPath() + "/creneaux",
                slot("9h15", "9h45", "TALK", "Chevauche l'accueil", ""));
        assertThat(refused.statusCode()).isEqualTo(200);
        Document errors = Jsoup.parseBodyFragment(refused.body());
        assertThat(errors.select("#editeur .error-summary").attr("data-focus")).isEqualTo("true");
        assertThat(errors.select("#titre").attr("value")).isEqualTo("Chevauche l'accueil");
        assertThat(titles()).containsExactly("Accueil");

        // A value the server refuses before any handler (a control character): the refusal page, whose title
        // and message htmx-errors.js shows at the top of the editor (htmx swaps nothing on a 4xx).
        HttpResponse<String> control = organiser.submitWithHtmx(editorPath(), editorPath() + "/creneaux",
                slot("11h", "11h30", "TALK", "Pause\u0001café", ""));
        assertThat(control.statusCode()).isEqualTo(400);
        Document refusal = Jsoup.parse(control.body());
        assertThat(refusal.select("main h1").text()).isEqualTo("Demande incorrecte");
        assertThat(refusal.select("main h1 ~ p").first().text()).contains("titre").contains("caractère invisible");
        assertThat(titles()).containsExactly("Accueil");

        Document editor = organiser.page(editorPath());
        assertThat(editor.select("form[data-hx-post]").eachAttr("data-hx-target")).isNotEmpty().containsOnly("#editeur");
        List<String> scripts = new ArrayList<>(editor.select("script[src]").eachAttr("src"));
        assertThat(scripts.remove("/js/site.js")).as("the script of every page").isTrue();
        assertThat(scripts).hasSize(3);
        // The webjar's address carries its version once Spring has rewritten it (a long cache is then safe).
        assertThat(scripts.get(0)).matches("/webjars/htmx\\.org/(2\\.[0-9.]+/)?dist/htmx\\.min\\.js");
        assertThat(scripts.get(1)).isEqualTo("/js/htmx-errors.js");
        assertThat(scripts.get(2)).isEqualTo("/js/programme-editor.js");
        for (String path : List.of(scripts.get(0), "/webjars/htmx.org/dist/htmx.min.js", "/js/htmx-errors.js",
                "/js/programme-editor.js")) {
            HttpResponse<String> script = new WebSession(port).get(path);
            assertThat(script.statusCode()).as(path).isEqualTo(200);
        }
        assertThat(new WebSession(port).get("/webjars/htmx.org/dist/htmx.min.js").body()).contains("htmx");
    }

    @Test
    void only_organisers_of_the_days_unit_reach_its_editor() throws Exception {
        WebSession anonymous = new WebSession(port);
        HttpResponse<String> visitor = anonymous.get(editorPath());
        assertThat(visitor.statusCode()).isEqualTo(302);
        assertThat(WebSession.location(visitor)).isEqualTo("/connexion");

        String otherEmail = "autre.unite." + System.nanoTime() + "@cnfpt.fr";
        accounts.create(new NewAccount(otherEmail, "Autre unité", Role.ORGANISER, "INSET d'ailleurs", PASSWORD));
        WebSession other = new WebSession(port);
        other.signIn(otherEmail, PASSWORD);
        assertThat(other.get(editorPath()).statusCode()).isEqualTo(403);
        HttpResponse<String> forged = other.submit("/admin", editorPath() + "/creneaux", slot("9h", "10h", "TALK", "Intrus", ""));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(titles()).isEmpty();

        assertThat(organiser.get("/admin/journees/INCONNU999/programme").statusCode()).isEqualTo(404);
        long id = add("9h", "10h", "TALK", "Exposé", "");
        assertThat(organiser.get(editorPath() + "/creneaux/" + (id + 100_000)).statusCode()).isEqualTo(404);
        assertThat(other.get(editorPath() + "/creneaux/" + id).statusCode()).isEqualTo(403);
        assertThat(other.get(editorPath() + "/creneaux/" + id + "/suppression").statusCode()).isEqualTo(403);
    }

    @Test
    void every_change_announces_that_the_programme_changed() throws Exception {
        Organiser who = (Organiser) accounts.loadUserByUsername(email);
        var day = access.requireManage(who, slug);
        events.clear();

        ProgrammeEditor.Outcome refused = editor.add(day, who, new SlotForm("", "10h", "9h", "TALK", "", "Exposé", "", "",
                false, "", false, null));
        assertThat(refused.isDone()).isFalse();
        assertThat(events.stream(ProgrammeChanged.class)).isEmpty();

        ProgrammeEditor.Outcome added = editor.add(day, who, new SlotForm("", "10h", "11h", "TALK", "", "Exposé", "", "",
                false, "", false, null));
        editor.remove(day, who, added.slotId());
        assertThat(events.stream(ProgrammeChanged.class)).extracting(ProgrammeChanged::dayId).containsExactly(dayId, dayId);
    }

    @Test
    void editor_pages_are_valid_html() throws Exception {
        long id = add("12h15", "12h30", "SHARING", "Mise en partage", "");
        Person person = directory.addPerson(new NewPerson("Valide", "Html", null, null, null, null));
        organiser.submit(editorPath() + "/creneaux/" + id, editorPath() + "/creneaux/" + id + "/personnes",
                Map.of("personne", String.valueOf(person.id()), "role", "HOST", "representant", "ou sa représentante"));
        add("12h15", "12h30", "SHARING", "Seconde mise en partage", "");
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("editor", organiser.get(editorPath()).body());
        pages.put("editor with errors", organiser.submit(editorPath(), editorPath() + "/creneaux",
                slot("8h", "", "", "", "")).body());
        pages.put("slot", organiser.get(editorPath() + "/creneaux/" + id).body());
        pages.put("slot with errors", organiser.submit(editorPath() + "/creneaux/" + id,
                editorPath() + "/creneaux/" + id + "/personnes/nouvelle",
                Map.of("prenom", "", "nom", "", "organisation", "x", "nouveauRole", "")).body());
        pages.put("remove slot", organiser.get(editorPath() + "/creneaux/" + id + "/suppression").body());
        pages.put("remove person", organiser.get(editorPath() + "/creneaux/" + id + "/personnes/retrait?personne="
                + person.id() + "&role=HOST").body());
        pages.put("editor in english", organiser.get(editorPath() + "?lang=en").body());
        organiser.get("/?lang=fr");
        HtmlChecker.assertValid("programme-editor", pages);
    }
}
