package org.rencontres.writing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import org.rencontres.attendance.WalkIn;
import org.rencontres.audit.AuditEntry;
import org.rencontres.audit.AuditTrail;
import org.rencontres.event.Days;
import org.rencontres.programme.Programmes;
import org.rencontres.registration.AgentSpaceLinks;
import org.rencontres.registration.Registration;
import org.rencontres.registration.Registrations;
import org.rencontres.security.Accounts;
import org.rencontres.security.NewAccount;
import org.rencontres.security.Role;
import org.rencontres.workshops.Workshops;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Small groups over HTTP: the participants present in the morning split into balanced groups mixing
 * organisations (absent people and walk-ins left out), each group's document open to its members from
 * their agent's space and refused to the others, every bad input refused in French with nothing
 * created, deleting a split (after confirmation) deleting its documents, another unit refused.
 */
@RencontresIntegrationTest
class WritingGroupsTest {

    @LocalServerPort int port;
    @Autowired Days days;
    @Autowired Programmes programmes;
    @Autowired Workshops workshops;
    @Autowired Registrations registrations;
    @Autowired Accounts accounts;
    @Autowired Attendances attendances;
    @Autowired AuditTrail audit;
    @Autowired WritingDocuments documents;
    @Autowired WritingGroups groups;
    @Autowired WritingLinksForAgents agentLinks;

    private WritingFixture fixture;
    private WebSession organiser;
    private String page;
    /** The people marked present in the morning. */
    private final List<Long> present = new ArrayList<>();
    private final List<Long> absent = new ArrayList<>();

    /**
     * Ten confirmed participants of organisations "Commune 0" to "Commune 4" (two each); seven are
     * present in the morning (both of Commune 0 and Commune 1, one of each of the others), with a walk-in.
     */
    @BeforeEach
    void aDayWithPeoplePresent() throws Exception {
        fixture = WritingFixture.create(days, programmes, workshops, registrations, accounts, 5);
        organiser = new WebSession(port);
        organiser.signIn(fixture.organiserEmail(), WritingFixture.PASSWORD);
        page = "/admin/journees/" + fixture.slug() + "/ecriture/groupes";
        List<Long> first = fixture.participants().get(0);
        List<Long> second = fixture.participants().get(1);
        present.addAll(first);
        present.addAll(second.subList(0, 2));
        absent.addAll(second.subList(2, 5));
        for (long id : present) {
            assertThat(attendances.checkIn(fixture.dayId(), id, CheckIn.plain(HalfDay.MORNING, "Accueil")).recorded()).isTrue();
        }
        // Present in the afternoon only: not in a split of the morning.
        attendances.checkIn(fixture.dayId(), absent.get(0), CheckIn.plain(HalfDay.AFTERNOON, "Accueil"));
        attendances.checkInWalkIn(fixture.dayId(), new WalkIn("Sansinscription", "Paul", "Commune 9", null),
                CheckIn.plain(HalfDay.MORNING, "Accueil"));
    }

