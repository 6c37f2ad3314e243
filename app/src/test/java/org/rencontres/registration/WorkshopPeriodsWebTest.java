package org.rencontres.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.FormElement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rencontres.HtmlChecker;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.WebSession;
import org.rencontres.event.DayDraft;
import org.rencontres.event.SessionDayDraft;
import org.rencontres.event.DayStatus;
import org.rencontres.event.Days;
import org.rencontres.event.SessionCode;
import org.rencontres.notification.QueuedMails;
import org.rencontres.programme.Programmes;
import org.rencontres.programme.SlotDraft;
import org.rencontres.programme.SlotKind;
import org.rencontres.security.Accounts;
import org.rencontres.security.NewAccount;
import org.rencontres.security.Role;
import org.rencontres.workshops.WorkshopDraft;
import org.rencontres.workshops.WorkshopSlot;
import org.rencontres.workshops.Workshops;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A day with two workshop periods: a morning slot with two workshops, and an afternoon of two
 * parallel slots (one workshop each, in two tracks, as the demo day has them), which make one
 * period. Agents rank per period, get one workshop per period on confirmation and from the
 * organiser's allocation (computed, adjusted and published period by period), and see both in their
 * space, on their convocation and in their writing links (only the workshops with a writing method have one).
 */
@RencontresIntegrationTest
class WorkshopPeriodsWebTest {

    private static final String PASSWORD = "correct horse battery";

    @LocalServerPort int port;
    @Autowired Days days;
    @Autowired Registrations registrations;
    @Autowired Programmes programmes;
    @Autowired Workshops workshops;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;

    private long n;
    private long dayId;
    private String slug;
    private long morningA;
    private long morningB;
    private long mirror;
    private long mobility;
    private long morningSlot;
    private WebSession visitor;
    private WebSession organiser;

    @BeforeEach
    void aDayWithAMorningAndAnAfternoonOfWorkshops() throws Exception {
        n = System.nanoTime() % 100_000_000;
        SessionCode code = new SessionCode("ZPER " + n);
        slug = code.slug();
        String unit = "INSET des périodes " + n;
        dayId = days.create(new DayDraft(code, "Journée à deux temps d'ateliers", null, null, List.of(new SessionDayDraft(LocalDate.now().plusMonths(4), LocalTime.of(9, 0), LocalTime.of(17, 0))), "Une journée de test.", null,
                null, null, false, null, unit, null, List.of(), List.of(), List.of()));
        days.changeStatus(dayId, DayStatus.PUBLISHED);
        registrations.setCapacity(new Capacity(dayId, 20, 48, false));
        long morning = morningSlot = programmes.addSlot(dayId, new SlotDraft(days.days(dayId).orElseThrow().first().id(), LocalTime.of(9, 30), LocalTime.of(12, 0),
                SlotKind.WORKSHOP, "Écriture collective", "État de l'art en petits groupes", null, null, false, false,
                List.of(), List.of()));
        long afternoon1 = programmes.addSlot(dayId, new SlotDraft(days.days(dayId).orElseThrow().first().id(), LocalTime.of(14, 30), LocalTime.of(16, 0),
                SlotKind.WORKSHOP, "Ateliers participatifs", "Le document idéal", null, "Atelier n°1", false, false,
                List.of(), List.of()));
        long afternoon2 = programmes.addSlot(dayId, new SlotDraft(days.days(dayId).orElseThrow().first().id(), LocalTime.of(14, 30), LocalTime.of(16, 0),
                SlotKind.WORKSHOP, "Ateliers participatifs", "Mobilité internationale", null, "Atelier n°2", false,
                false, List.of(), List.of()));
        morningA = workshops.add(dayId, new WorkshopDraft(morning, 1, "Coopération décentralisée", null,
                org.rencontres.workshops.WritingTemplate.STATE_OF_THE_ART, 1, null));
        morningB = workshops.add(dayId, new WorkshopDraft(morning, 2, "Éducation à la citoyenneté", null, null, null, null));
        mirror = workshops.add(dayId, new WorkshopDraft(afternoon1, 3, "Bright Mirror", null,
                org.rencontres.workshops.WritingTemplate.BRIGHT_MIRROR, 1, null));
        mobility = workshops.add(dayId, new WorkshopDraft(afternoon2, 4, "Mobilité", null, null, null, null));
        String email = "periodes." + n + "@cnfpt.fr";
        accounts.create(new NewAccount(email, "Paule Périodes", Role.ORGANISER, unit, PASSWORD));
        organiser = new WebSession(port);
        organiser.signIn(email, PASSWORD);
        visitor = new WebSession(port);
    }

