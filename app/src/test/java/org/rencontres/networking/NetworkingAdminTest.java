package org.rencontres.networking;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
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
 * The rotation ("speed dating") of a networking slot, edited from the back office over real HTTP:
 * create, edit, remove, with French validation messages, the audit trail, access by organising
 * unit, the public page updated at once and valid HTML. Each test works on a day of its own.
 */
@RencontresIntegrationTest
class NetworkingAdminTest {

    private static final String PASSWORD = "correct horse battery";

    @LocalServerPort int port;
    @Autowired Days days;
    @Autowired Accounts accounts;
    @Autowired AuditTrail audit;
    @Autowired Programmes programmes;
    @Autowired NetworkingSessions sessions;

    private String slug;
    private long dayId;
    private long networkingSlot;
    private long talkSlot;
    private WebSession organiser;

    // A published day in the past: it never joins the catalogue's upcoming days that other tests count.
    @BeforeEach
    void aDayOfItsOwnWithItsSlots() throws Exception {
        long n = System.nanoTime();
        String unit = "INSET du réseautage " + n;
        SessionCode code = new SessionCode("ZRES " + n % 100_000_000);
        slug = code.slug();
        dayId = days.create(new DayDraft(code, "Journée du réseautage", null, null, List.of(new SessionDayDraft(LocalDate.of(2016, 6, 12), LocalTime.of(9, 0), LocalTime.of(17, 0))), "Une journée de test.", null, null, null, false, null, unit,
                null, List.of(), List.of(), List.of()));
        days.changeStatus(dayId, DayStatus.PUBLISHED);
        talkSlot = programmes.addSlot(dayId, slot(days.days(dayId).orElseThrow().first().id(), "10:00", "11:00", SlotKind.TALK, "Exposé introductif"));
        networkingSlot = programmes.addSlot(dayId, slot(days.days(dayId).orElseThrow().first().id(), "12:45", "14:00", SlotKind.NETWORKING, "Le speed dating"));
        String email = "reseau." + n + "@cnfpt.fr";
        accounts.create(new NewAccount(email, "Rémi Réseau", Role.ORGANISER, unit, PASSWORD));
        organiser = new WebSession(port);
        organiser.signIn(email, PASSWORD);
    }

    private static SlotDraft slot(long firstDay, String start, String end, SlotKind kind, String title) {
        return new SlotDraft(firstDay, LocalTime.parse(start), LocalTime.parse(end), kind, null, title, null, null, false, false,
                List.of(), List.of());
    }

    private String path() {
        return path(networkingSlot);
    }

    private String path(long slotId) {
        return "/admin/journees/" + slug + "/reseautage/" + slotId;
    }