    private Map<String, String> form(String title, String size, String half) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("titre", title);
        f.put("creneau", "");
        f.put("taille", size);
        f.put("demi-journee", half);
        f.put("modele", "STATE_OF_THE_ART");
        return f;
    }

    @Test
    void the_present_participants_are_split_into_mixed_groups_each_with_its_document() throws Exception {
        Document empty = organiser.page(page);
        assertThat(empty.text()).contains("Aucune répartition", "sans inscription", "7 le matin");
        assertThat(organiser.page("/admin/journees/" + fixture.slug() + "/ecriture").select("a[href='" + page + "']")).hasSize(1);
        long slot = programmes.programmeOf(fixture.dayId()).slots().get(0).id();
        Map<String, String> f = form("Écriture de l'état de l'art", "3", "matin");
        f.put("creneau", String.valueOf(slot));

        HttpResponse<String> created = organiser.submit(page, page, f);
        assertThat(created.statusCode()).isEqualTo(302);
        List<WritingGroups.GroupSet> sets = groups.ofDay(fixture.dayId());
        assertThat(sets).hasSize(1);
        WritingGroups.GroupSet set = sets.get(0);
        assertThat(set.slotId()).isEqualTo(slot);
        assertThat(set.template()).isEqualTo(DocumentTemplate.STATE_OF_THE_ART);

        // Seven present in groups of three: three groups of 3, 2 and 2; absent people and the walk-in left out.
        assertThat(set.groups()).extracting(g -> g.members().size()).containsExactly(3, 2, 2);
        List<Long> members = set.groups().stream().flatMap(g -> g.members().stream())
                .map(WritingGroups.Member::registrationId).toList();
        assertThat(members).containsExactlyInAnyOrderElementsOf(present);
        // The two people of Commune 0, and the two of Commune 1, are in different groups.
        for (String commune : List.of("Commune 0", "Commune 1")) {
            assertThat(set.groups()).as(commune).allSatisfy(g -> assertThat(
                    g.members().stream().filter(m -> commune.equals(m.organisation())).count()).isLessThanOrEqualTo(1));
        }

        // Each group's document, titled by its number, with the chosen template.
        Map<Integer, WritingDocument> documentOf = new HashMap<>();
        for (WritingGroups.Group g : set.groups()) {
            WritingDocument d = documents.find(g.documentId()).orElseThrow();
            assertThat(d.groupId()).isEqualTo(g.id());
            assertThat(d.title()).isEqualTo("Écriture de l'état de l'art – groupe " + g.number());
            assertThat(d.template()).isEqualTo(DocumentTemplate.STATE_OF_THE_ART);
            documentOf.put(g.number(), d);
        }
        assertThat(audit.of(fixture.dayId())).extracting(AuditEntry::action).contains("writing.groups.created");

        // The page lists the groups with their members, organisations and documents.
        Document listed = organiser.page(page);
        assertThat(listed.select("[role=status]").text()).contains("Groupes créés");
        Element section = listed.getElementById("groupes-" + set.id());
        assertThat(section.select("tbody tr")).hasSize(3);
        assertThat(section.select("tr[data-group=1] li")).hasSize(3);
        assertThat(section.select("tr[data-group=1] li").text()).contains("(Commune ");
        assertThat(section.select("tr[data-group=2] a").attr("href"))
                .isEqualTo("/admin/journees/" + fixture.slug() + "/ecriture/" + documentOf.get(2).id());
        assertThat(organiser.get(section.select("tr[data-group=2] a").attr("href")).statusCode()).isEqualTo(200);

        // A member of group 1 finds the group's document in their agent's space and may write in it…
        long member = set.groups().get(0).members().get(0).registrationId();
        String own = documents.participantKey(documentOf.get(1).id(), member);
        assertThat(spaceLinks(member)).contains("/ecriture/participant/" + own)
                .noneMatch(path -> path.equals("/ecriture/participant/" + documents.participantKey(documentOf.get(2).id(), member)));
        WebSession agent = new WebSession(port);
        HttpResponse<String> editor = agent.get("/ecriture/participant/" + own);
        assertThat(editor.statusCode()).isEqualTo(200);
        assertThat(editor.body()).contains("data-can-edit=\"true\"");
        // … but not in group 2's, even with a key made for them.
        assertThat(agent.get("/ecriture/participant/" + documents.participantKey(documentOf.get(2).id(), member))
                .statusCode()).isEqualTo(404);
        // An absent participant has no group document in their space.
        assertThat(spaceLinks(absent.get(1))).noneMatch(path -> documentOf.values().stream()
                .anyMatch(d -> path.equals("/ecriture/participant/" + documents.participantKey(d.id(), absent.get(1)))));

        // Deleting asks first, saying the documents go too; then deletes the groups and their documents.
        String delete = page + "/" + set.id() + "/suppression";
        assertThat(section.select("a[href='" + delete + "']")).hasSize(1);
        HttpResponse<String> confirm = organiser.get(delete);
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.body()).contains("ainsi que leurs documents d&#39;écriture");
        assertThat(groups.ofDay(fixture.dayId())).hasSize(1);

        HtmlChecker.assertValid("writing-groups", Map.of(
                "groups", organiser.get(page).body(),
                "groups-refused", organiser.submit(page, page, form("", "abc", "matin")).body(),
                "groups-delete", confirm.body()));

        HttpResponse<String> deleted = organiser.submit(delete, delete, Map.of());
        assertThat(deleted.statusCode()).isEqualTo(302);
        assertThat(groups.ofDay(fixture.dayId())).isEmpty();
        for (WritingDocument d : documentOf.values()) {
            assertThat(documents.find(d.id())).isEmpty();
        }
        assertThat(agent.get("/ecriture/participant/" + own).statusCode()).isEqualTo(404);
        assertThat(audit.of(fixture.dayId())).extracting(AuditEntry::action).contains("writing.groups.deleted");
        assertThat(organiser.page(page).text()).contains("Répartition supprimée", "Aucune répartition");
        assertThat(organiser.get(delete).statusCode()).isEqualTo(404);
    }

    @Test
    void people_marked_present_after_the_split_are_added_to_its_groups() throws Exception {
        HttpResponse<String> created = organiser.submit(page, page, form("État de l'art", "3", "matin"));
        assertThat(created.statusCode()).isEqualTo(302);
        WritingGroups.GroupSet set = groups.ofDay(fixture.dayId()).get(0);
        assertThat(set.halfDay()).isEqualTo(HalfDay.MORNING);
        assertThat(set.late()).isEmpty();
        assertThat(organiser.page(page).select(".writing-groups-late")).isEmpty();

        // Two more people arrive in the morning (the afternoon's arrival does not count for a morning split).
        long late1 = absent.get(1);
        long late2 = absent.get(2);
        for (long id : List.of(late1, late2)) {
            attendances.checkIn(fixture.dayId(), id, CheckIn.plain(HalfDay.MORNING, "Accueil"));
        }
        Document before = organiser.page(page);
        Element block = before.getElementById("groupes-" + set.id()).selectFirst(".writing-groups-late");
        assertThat(block).isNotNull();
        assertThat(block.text()).contains("2 personne(s) marquée(s) présente(s) (Matin) depuis la répartition");
        assertThat(block.select("li").eachAttr("data-registration"))
                .containsExactlyInAnyOrder(String.valueOf(late1), String.valueOf(late2));
        HtmlChecker.assertValid("writing-groups-late", Map.of("groups with late arrivals", before.outerHtml()));

        String add = page + "/" + set.id() + "/retardataires";
        HttpResponse<String> added = organiser.submit(page, add, Map.of());
        assertThat(added.statusCode()).isEqualTo(302);
        WritingGroups.GroupSet after = groups.ofDay(fixture.dayId()).get(0);
        // Groups of 3, 2 and 2: the two newcomers fill groups 2 and 3, no group opened.
        assertThat(after.groups()).extracting(g -> g.members().size()).containsExactly(3, 3, 3);
        assertThat(after.late()).isEmpty();
        Document listed = organiser.page(page);
        assertThat(listed.select("[role=status]").text()).startsWith("Les personnes arrivées depuis la répartition sont ajoutées");
        assertThat(listed.select(".writing-groups-late")).isEmpty();
        assertThat(audit.of(fixture.dayId())).extracting(AuditEntry::action).contains("writing.groups.late");
        // A newcomer finds their group's document in their space, and may write in it.
        WritingGroups.Group theirs = after.groups().stream()
                .filter(g -> g.members().stream().anyMatch(m -> m.registrationId() == late1)).findFirst().orElseThrow();
        String key = documents.participantKey(theirs.documentId(), late1);
        assertThat(spaceLinks(late1)).contains("/ecriture/participant/" + key);
        assertThat(new WebSession(port).get("/ecriture/participant/" + key).statusCode()).isEqualTo(200);

        // Nobody left to add: said so, nothing changes.
        organiser.submit(page, add, Map.of());
        assertThat(organiser.page(page).select("[role=status]").text()).startsWith("Personne n'est à ajouter");
        assertThat(groups.ofDay(fixture.dayId()).get(0).people()).isEqualTo(9);
        // Another split's or another day's number: not found.
        assertThat(organiser.submit(page, page + "/999999999/retardataires", Map.of()).statusCode()).isEqualTo(404);
    }

    @Test
    void bad_inputs_are_refused_in_french_and_create_nothing() throws Exception {
        int before = documents.ofDay(fixture.dayId()).size();
        expectRefused(form("Synthèse", "0", "matin"), "taille", "comprise entre 2 et 50");
        expectRefused(form("Synthèse", "51", "matin"), "taille", "comprise entre 2 et 50");
        expectRefused(form("Synthèse", "abc", "matin"), "taille", "doit être un nombre entier");
        expectRefused(form("Synthèse", "", "matin"), "taille", "Indiquez la taille des groupes");
        expectRefused(form(" ", "4", "matin"), "titre", "Donnez un titre à la répartition.");
        expectRefused(form("x".repeat(201), "4", "matin"), "titre", "ne doit pas dépasser 200 caractères");
        expectRefused(form("Synthèse", "4", "soir"), "demi-journee", "Choisissez la demi-journée");
        Map<String, String> badSlot = form("Synthèse", "4", "matin");
        badSlot.put("creneau", "999999999");
        expectRefused(badSlot, "creneau", "Choisissez un créneau de la journée");
        Map<String, String> badTemplate = form("Synthèse", "4", "matin");
        badTemplate.put("modele", "POEME");
        expectRefused(badTemplate, "modele", "Choisissez un modèle de départ");
        // Nobody registered is present in the afternoon but the one checked in there: on another, fresh day, nobody at all.
        WritingFixture empty = WritingFixture.create(days, programmes, workshops, registrations, accounts, 1);
        WebSession other = new WebSession(port);
        other.signIn(empty.organiserEmail(), WritingFixture.PASSWORD);
        String otherPage = "/admin/journees/" + empty.slug() + "/ecriture/groupes";
        HttpResponse<String> nobody = other.submit(otherPage, otherPage, form("Synthèse", "4", "apres-midi"));
        assertThat(nobody.statusCode()).isEqualTo(422);
        assertThat(nobody.body()).contains("Personne d&#39;inscrit n&#39;est pointé présent à cette demi-journée : aucun groupe n&#39;a été créé.");
        assertThat(groups.ofDay(empty.dayId())).isEmpty();

        assertThat(groups.ofDay(fixture.dayId())).isEmpty();
        assertThat(documents.ofDay(fixture.dayId())).hasSize(before);
        // The values typed are kept.
        HttpResponse<String> kept = organiser.submit(page, page, form("Synthèse gardée", "abc", "apres-midi"));
        Document keptPage = org.jsoup.Jsoup.parse(kept.body());
        assertThat(keptPage.getElementById("titre").val()).isEqualTo("Synthèse gardée");
        assertThat(keptPage.getElementById("taille").val()).isEqualTo("abc");
        assertThat(keptPage.select("#demi-journee option[selected]").val()).isEqualTo("apres-midi");
    }

    private void expectRefused(Map<String, String> fields, String field, String message) throws Exception {
        HttpResponse<String> refused = organiser.submit(page, page, fields);
        assertThat(refused.statusCode()).as(fields.toString()).isEqualTo(422);
        Document d = org.jsoup.Jsoup.parse(refused.body());
        assertThat(d.select("#erreurs a[href='#" + field + "']").text()).as(fields.toString()).contains(message);
        assertThat(d.getElementById(field + "-erreur").text()).contains(message);
        assertThat(d.getElementById(field).attr("aria-invalid")).isEqualTo("true");
        assertThat(d.getElementById(field).attr("aria-describedby")).contains(field + "-erreur");
    }

    @Test
    void only_organisers_of_the_days_unit_reach_the_groups() throws Exception {
        String email = "autre.groupes." + System.nanoTime() + "@cnfpt.fr";
        accounts.create(new NewAccount(email, "Autre Unité", Role.ORGANISER, "INSET d'ailleurs", WritingFixture.PASSWORD));
        WebSession stranger = new WebSession(port);
        stranger.signIn(email, WritingFixture.PASSWORD);
        assertThat(stranger.get(page).statusCode()).isEqualTo(403);
        assertThat(stranger.post(page, form("Intrus", "3", "matin")).statusCode()).isEqualTo(403);
        assertThat(groups.ofDay(fixture.dayId())).isEmpty();
        assertThat(new WebSession(port).get(page).statusCode()).isIn(302, 401, 403);
        assertThat(organiser.get(page + "/999999999/suppression").statusCode()).isEqualTo(404);
    }

    private List<String> spaceLinks(long registrationId) {
        Registration r = registrations.find(registrationId).orElseThrow();
        return agentLinks.of(r).stream().map(AgentSpaceLinks.Link::path).toList();
    }
}