    @AfterEach
    void unpublish() {
        days.changeStatus(dayId, DayStatus.DRAFT);
    }

    private String form() {
        return "/journees/" + slug + "/inscription";
    }

    private String email(String surname) {
        return surname.toLowerCase() + n + "@periodes.test";
    }

    private Map<String, String> request(String surname, String morning1, String morning2, String afternoon1,
                                        String afternoon2) {
        Map<String, String> fields = new LinkedHashMap<>(AgentLinks.requestForm(surname, "Dominique", email(surname)));
        fields.put("atelier1-1", morning1);
        fields.put("atelier1-2", morning2);
        fields.put("atelier2-1", afternoon1);
        fields.put("atelier2-2", afternoon2);
        return fields;
    }

    private long register(String surname, long morning1, long morning2, long afternoon1, long afternoon2)
            throws Exception {
        HttpResponse<String> sent = visitor.submit(form(), form(), request(surname, String.valueOf(morning1),
                String.valueOf(morning2), String.valueOf(afternoon1), String.valueOf(afternoon2)));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
        return registrations.ofDay(dayId).stream().filter(r -> r.email().equals(email(surname))).findFirst()
                .orElseThrow().id();
    }

    private String space(String surname) {
        return AgentLinks.space(jdbc, email(surname));
    }

    private String base() {
        return "/admin/journees/" + slug + "/ateliers/repartition";
    }

    @Test
    void parallel_slots_make_one_period_and_each_period_is_ranked_and_given_on_its_own() throws Exception {
        List<WorkshopSlot> periods = workshops.slotsOfDay(dayId);
        assertThat(periods).hasSize(2);
        assertThat(periods.get(0).workshops()).extracting(w -> w.id()).containsExactly(morningA, morningB);
        assertThat(periods.get(1).workshops()).extracting(w -> w.id()).containsExactly(mirror, mobility);
        assertThat(periods.get(1).slotIds()).hasSize(2);
        assertThat(periods.get(1).title()).isEqualTo("Ateliers participatifs");

        // The form: one group per period, named by its hours, each with its own workshops only.
        Document page = visitor.page(form());
        assertThat(page.select("fieldset.workshop-slot legend").eachText())
                .containsExactly("État de l'art en petits groupes (de 9h30 à 12h)",
                        "Ateliers participatifs (de 14h30 à 16h)");
        assertThat(page.select("select#atelier1-1 option").eachAttr("value"))
                .containsExactly("", String.valueOf(morningA), String.valueOf(morningB));
        assertThat(page.select("select#atelier2-2 option").eachAttr("value"))
                .containsExactly("", String.valueOf(mirror), String.valueOf(mobility));
        assertThat(page.select("select#atelier1-3")).isEmpty();
        HtmlChecker.assertValid("workshop-periods", Map.of("request form", page.outerHtml()));

        // An afternoon workshop chosen in the morning, or no afternoon choice: refused, nothing recorded.
        HttpResponse<String> wrong = visitor.submit(form(), form(), request("Faux", String.valueOf(mirror),
                String.valueOf(morningB), "", ""));
        assertThat(wrong.statusCode()).isNotEqualTo(302);
        Document refused = Jsoup.parse(wrong.body());
        assertThat(refused.select("#atelier1-1-erreur").text()).startsWith("Cet atelier n'existe pas");
        assertThat(refused.select("#atelier2-1-erreur").text()).startsWith("Choisissez au moins un atelier");
        // What was typed right is shown again.
        assertThat(refused.select("#atelier1-2 option[selected]").attr("value")).isEqualTo(String.valueOf(morningB));
        assertThat(registrations.ofDay(dayId)).isEmpty();

        // On confirmation each gets, per period, the best choice with a seat left (capacity 1 for A and the mirror).
        long first = register("Premier", morningA, morningB, mirror, mobility);
        long second = register("Second", morningA, morningB, mirror, mobility);
        assertThat(registrations.workshopChoices(first)).containsExactly(morningA, morningB, mirror, mobility);
        AgentLinks.confirm(registrations, first);
        AgentLinks.confirm(registrations, second);
        assertThat(registrations.find(first).orElseThrow().workshopIds()).containsExactlyInAnyOrder(morningA, mirror);
        assertThat(registrations.find(second).orElseThrow().workshopIds()).containsExactlyInAnyOrder(morningB, mobility);

        // The space shows both, with their hours, and links to both workshops' shared documents.
        Document space = visitor.page(space("Premier"));
        assertThat(space.select("#mon-atelier").text()).isEqualTo("Vos ateliers :");
        assertThat(space.select("#mes-ateliers li").eachText()).containsExactly(
                "9h30 – 12h : 1. Coopération décentralisée", "14h30 – 16h : 3. Bright Mirror");
        assertThat(space.select("a[href^=/ecriture/participant/]")).hasSize(2);
        HtmlChecker.assertValid("workshop-periods", Map.of("space", space.outerHtml()));
        // The second's two workshops are « sans écriture collective »: no shared document to link to.
        assertThat(visitor.page(space("Second")).select("a[href^=/ecriture/participant/]")).isEmpty();

        // The choices, period by period.
        assertThat(space.select("#choix-periode-1").text()).isEqualTo("9h30 – 12h : État de l'art en petits groupes");
        assertThat(space.select("#mes-choix li").eachText())
                .containsExactly("Atelier n° 1 : Coopération décentralisée", "Atelier n° 2 : Éducation à la citoyenneté");
        assertThat(space.select("#mes-choix-2 li").eachText())
                .containsExactly("Atelier n° 3 : Bright Mirror", "Atelier n° 4 : Mobilité");

        // Ranking again from the space keeps the periods apart too.
        String ranking = space("Second") + "/ateliers";
        Document rankingPage = visitor.page(ranking);
        assertThat(rankingPage.select("#atelier2-1 option[selected]").attr("value")).isEqualTo(String.valueOf(mirror));
        HttpResponse<String> swapped = visitor.submit(ranking, ranking, Map.of("atelier1-1", String.valueOf(morningB),
                "atelier1-2", "", "atelier2-1", String.valueOf(mobility), "atelier2-2", String.valueOf(mirror)));
        assertThat(swapped.statusCode()).isEqualTo(200);
        assertThat(registrations.workshopChoices(second)).containsExactly(morningB, mobility, mirror);
    }

