package org.rencontres.workshops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rencontres.HtmlChecker;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.WebSession;
import org.rencontres.audit.AuditEntry;
import org.rencontres.audit.AuditTrail;
import org.rencontres.event.DayDraft;
import org.rencontres.event.SessionDayDraft;
import org.rencontres.event.DayStatus;
import org.rencontres.event.Days;
import org.rencontres.event.SessionCode;
import org.rencontres.programme.Programmes;
import org.rencontres.programme.SlotDraft;
import org.rencontres.programme.SlotKind;
import org.rencontres.security.Accounts;
import org.rencontres.security.NewAccount;
import org.rencontres.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The workshops of a workshop slot, edited from the back office over real HTTP: add, edit, remove,
 * numbers unique in the day, French validation messages, the audit trail, access by organising
 * unit, the public page updated at once and valid HTML. Each test works on a day of its own.
 */
@RencontresIntegrationTest
class WorkshopsAdminTest {

    private static final String PASSWORD = "correct horse battery";

    @LocalServerPort int port;
    @Autowired Days days;
    @Autowired Accounts accounts;
    @Autowired AuditTrail audit;
    @Autowired Programmes programmes;
    @Autowired Workshops workshops;

    private String slug;
    private long dayId;
    private long first;
    private long second;
    private long meal;
    private WebSession organiser;

    // A published day in the past: it never joins the catalogue's upcoming days that other tests count.
    @BeforeEach
    void aDayOfItsOwnWithItsSlots() throws Exception {
        long n = System.nanoTime();
        String unit = "INSET des ateliers " + n;
        SessionCode code = new SessionCode("ZATE " + n % 100_000_000);
        slug = code.slug();
        dayId = days.create(new DayDraft(code, "Journée des ateliers", null, null, List.of(new SessionDayDraft(LocalDate.of(2016, 6, 19), LocalTime.of(9, 0), LocalTime.of(17, 0))), "Une journée de test.", null, null, null, false, null, unit,
                null, List.of(), List.of(), List.of()));
        days.changeStatus(dayId, DayStatus.PUBLISHED);
        meal = programmes.addSlot(dayId, slot(days.days(dayId).orElseThrow().first().id(), "12:30", "14:00", SlotKind.MEAL, "Déjeuner", null));
        first = programmes.addSlot(dayId, slot(days.days(dayId).orElseThrow().first().id(), "14:30", "16:00", SlotKind.WORKSHOP, "Le document idéal", "Atelier n°1"));
        second = programmes.addSlot(dayId, slot(days.days(dayId).orElseThrow().first().id(), "14:30", "16:00", SlotKind.WORKSHOP, "Expertise territoriale",
                "Atelier n°2"));
        String email = "ateliers." + n + "@cnfpt.fr";
        accounts.create(new NewAccount(email, "Alice Atelier", Role.ORGANISER, unit, PASSWORD));
        organiser = new WebSession(port);
        organiser.signIn(email, PASSWORD);
    }

    private static SlotDraft slot(long firstDay, String start, String end, SlotKind kind, String title, String track) {
        return new SlotDraft(firstDay, LocalTime.parse(start), LocalTime.parse(end), kind, null, title, null, track, false,
                false, List.of(), List.of());
    }

    private String path(long slotId) {
        return "/admin/journees/" + slug + "/ateliers/" + slotId;
    }