    private static Map<String, String> rotation(String title, String group, String min, String max, String themes) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("titre", title);
        fields.put("description", "Rencontres par petits groupes.");
        fields.put("tailleGroupe", group);
        fields.put("rotationMin", min);
        fields.put("rotationMax", max);
        fields.put("themes", themes);
        return fields;
    }

    private Optional<NetworkingSession> stored() {
        return sessions.ofSlot(dayId, networkingSlot);
    }

    private List<AuditEntry> networkingEntries() {
        return audit.of(dayId).stream().filter(e -> e.subject().equals("networking")).toList();
    }

    private Document publicPage() throws Exception {
        HttpResponse<String> page = new WebSession(port).get("/journees/" + slug);
        assertThat(page.statusCode()).isEqualTo(200);
        return Jsoup.parse(page.body());
    }

    @Test
    void an_organiser_creates_edits_and_removes_the_rotation_and_the_public_page_follows() throws Exception {
        // Read (and cached) before each change: the change must still show at once.
        assertThat(publicPage().select(".networking")).isEmpty();
        Document empty = organiser.page(path());
        assertThat(empty.select("h1").text()).contains("Le speed dating");
        assertThat(empty.select("#titre").val()).isEqualTo("Le speed dating");
        assertThat(empty.select("a[href$=/suppression]")).isEmpty();

        Map<String, String> form = rotation("Le speed dating de l'AICT", "6", "10", "12",
                "ODD, FICOL\n\n  Formation AICT et CNFPT  \nExpatriation et territoriaux");
        form.put("sujetsSousReserve", "true");
        HttpResponse<String> created = organiser.submit(path(), path(), form);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        assertThat(WebSession.location(created)).isEqualTo(path());
        assertThat(organiser.page(path()).select("[role=status]").text()).isEqualTo("Le speed dating est enregistré.");

        NetworkingSession session = stored().orElseThrow();
        assertThat(organiser.page(path() + "/organisation").select("#rotation-aide").text())
                .isEqualTo("En minutes ; les règles du speed dating prévoient de 10 à 12 minutes.");
        assertThat(session.title()).isEqualTo("Le speed dating de l'AICT");
        assertThat(session.groupSize()).isEqualTo(6);
        assertThat(session.rotationMinMinutes()).isEqualTo(10);
        assertThat(session.rotationMaxMinutes()).isEqualTo(12);
        assertThat(session.themesProvisional()).isTrue();
        assertThat(session.themes()).containsExactly("ODD, FICOL", "Formation AICT et CNFPT",
                "Expatriation et territoriaux");
        Document shown = publicPage();
        assertThat(shown.select("#reseautage-" + networkingSlot + " .themes li").eachText())
                .containsExactly("ODD, FICOL", "Formation AICT et CNFPT", "Expatriation et territoriaux");
        assertThat(shown.select("#reseautage-" + networkingSlot).text()).contains("Sujets sous réserve");

        // Edit: the form comes filled in; the themes are reordered, one replaced, the flag unticked.
        Document filled = organiser.page(path());
        assertThat(filled.select("#tailleGroupe").val()).isEqualTo("6");
        assertThat(filled.select("#themes").text()).contains("Formation AICT et CNFPT");
        assertThat(filled.select("#sujetsSousReserve").hasAttr("checked")).isTrue();
        HttpResponse<String> edited = organiser.submit(path(), path(), rotation("Le speed dating de l'AICT", "5", "8",
                "8", "Déclaration de l'APD\nODD, FICOL"));
        assertThat(edited.statusCode()).isEqualTo(302);
        assertThat(organiser.page(path()).select("[role=status]").text()).isEqualTo("Le speed dating est enregistré.");
        NetworkingSession after = stored().orElseThrow();
        assertThat(after.id()).isEqualTo(session.id());
        assertThat(after.groupSize()).isEqualTo(5);
        assertThat(after.rotationMinMinutes()).isEqualTo(8);
        assertThat(after.rotationMaxMinutes()).isEqualTo(8);
        assertThat(after.themesProvisional()).isFalse();
        assertThat(after.themes()).containsExactly("Déclaration de l'APD", "ODD, FICOL");
        // The same length at both ends: one length, not « de 8 à 8 minutes ».
        assertThat(organiser.page(path() + "/organisation").select("#rotation-aide").text())
                .isEqualTo("En minutes ; les règles du speed dating prévoient 8 minutes.");
        shown = publicPage();
        assertThat(shown.select("#reseautage-" + networkingSlot + " .themes li").eachText())
                .containsExactly("Déclaration de l'APD", "ODD, FICOL");
        assertThat(shown.select("#reseautage-" + networkingSlot).text()).doesNotContain("Sujets sous réserve")
                .contains("5 personnes");

        // Remove, after a confirmation page; the slot stays.
        Document confirm = organiser.page(path() + "/suppression");
        assertThat(confirm.select("h1").text()).isEqualTo("Retirer le speed dating « Le speed dating de l'AICT » ?");
        assertThat(stored()).isPresent();
        HttpResponse<String> removed = organiser.submit(path() + "/suppression", path() + "/suppression", Map.of());
        assertThat(removed.statusCode()).isEqualTo(302);
        assertThat(stored()).isEmpty();
        assertThat(programmes.programmeOf(dayId).slots()).extracting(s -> s.id()).contains(networkingSlot);
        assertThat(organiser.page(path()).select("[role=status]").text())
                .isEqualTo("Le speed dating est retiré de ce créneau.");
        assertThat(publicPage().select(".networking")).isEmpty();
        assertThat(organiser.get(path() + "/suppression").statusCode()).isEqualTo(404);

        List<AuditEntry> entries = networkingEntries();
        assertThat(entries).extracting(AuditEntry::action)
                .containsExactly("session.removed", "session.updated", "session.created");
        assertThat(entries).allSatisfy(e -> assertThat(e.actor()).isEqualTo("Rémi Réseau"));
        assertThat(entries.get(2).details()).isEqualTo("Speed dating créé pour le créneau « Le speed dating » : "
                + "« Le speed dating de l'AICT », groupes de 6, rotation 10 à 12 min, thèmes : « ODD, FICOL / "
                + "Formation AICT et CNFPT / Expatriation et territoriaux » (sous réserve)");
        assertThat(entries.get(1).details()).isEqualTo("Speed dating du créneau « Le speed dating » modifié : "
                + "Taille des groupes : 6 → 5 ; Rotation : 10 à 12 min → 8 min ; Thèmes : « ODD, FICOL / "
                + "Formation AICT et CNFPT / Expatriation et territoriaux » → « Déclaration de l'APD / ODD, FICOL » ; "
                + "Sujets sous réserve : oui → non");
        assertThat(entries.get(0).details())
                .isEqualTo("Speed dating « Le speed dating de l'AICT » retiré du créneau « Le speed dating »");
    }

    @Test
    void a_slot_carrying_a_rotation_keeps_its_kind_until_the_rotation_is_removed() throws Exception {
        organiser.submit(path(), path(), rotation("Le speed dating", "6", "10", "12", "ODD"));
        String slotPath = "/admin/journees/" + slug + "/programme/creneaux/" + networkingSlot;
        Map<String, String> edit = new LinkedHashMap<>();
        edit.put("debut", "12h45");
        edit.put("fin", "14h");
        edit.put("nature", "TALK");
        edit.put("format", "");
        edit.put("titre", "Le speed dating");
        edit.put("description", "");
        edit.put("piste", "");
        edit.put("sujets", "");
        edit.put("version", organiser.page(slotPath).select("input[name=version]").attr("value"));

        HttpResponse<String> refused = organiser.submit(slotPath, slotPath, edit);

        assertThat(Jsoup.parse(refused.body()).select("#nature-erreur").text()).isEqualTo(
                "Ce créneau porte le speed dating « Le speed dating » : retirez-le d'abord pour changer la nature du créneau.");
        assertThat(programmes.programmeOf(dayId).slots()).filteredOn(s -> s.id() == networkingSlot)
                .extracting(s -> s.kind()).containsExactly(SlotKind.NETWORKING);
    }

    @Test
    void bad_input_gets_french_messages_next_to_the_fields_and_changes_nothing() throws Exception {
        HttpResponse<String> refused = organiser.submit(path(), path(), rotation("  ", "1", "0", "abc", "Thème"));
        assertThat(refused.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(refused.body());
        assertThat(page.select("#titre-erreur").text()).isEqualTo("Indiquez le titre du speed dating.");
        assertThat(page.select("#tailleGroupe-erreur").text())
                .isEqualTo("La taille des groupes doit être comprise entre 2 et 30 personnes.");
        assertThat(page.select("#rotationMin-erreur").text())
                .isEqualTo("La durée minimale d'une rotation doit être comprise entre 1 et 600 minutes.");
        assertThat(page.select("#rotationMax-erreur").text())
                .isEqualTo("« abc » n'est pas un nombre entier : écrivez par exemple 10.");
        assertThat(page.select("#tailleGroupe").attr("aria-describedby")).contains("tailleGroupe-erreur");
        assertThat(page.select("#tailleGroupe").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.select(".error-summary a").eachAttr("href"))
                .containsExactly("#titre", "#tailleGroupe", "#rotationMin", "#rotationMax");
        assertThat(page.select("#themes").text()).isEqualTo("Thème");
        assertThat(stored()).isEmpty();

        HttpResponse<String> tooBig = organiser.submit(path(), path(), rotation("Speed", "31", "12", "10", ""));
        Document big = Jsoup.parse(tooBig.body());
        assertThat(big.select("#tailleGroupe-erreur").text())
                .isEqualTo("La taille des groupes doit être comprise entre 2 et 30 personnes.");
        assertThat(big.select("#rotationMax-erreur").text())
                .isEqualTo("La durée maximale doit être au moins égale à la durée minimale (12 minutes).");
        assertThat(stored()).isEmpty();

        // An existing rotation stays as it was when an edit is refused.
        assertThat(organiser.submit(path(), path(), rotation("Speed", "30", "2", "2", "A")).statusCode())
                .isEqualTo(302);
        organiser.submit(path(), path(), rotation("Autre", "", "5", "4", "B"));
        NetworkingSession kept = stored().orElseThrow();
        assertThat(kept.title()).isEqualTo("Speed");
        assertThat(kept.groupSize()).isEqualTo(30);
        assertThat(kept.themes()).containsExactly("A");
        assertThat(networkingEntries()).hasSize(1);
    }

    @Test
    void only_networking_slots_of_the_day_have_a_rotation_page() throws Exception {
        assertThat(organiser.get(path(talkSlot)).statusCode()).isEqualTo(404);
        assertThat(organiser.submit(path(), path(talkSlot), rotation("Intrus", "6", "10", "12", "")).statusCode())
                .isEqualTo(404);
        assertThat(organiser.get(path(networkingSlot + 1_000_000)).statusCode()).isEqualTo(404);
        assertThat(organiser.get("/admin/journees/INCONNU999/reseautage/" + networkingSlot).statusCode())
                .isEqualTo(404);

        // A networking slot of another day (of the same unit) is unknown here.
        long n = System.nanoTime();
        SessionCode code = new SessionCode("ZAUT " + n % 100_000_000);
        long other = days.create(new DayDraft(code, "Autre journée", null, null, List.of(new SessionDayDraft(LocalDate.of(2016, 6, 13), LocalTime.of(9, 0), LocalTime.of(17, 0))), "Test.", null, null, null, false, null,
                "INSET d'une autre " + n, null, List.of(), List.of(), List.of()));
        long otherSlot = programmes.addSlot(other, slot(days.days(other).orElseThrow().first().id(), "12:00", "13:00", SlotKind.NETWORKING, "Autre speed dating"));
        assertThat(organiser.get(path(otherSlot)).statusCode()).isEqualTo(404);
        assertThat(organiser.submit(path(), path(otherSlot), rotation("Intrus", "6", "10", "12", "")).statusCode())
                .isEqualTo(404);
        assertThat(sessions.ofDay(dayId)).isEmpty();
        assertThat(sessions.ofDay(other)).isEmpty();
    }

    @Test
    void only_organisers_of_the_days_unit_reach_the_rotation_pages() throws Exception {
        organiser.submit(path(), path(), rotation("Speed", "6", "10", "12", "A"));
        List<String> pages = List.of(path(), path() + "/suppression");

        WebSession anonymous = new WebSession(port);
        for (String page : pages) {
            HttpResponse<String> get = anonymous.get(page);
            assertThat(get.statusCode()).as(page).isEqualTo(302);
            assertThat(WebSession.location(get)).isEqualTo("/connexion");
            HttpResponse<String> post = anonymous.submit("/connexion", page, rotation("Intrus", "6", "10", "12", ""));
            assertThat(post.statusCode()).as(page).isEqualTo(302);
            assertThat(WebSession.location(post)).isEqualTo("/connexion");
        }

        String otherEmail = "autre.reseau." + System.nanoTime() + "@cnfpt.fr";
        accounts.create(new NewAccount(otherEmail, "Autre unité", Role.ORGANISER, "INSET d'ailleurs", PASSWORD));
        WebSession other = new WebSession(port);
        other.signIn(otherEmail, PASSWORD);
        for (String page : pages) {
            assertThat(other.get(page).statusCode()).as(page).isEqualTo(403);
            assertThat(other.submit("/admin", page, rotation("Intrus", "6", "10", "12", "")).statusCode()).as(page)
                    .isEqualTo(403);
        }
        assertThat(stored().orElseThrow().title()).isEqualTo("Speed");
        assertThat(networkingEntries()).hasSize(1);
    }

    @Test
    void the_programme_editor_links_networking_slots_to_their_rotation() throws Exception {
        Document editor = organiser.page("/admin/journees/" + slug + "/programme");
        assertThat(editor.select("a[href=" + path() + "]").text()).startsWith("Speed dating : règles et thèmes");
        assertThat(editor.select("a[href=" + path(talkSlot) + "]")).isEmpty();
        assertThat(organiser.page("/admin/journees/" + slug + "/programme/creneaux/" + networkingSlot)
                .select("a[href=" + path() + "]").text()).isEqualTo("Speed dating : règles et thèmes");
    }

    private String ok(String page) throws Exception {
        HttpResponse<String> response = organiser.get(page);
        assertThat(response.statusCode()).as(page).isEqualTo(200);
        return response.body();
    }

    @Test
    void rotation_pages_are_valid_html() throws Exception {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("new rotation", ok(path()));
        pages.put("rotation with errors", organiser.submit(path(), path(), rotation("", "x", "", "0", "")).body());
        organiser.submit(path(), path(), rotation("Speed", "6", "10", "12", "A\nB"));
        pages.put("rotation saved", ok(path()));
        pages.put("remove rotation", ok(path() + "/suppression"));
        pages.put("rotation in english", ok(path() + "?lang=en"));
        organiser.get("/?lang=fr");
        HtmlChecker.assertValid("networking-admin", pages);
    }
}