    @Test
    void the_allocation_is_computed_adjusted_and_published_period_by_period() throws Exception {
        long one = register("Alpha", morningA, morningB, mirror, mobility);
        long two = register("Bravo", morningA, morningB, mobility, mirror);
        long three = register("Charlie", morningB, morningA, mirror, mobility);
        for (long id : List.of(one, two, three)) {
            AgentLinks.confirm(registrations, id);
        }
        assertThat(organiser.submit(base() + "/calcul", base() + "/calcul", Map.of()).statusCode()).isEqualTo(302);

        // Two sections, each with its profile, its loads and its participants.
        Document draft = organiser.page(base());
        assertThat(draft.select("section.allocation-slot h2").eachText()).containsExactly(
                "État de l'art en petits groupes (de 9h30 à 12h)", "Ateliers participatifs (de 14h30 à 16h)");
        // Morning: A has one seat, wanted first by Alpha and Bravo; Charlie wants B first.
        assertThat(draft.select("#profil span").text()).isEqualTo("2 ont leur premier choix, 1 son deuxième.");
        // Afternoon: the mirror has one seat, wanted first by Alpha and Charlie; Bravo wants the mobility first.
        assertThat(draft.select("#profil-2 span").text()).isEqualTo("2 ont leur premier choix, 1 son deuxième.");
        assertThat(draft.select("#participants tbody tr")).hasSize(3);
        assertThat(draft.select("#participants-2 tbody tr")).hasSize(3);
        assertThat(draft.select("#participant-" + two + "-2 .given").text()).isEqualTo("4. Mobilité");
        assertThat(draft.select("#atelier-" + two + "-2 option").eachAttr("value"))
                .containsExactly(String.valueOf(mirror), String.valueOf(mobility));
        HtmlChecker.assertValid("workshop-periods", Map.of("allocation", draft.outerHtml()));

        // Moving Bravo into the mirror changes the afternoon only.
        String morningBefore = draft.select("#participant-" + two + " .given").text();
        HttpResponse<String> moved = organiser.submit(base(), base() + "/deplacement",
                Map.of("inscription", String.valueOf(two), "atelier", String.valueOf(mirror)));
        assertThat(moved.statusCode()).isEqualTo(302);
        assertThat(moved.headers().firstValue("Location").orElseThrow()).endsWith("#participant-" + two + "-2");
        Document after = organiser.page(base());
        assertThat(after.select("#participant-" + two + "-2 .given").text()).isEqualTo("3. Bright Mirror");
        assertThat(after.select("#participant-" + two + " .given").text()).isEqualTo(morningBefore);
        assertThat(after.select("#charge-" + mirror + " td").get(1).text()).contains("2 / 1");

        HttpResponse<String> published = organiser.submit(base() + "/publication", base() + "/publication",
                Map.of("depassement", "oui"));
        assertThat(published.statusCode()).isEqualTo(302);
        assertThat(organiser.page(base()).select("[role=status]").text())
                .isEqualTo("La répartition est publiée : 3 participants voient leur atelier.");
        for (long id : List.of(one, two, three)) {
            Registration r = registrations.find(id).orElseThrow();
            assertThat(r.workshopIds()).hasSize(2);
            assertThat(r.workshopIds()).containsAnyOf(morningA, morningB).containsAnyOf(mirror, mobility);
        }
        assertThat(registrations.find(two).orElseThrow().workshopIds()).contains(mirror);
        assertThat(registrations.find(three).orElseThrow().workshopIds()).contains(morningB);
        // One e-mail per agent, whatever the number of periods.
        assertThat(new QueuedMails(jdbc).to(email("Bravo"), "Votre atelier")).hasSize(1);

        HttpResponse<byte[]> pdf = visitor.getBytes(space("Bravo") + "/convocation.pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("VOS ATELIERS", "14h30 – 16h : 3. Bright Mirror");
        }
    }