    private static Map<String, String> workshop(String number, String title, String method, String capacity) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("numero", number);
        fields.put("titre", title);
        fields.put("description", "");
        fields.put("methode", method);
        fields.put("capacite", capacity);
        return fields;
    }

    private Workshop stored(int number) {
        return workshops.ofDay(dayId).stream().filter(w -> w.number() == number).findFirst().orElseThrow();
    }

    private List<AuditEntry> workshopEntries() {
        return audit.of(dayId).stream().filter(e -> e.subject().equals("workshops")).toList();
    }

    private Document publicPage() throws Exception {
        HttpResponse<String> page = new WebSession(port).get("/journees/" + slug);
        assertThat(page.statusCode()).isEqualTo(200);
        return Jsoup.parse(page.body());
    }

    private String ok(String page) throws Exception {
        HttpResponse<String> response = organiser.get(page);
        assertThat(response.statusCode()).as(page).isEqualTo(200);
        return response.body();
    }

    @Test
    void an_organiser_adds_edits_and_removes_workshops_and_the_public_page_follows() throws Exception {
        assertThat(publicPage().select("#ateliers")).isEmpty();
        Document empty = organiser.page(path(first));
        assertThat(empty.select("#numero").val()).isEqualTo("1");
        assertThat(empty.text()).contains("Aucun atelier pour le moment");

        Map<String, String> form = workshop("1", "Le document idéal à produire et proposer aux futur(e)s élu(e)s",
                "BRIGHT_MIRROR", "");
        form.put("description", "Écriture collective « Bright Mirror ».");
        HttpResponse<String> added = organiser.submit(path(first), path(first), form);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(302);
        assertThat(WebSession.location(added)).isEqualTo(path(first));
        Document listed = organiser.page(path(first));
        assertThat(listed.select("[role=status]").text())
                .isEqualTo("L'atelier « Le document idéal à produire et proposer aux futur(e)s élu(e)s » est ajouté.");
        assertThat(listed.select(".editor-slot h3").text())
                .isEqualTo("Atelier n°1 : Le document idéal à produire et proposer aux futur(e)s élu(e)s");
        Workshop one = stored(1);
        assertThat(one.slotId()).isEqualTo(first);
        assertThat(one.writingTemplate()).isEqualTo(WritingTemplate.BRIGHT_MIRROR);
        assertThat(one.capacity()).isNull();
        assertThat(one.description()).isEqualTo("Écriture collective « Bright Mirror ».");
        assertThat(publicPage().select("#atelier-1 .workshop-title").text())
                .isEqualTo("Le document idéal à produire et proposer aux futur(e)s élu(e)s");

        // The next slot's form suggests the next free number of the day.
        assertThat(organiser.page(path(second)).select("#numero").val()).isEqualTo("2");
        assertThat(organiser.submit(path(second), path(second),
                workshop("2", "Expertise territoriale et expatriation", "", "25")).statusCode()).isEqualTo(302);
        Workshop two = stored(2);
        assertThat(two.slotId()).isEqualTo(second);
        assertThat(two.writingTemplate()).isNull();
        assertThat(two.capacity()).isEqualTo(25);
        assertThat(publicPage().select(".workshop .workshop-title").eachText()).hasSize(2);

        // Edit: the list links to the form, which comes filled in.
        String edit = path(second) + "/" + two.id();
        Document secondList = organiser.page(path(second));
        assertThat(secondList.select(".editor-actions a").eachAttr("href")).containsExactly(edit, edit + "/suppression");
        assertThat(secondList.select("form.form").attr("action")).isEqualTo(path(second));
        Document filled = organiser.page(edit);
        assertThat(filled.select("#titre").val()).isEqualTo("Expertise territoriale et expatriation");
        assertThat(filled.select("#capacite").val()).isEqualTo("25");
        assertThat(filled.select("#methode-aucune").hasAttr("checked")).isTrue();
        HttpResponse<String> edited = organiser.submit(edit, edit,
                workshop("3", "Expertise territoriale, mobilité internationale", "STATE_OF_THE_ART", ""));
        assertThat(edited.statusCode()).isEqualTo(302);
        assertThat(WebSession.location(edited)).isEqualTo(path(second));
        Workshop three = stored(3);
        assertThat(three.id()).isEqualTo(two.id());
        assertThat(three.writingTemplate()).isEqualTo(WritingTemplate.STATE_OF_THE_ART);
        assertThat(three.capacity()).isNull();
        Document shown = publicPage();
        assertThat(shown.select("#atelier-3 .workshop-title").text())
                .isEqualTo("Expertise territoriale, mobilité internationale");
        assertThat(shown.select("#atelier-2")).isEmpty();

        // Remove, after a confirmation page.
        String remove = path(second) + "/" + two.id() + "/suppression";
        assertThat(organiser.page(remove).select("h1").text())
                .isEqualTo("Supprimer l'atelier n°3 « Expertise territoriale, mobilité internationale » ?");
        assertThat(workshops.ofDay(dayId)).hasSize(2);
        HttpResponse<String> removed = organiser.submit(remove, remove, Map.of());
        assertThat(removed.statusCode()).isEqualTo(302);
        assertThat(workshops.ofDay(dayId)).extracting(Workshop::number).containsExactly(1);
        assertThat(programmes.programmeOf(dayId).slots()).extracting(s -> s.id()).contains(second);
        assertThat(publicPage().select(".workshop")).hasSize(1);
        assertThat(organiser.get(remove).statusCode()).isEqualTo(404);

        List<AuditEntry> entries = workshopEntries();
        assertThat(entries).extracting(AuditEntry::action)
                .containsExactly("workshop.removed", "workshop.updated", "workshop.added", "workshop.added");
        assertThat(entries).allSatisfy(e -> assertThat(e.actor()).isEqualTo("Alice Atelier"));
        assertThat(entries.get(3).details()).isEqualTo("Atelier n°1 ajouté au créneau « Le document idéal » : "
                + "« Le document idéal à produire et proposer aux futur(e)s élu(e)s », écriture collective : "
                + "« Bright Mirror », capacité : sans limite");
        assertThat(entries.get(1).details()).isEqualTo("Atelier n°2 du créneau « Expertise territoriale » modifié : "
                + "Numéro : n°2 → n°3 ; Titre : « Expertise territoriale et expatriation » → « Expertise territoriale, "
                + "mobilité internationale » ; Écriture collective : aucune → « État de l'art » ; "
                + "Capacité : 25 places → sans limite");
        assertThat(entries.get(0).details()).isEqualTo("Atelier n°3 « Expertise territoriale, mobilité internationale » "
                + "retiré du créneau « Expertise territoriale »");
    }

    @Test
    void bad_input_and_a_number_already_taken_change_nothing() throws Exception {
        HttpResponse<String> refused = organiser.submit(path(first), path(first), workshop("0", " ", "AUTRE", "-3"));
        assertThat(refused.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(refused.body());
        assertThat(page.select("#numero-erreur").text()).isEqualTo("Le numéro doit être compris entre 1 et 999.");
        assertThat(page.select("#titre-erreur").text()).isEqualTo("Indiquez le titre de l'atelier.");
        assertThat(page.select("#methode-erreur").text())
                .isEqualTo("Choisissez une méthode d'écriture collective de la liste.");
        assertThat(page.select("#capacite-erreur").text())
                .isEqualTo("La capacité doit être comprise entre 1 et 10000 places.");
        assertThat(page.select("#capacite").attr("aria-describedby")).contains("capacite-erreur");
        assertThat(page.select(".error-summary a").eachAttr("href"))
                .containsExactly("#numero", "#titre", "#methode", "#capacite");
        assertThat(page.select("#capacite").val()).isEqualTo("-3");
        assertThat(Jsoup.parse(organiser.submit(path(first), path(first), workshop("un", "Titre", "", "beaucoup")).body())
                .select("#numero-erreur").text()).isEqualTo("« un » n'est pas un nombre entier : écrivez par exemple 1.");
        assertThat(workshops.ofDay(dayId)).isEmpty();

        assertThat(organiser.submit(path(first), path(first), workshop("1", "Premier", "", "")).statusCode())
                .isEqualTo(302);
        // The same number in another slot of the day is refused, with the workshop that has it.
        HttpResponse<String> taken = organiser.submit(path(second), path(second), workshop("1", "Doublon", "", ""));
        assertThat(taken.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(taken.body()).select("#numero-erreur").text())
                .isEqualTo("Le numéro 1 est déjà celui de l'atelier « Premier » de cette journée : choisissez-en un autre.");
        assertThat(organiser.submit(path(second), path(second), workshop("2", "Second", "", "")).statusCode())
                .isEqualTo(302);
        Workshop secondOne = stored(2);
        String edit = path(second) + "/" + secondOne.id();
        assertThat(Jsoup.parse(organiser.submit(edit, edit, workshop("1", "Second renuméroté", "", "")).body())
                .select("#numero-erreur").text()).startsWith("Le numéro 1 est déjà celui de l'atelier « Premier »");
        // Keeping its own number is fine.
        assertThat(organiser.submit(edit, edit, workshop("2", "Second, retitré", "", "")).statusCode()).isEqualTo(302);
        assertThat(workshops.ofDay(dayId)).extracting(Workshop::number, Workshop::title)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "Premier"),
                        org.assertj.core.groups.Tuple.tuple(2, "Second, retitré"));
        assertThat(workshopEntries()).hasSize(3);
    }

    @Test
    void only_workshop_slots_of_the_day_have_workshop_pages() throws Exception {
        assertThat(organiser.get(path(meal)).statusCode()).isEqualTo(404);
        assertThat(organiser.submit(path(first), path(meal), workshop("1", "Intrus", "", "")).statusCode())
                .isEqualTo(404);
        assertThat(organiser.get(path(first + 1_000_000)).statusCode()).isEqualTo(404);

        long n = System.nanoTime();
        SessionCode code = new SessionCode("ZAUT " + n % 100_000_000);
        long other = days.create(new DayDraft(code, "Autre journée", null, null, List.of(new SessionDayDraft(LocalDate.of(2016, 6, 20), LocalTime.of(9, 0), LocalTime.of(17, 0))), "Test.", null, null, null, false, null,
                "INSET d'une autre " + n, null, List.of(), List.of(), List.of()));
        long otherSlot = programmes.addSlot(other, slot(days.days(other).orElseThrow().first().id(), "14:00", "15:00", SlotKind.WORKSHOP, "Autre atelier", null));
        assertThat(organiser.get(path(otherSlot)).statusCode()).isEqualTo(404);
        assertThat(organiser.submit(path(first), path(otherSlot), workshop("1", "Intrus", "", "")).statusCode())
                .isEqualTo(404);

        // A workshop is reached only through its own slot.
        organiser.submit(path(first), path(first), workshop("1", "Premier", "", ""));
        long id = stored(1).id();
        assertThat(organiser.get(path(second) + "/" + id).statusCode()).isEqualTo(404);
        assertThat(organiser.submit(path(first), path(second) + "/" + id + "/suppression", Map.of()).statusCode())
                .isEqualTo(404);
        assertThat(workshops.ofDay(dayId)).hasSize(1);
        assertThat(workshops.ofDay(other)).isEmpty();
    }

    @Test
    void only_organisers_of_the_days_unit_reach_the_workshop_pages() throws Exception {
        organiser.submit(path(first), path(first), workshop("1", "Premier", "", ""));
        long id = stored(1).id();
        List<String> pages = List.of(path(first), path(first) + "/" + id, path(first) + "/" + id + "/suppression");

        WebSession anonymous = new WebSession(port);
        for (String page : pages) {
            HttpResponse<String> get = anonymous.get(page);
            assertThat(get.statusCode()).as(page).isEqualTo(302);
            assertThat(WebSession.location(get)).isEqualTo("/connexion");
            HttpResponse<String> post = anonymous.submit("/connexion", page, workshop("7", "Intrus", "", ""));
            assertThat(post.statusCode()).as(page).isEqualTo(302);
            assertThat(WebSession.location(post)).isEqualTo("/connexion");
        }

        String otherEmail = "autre.atelier." + System.nanoTime() + "@cnfpt.fr";
        accounts.create(new NewAccount(otherEmail, "Autre unité", Role.ORGANISER, "INSET d'ailleurs", PASSWORD));
        WebSession other = new WebSession(port);
        other.signIn(otherEmail, PASSWORD);
        for (String page : pages) {
            assertThat(other.get(page).statusCode()).as(page).isEqualTo(403);
            assertThat(other.submit("/admin", page, workshop("7", "Intrus", "", "")).statusCode()).as(page)
                    .isEqualTo(403);
        }
        assertThat(workshops.ofDay(dayId)).extracting(Workshop::title).containsExactly("Premier");
        assertThat(workshopEntries()).hasSize(1);
    }

    @Test
    void the_programme_editor_links_workshop_slots_to_their_workshops() throws Exception {
        Document editor = organiser.page("/admin/journees/" + slug + "/programme");
        assertThat(editor.select("a[href=" + path(first) + "]").text()).startsWith("Atelier(s) de ce créneau");
        assertThat(editor.select("a[href=" + path(second) + "]")).hasSize(1);
        assertThat(editor.select("a[href=" + path(meal) + "]")).isEmpty();
        assertThat(organiser.page("/admin/journees/" + slug + "/programme/creneaux/" + second)
                .select("a[href=" + path(second) + "]").text()).isEqualTo("Atelier(s) de ce créneau");
    }

    @Test
    void workshop_pages_are_valid_html() throws Exception {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("no workshop", ok(path(first)));
        pages.put("add with errors", organiser.submit(path(first), path(first), workshop("", "", "X", "0")).body());
        organiser.submit(path(first), path(first), workshop("1", "Premier", "BRIGHT_MIRROR", "20"));
        long id = stored(1).id();
        pages.put("workshops", ok(path(first)));
        pages.put("edit", ok(path(first) + "/" + id));
        pages.put("edit with errors", organiser.submit(path(first) + "/" + id, path(first) + "/" + id,
                workshop("x", "", "", "y")).body());
        pages.put("remove", ok(path(first) + "/" + id + "/suppression"));
        pages.put("workshops in english", ok(path(first) + "?lang=en"));
        organiser.get("/?lang=fr");
        HtmlChecker.assertValid("workshops-admin", pages);
    }

    @Test
    void a_workshop_gets_a_room_and_facilitators_with_access_keys_shown_on_the_public_page() throws Exception {
        organiser.submit(path(first), path(first), workshop("1", "Premier", "", "20"));
        long id = stored(1).id();
        String edit = path(first) + "/" + id;
        Map<String, String> withRoom = workshop("1", "Premier", "", "20");
        withRoom.put("salle", "  Salle Europe, 2e étage ");
        assertThat(organiser.submit(edit, edit, withRoom).statusCode()).isEqualTo(302);
        assertThat(stored(1).room()).isEqualTo("Salle Europe, 2e étage");
        assertThat(workshopEntries().get(0).details()).contains("Salle : (vide) → « Salle Europe, 2e étage »");

        // Bad facilitators: French messages next to the fields, nothing saved.
        HttpResponse<String> bad = organiser.submit(edit, edit + "/animateurs", Map.of("nom", " ", "courriel", "pas@"));
        assertThat(bad.statusCode()).isEqualTo(200);
        Document badPage = Jsoup.parse(bad.body());
        assertThat(badPage.select("#nom-erreur").text()).isEqualTo("Indiquez le nom de la personne qui anime l'atelier.");
        assertThat(badPage.select("#courriel-erreur").text()).startsWith("« pas@ » n'est pas une adresse électronique valide");
        assertThat(badPage.select("#courriel").attr("aria-describedby")).contains("courriel-erreur");
        assertThat(badPage.select(".error-summary a")).hasSize(2);
        assertThat(workshops.facilitatorsOf(id)).isEmpty();

        HttpResponse<String> added = organiser.submit(edit, edit + "/animateurs",
                Map.of("nom", "Yannick Lechevallier", "courriel", "y.lechevallier@monde-commun.fr"));
        assertThat(added.statusCode()).isEqualTo(302);
        organiser.submit(edit, edit + "/animateurs", Map.of("nom", "Camille Durand", "courriel", "c.durand@exemple.fr"));
        List<Facilitator> facilitators = workshops.facilitatorsOf(id);
        assertThat(facilitators).extracting(Facilitator::name).containsExactly("Yannick Lechevallier", "Camille Durand");
        Facilitator yannick = facilitators.get(0);
        assertThat(yannick.accessKey()).matches("[A-Za-z0-9_-]{22,}").isNotEqualTo(facilitators.get(1).accessKey());
        assertThat(workshops.facilitatorByKey(yannick.accessKey())).contains(yannick);
        assertThat(workshops.facilitatorByKey("inconnue")).isEmpty();
        Document page = organiser.page(edit);
        assertThat(page.select("#animation + ul li").text()).contains("Yannick Lechevallier", "c.durand@exemple.fr");

        Element workshopOnPublicPage = publicPage().selectFirst("#atelier-1");
        assertThat(workshopOnPublicPage.select(".workshop-room").text()).isEqualTo("Salle : Salle Europe, 2e étage");
        assertThat(workshopOnPublicPage.select(".workshop-facilitators").text())
                .isEqualTo("Animation : Yannick Lechevallier, Camille Durand");

        String remove = edit + "/animateurs/" + yannick.id() + "/suppression";
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("facilitator errors", bad.body());
        pages.put("with facilitators", ok(edit));
        pages.put("remove facilitator", ok(remove));
        assertThat(organiser.submit(remove, remove, Map.of()).statusCode()).isEqualTo(302);
        assertThat(workshops.facilitatorsOf(id)).extracting(Facilitator::name).containsExactly("Camille Durand");
        assertThat(workshops.facilitatorByKey(yannick.accessKey())).isEmpty();
        assertThat(workshopEntries().get(0).details()).contains("Yannick Lechevallier", "retiré(e)");
        HtmlChecker.assertValid("workshops-facilitators", pages);
    }
}