    @Test
    void a_draft_made_before_the_periods_changed_must_be_computed_again() throws Exception {
        long one = register("Delta", morningA, morningB, mirror, mobility);
        long two = register("Echo", morningB, morningA, mobility, mirror);
        AgentLinks.confirm(registrations, one);
        AgentLinks.confirm(registrations, two);
        assertThat(organiser.submit(base() + "/calcul", base() + "/calcul", Map.of()).statusCode()).isEqualTo(302);
        assertThat(organiser.page(base()).select("#perimee")).isEmpty();

        // The morning slot is moved to the afternoon in the programme editor: one period now, in which everyone has
        // two lines.
        String slotPage = "/admin/journees/" + slug + "/programme/creneaux/" + morningSlot;
        FormElement slotForm = (FormElement) organiser.page(slotPage).selectFirst("form[action=" + slotPage + "]");
        assertThat(slotForm).as("the slot's form in the programme editor").isNotNull();
        Map<String, String> slotFields = new LinkedHashMap<>();
        slotForm.formData().forEach(field -> slotFields.put(field.key(), field.value()));
        slotFields.remove("_csrf");
        slotFields.put("debut", "14h30");
        slotFields.put("fin", "16h");
        assertThat(organiser.submit(slotPage, slotPage, slotFields).statusCode()).isEqualTo(302);
        assertThat(workshops.slotsOfDay(dayId)).hasSize(1);
        Document stale = organiser.page(base());
        assertThat(stale.select("#perimee").text()).startsWith("Les temps d'ateliers ont changé depuis le calcul");
        // Both were given a morning and an afternoon workshop on confirmation: now two in the one period.
        assertThat(stale.select("#doubles").text()).startsWith("2 personnes ont deux ateliers dans un même temps")
                .contains("Dominique Delta", "Dominique Echo");
        HtmlChecker.assertValid("workshop-periods-stale", Map.of("stale allocation", stale.outerHtml()));
        assertThat(stale.select("form.allocation-move")).isEmpty();
        assertThat(stale.select("a[href$=/publication]")).isEmpty();
        HttpResponse<String> publish = organiser.submit(base() + "/publication", base() + "/publication",
                Map.of("depassement", "oui"));
        assertThat(publish.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(publish.body()).select("#erreur").text())
                .startsWith("La répartition ne correspond plus aux temps d'ateliers");
        HttpResponse<String> move = organiser.submit(base(), base() + "/deplacement",
                Map.of("inscription", String.valueOf(one), "atelier", String.valueOf(morningB)));
        assertThat(move.statusCode()).isEqualTo(422);
        assertThat(registrations.find(one).orElseThrow().workshopIds()).hasSize(2);

        // Computed again: one line per person in the one period, and it publishes: one workshop each.
        assertThat(organiser.submit(base() + "/calcul", base() + "/calcul", Map.of()).statusCode()).isEqualTo(302);
        Document fresh = organiser.page(base());
        assertThat(fresh.select("#perimee")).isEmpty();
        assertThat(fresh.select("section.allocation-slot")).hasSize(1);
        assertThat(fresh.select("#participants tbody tr")).hasSize(2);
        assertThat(organiser.submit(base() + "/publication", base() + "/publication", Map.of("depassement", "oui"))
                .statusCode()).isEqualTo(302);
        for (long id : List.of(one, two)) {
            assertThat(registrations.find(id).orElseThrow().workshopIds()).hasSize(1);
        }
        assertThat(organiser.page(base()).select("#doubles")).isEmpty();
    }

    @Test
    void a_period_with_a_single_workshop_asks_no_choice_and_gives_it() throws Exception {
        long evening = programmes.addSlot(dayId, new SlotDraft(days.days(dayId).orElseThrow().first().id(), LocalTime.of(16, 30), LocalTime.of(17, 0),
                SlotKind.WORKSHOP, null, "Restitution", null, null, false, false, List.of(), List.of()));
        long plenary = workshops.add(dayId, new WorkshopDraft(evening, 5, "Restitution commune", null, null, null, null));
        Document page = visitor.page(form());
        // Still two groups of choices: the third period has nothing to choose.
        assertThat(page.select("fieldset.workshop-slot")).hasSize(2);
        assertThat(page.select("select[id^=atelier3-]")).isEmpty();
        long id = register("Seul", morningA, morningB, mirror, mobility);
        AgentLinks.confirm(registrations, id);
        assertThat(registrations.find(id).orElseThrow().workshopIds()).containsExactlyInAnyOrder(morningA, mirror, plenary);

        assertThat(organiser.submit(base() + "/calcul", base() + "/calcul", Map.of()).statusCode()).isEqualTo(302);
        Document draft = organiser.page(base());
        assertThat(draft.select("section.allocation-slot")).hasSize(3);
        // Everyone's single workshop counts as their first choice there.
        assertThat(draft.select("#profil-3 span").text()).isEqualTo("1 a son premier choix.");
    }

    @Test
    void a_day_whose_periods_each_hold_one_workshop_asks_nothing_and_gives_them() throws Exception {
        workshops.delete(dayId, morningB);
        workshops.delete(dayId, mobility);
        Document page = visitor.page(form());
        assertThat(page.select("select[id^=atelier]")).isEmpty();
        HttpResponse<String> sent = visitor.submit(form(), form(), request("Unique", "", "", "", ""));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
        long id = registrations.ofDay(dayId).get(0).id();
        AgentLinks.confirm(registrations, id);
        assertThat(registrations.find(id).orElseThrow().workshopIds()).containsExactlyInAnyOrder(morningA, mirror);

        Document space = visitor.page(space("Unique"));
        assertThat(space.select("#mes-ateliers li")).hasSize(2);
        assertThat(space.select("a[href$=/ateliers]")).isEmpty();
        // The ranking page, reached anyway, says there is nothing to choose (and so does a post to it).
        Document ranking = visitor.page(space("Unique") + "/ateliers");
        assertThat(ranking.select("[role=status]").text()).startsWith("Il n'y a pas d'atelier à choisir");
        // The request form's token is its own cookie's (no session); the agent's space takes the session's.
        HttpResponse<String> posted = visitor.submit("/connexion", space("Unique") + "/ateliers",
                Map.of("atelier1-1", String.valueOf(morningA)));
        assertThat(posted.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(posted.body()).select("[role=status]").text()).startsWith("Il n'y a pas d'atelier à choisir");
        assertThat(registrations.workshopChoices(id)).isEmpty();
    }

    @Test
    void with_one_period_to_choose_in_and_another_with_one_workshop_the_choices_still_name_their_hours()
            throws Exception {
        workshops.delete(dayId, morningB);
        Document page = visitor.page(form());
        assertThat(page.select("fieldset.workshop-slot legend").eachText())
                .containsExactly("Ateliers participatifs (de 14h30 à 16h)");
        assertThat(page.select("select#atelier2-1")).hasSize(1);
        HtmlChecker.assertValid("workshop-periods-mixed", Map.of("request form", page.outerHtml()));
        long id = register("Mixte", morningA, morningA, mirror, mobility);
        assertThat(registrations.workshopChoices(id)).containsExactly(mirror, mobility);
        AgentLinks.confirm(registrations, id);
        assertThat(registrations.find(id).orElseThrow().workshopIds()).containsExactlyInAnyOrder(morningA, mirror);
        Document space = visitor.page(space("Mixte"));
        // A numbered list (the rank) whose items do not start with a number too ("1. 1.").
        assertThat(space.select("ol#mes-choix li").eachText()).containsExactly("Atelier n° 3 : Bright Mirror", "Atelier n° 4 : Mobilité");
        assertThat(space.select("#choix-periode-1").text()).isEqualTo("14h30 – 16h : Ateliers participatifs");
    }
}
