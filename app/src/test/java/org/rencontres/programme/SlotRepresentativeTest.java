package org.rencontres.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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
import org.rencontres.directory.NewPerson;
import org.rencontres.directory.Person;
import org.rencontres.event.DayDraft;
import org.rencontres.event.SessionDayDraft;
import org.rencontres.event.DayStatus;
import org.rencontres.event.Days;
import org.rencontres.event.SessionCode;
import org.rencontres.security.Accounts;
import org.rencontres.security.NewAccount;
import org.rencontres.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 15, point 7: what the programme prints after a person's name when they may send someone in
 * their place is the organiser's own text (« ou sa représentante »), from the editor to the public
 * page and the brochure, as written and escaped; blank prints nothing; too long is refused on its
 * field; a new edition keeps it. Each test works on a day of its own, never on the demo day.
 */
@RencontresIntegrationTest
class SlotRepresentativeTest {

    private static final String PASSWORD = "correct horse battery";
    private static final AtomicInteger DAYS = new AtomicInteger();
    /** 80 characters, the most the programme allows. */
    private static final String LONGEST = "ou son représentant désigné par le président du conseil départemental de l'Aisne";

    @LocalServerPort int port;
    @Autowired Days days;
    @Autowired Accounts accounts;
    @Autowired AuditTrail audit;
    @Autowired Programmes programmes;
    @Autowired Directory directory;
    @Autowired JdbcClient jdbc;

    private String slug;
    private long dayId;
    private WebSession organiser;
    private String slotPath;
    private Person speaker;

    @BeforeEach
    void aDayWithASlotAndItsOrganiser() throws Exception {
        int n = DAYS.incrementAndGet();
        String unit = "INSET du représentant " + n + " " + System.nanoTime();
        SessionCode code = new SessionCode("ZREP " + n + " " + System.nanoTime() % 100_000);
        slug = code.slug();
        dayId = days.create(new DayDraft(code, "Journée du représentant " + n, null, null, List.of(new SessionDayDraft(LocalDate.of(2031, 6, 12), LocalTime.of(9, 0), LocalTime.of(17, 0))), "Une journée de test.", null, null, null, false, null, unit,
                null, List.of(), List.of(), List.of()));
        days.changeStatus(dayId, DayStatus.PUBLISHED);
        String email = "representant." + n + "." + System.nanoTime() + "@cnfpt.fr";
        accounts.create(new NewAccount(email, "Claire Représentation", Role.ORGANISER, unit, PASSWORD));
        organiser = new WebSession(port);
        organiser.signIn(email, PASSWORD);

        String editor = "/admin/journees/" + slug + "/programme";
        Map<String, String> slot = new LinkedHashMap<>();
        slot.put("debut", "10h");
        slot.put("fin", "10h15");
        slot.put("nature", "SPEECH");
        slot.put("titre", "Allocutions d'ouverture");
        HttpResponse<String> added = organiser.submit(editor, editor + "/creneaux", slot);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(302);
        slotPath = editor + "/creneaux/" + WebSession.location(added).replaceFirst(".*#creneau-", "");
        speaker = directory.addPerson(new NewPerson("Camille", "Maire-Test", "maire de Testville", null, null, null));
    }

    private HttpResponse<String> attach(Person person, String representative) throws Exception {
        return organiser.submit(slotPath, slotPath + "/personnes", Map.of("personne", String.valueOf(person.id()),
                "role", "SPEAKER", "presentation", "", "representant", representative));
    }

    private List<String> stored() {
        return jdbc.sql("""
                SELECT coalesce(p.representative_text, '(null)') FROM programme_slot_person p
                JOIN programme_slot s ON s.id = p.slot_id WHERE s.event_day_id = ? ORDER BY p.position""")
                .param(dayId).query(String.class).list();
    }

    private String brochureText(String daySlug) throws Exception {
        HttpResponse<byte[]> pdf = new WebSession(port).getBytes("/journees/" + daySlug + "/plaquette.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    private static String spaced(String text) {
        return text.replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    @Test
    void the_organisers_words_are_saved_and_printed_as_written_on_the_day_page_and_the_brochure() throws Exception {
        Document form = organiser.page(slotPath);
        assertThat(form.select("label[for=representant]").text()).isEqualTo("Mention après le nom");
        assertThat(form.select("#representant").attr("list")).isEqualTo("representant-formules");
        assertThat(form.select("#representant").attr("aria-describedby")).isEqualTo("representant-aide");
        assertThat(spaced(form.select("#representant-aide").text())).contains("« ou sa représentante »");
        assertThat(form.select("#representant-formules option").eachAttr("value")).containsExactly(
                "ou son représentant", "ou sa représentante", "ou son représentant désigné", "ou son adjoint·e");
        assertThat(form.select("#nouveauRepresentant-formules option")).hasSize(4);

        // Spaces around are dropped; the text itself is kept as typed.
        assertThat(WebSession.location(attach(speaker, "  ou sa représentante \n"))).isEqualTo(slotPath);
        // A text that looks like markup is printed as text.
        HttpResponse<String> created = organiser.submit(slotPath, slotPath + "/personnes/nouvelle", Map.of(
                "prenom", "Alix", "nom", "Adjoint-Test", "fonction", "", "organisation", "",
                "nouveauRole", "SPEAKER", "nouveauRepresentant", "ou son « adjoint·e » <i>par intérim</i>"));
        assertThat(WebSession.location(created)).isEqualTo(slotPath);

        assertThat(stored()).containsExactly("ou sa représentante", "ou son « adjoint·e » <i>par intérim</i>");
        assertThat(programmes.programmeOf(dayId).slots().get(0).people()).extracting(SlotPerson::representative)
                .containsExactly("ou sa représentante", "ou son « adjoint·e » <i>par intérim</i>");
        assertThat(audit.of(dayId)).filteredOn(e -> e.action().equals("slot.person.added")).extracting(AuditEntry::details)
                .containsExactlyInAnyOrder(
                        "Camille Maire-Test (Intervention, « ou sa représentante ») ajouté(e) au créneau « Allocutions d'ouverture »",
                        "Alix Adjoint-Test (Intervention, « ou son « adjoint·e » <i>par intérim</i> ») ajouté(e) au créneau « Allocutions d'ouverture »");
        assertThat(organiser.page(slotPath).select(".editor-people .representative").eachText())
                .containsExactly("ou sa représentante", "ou son « adjoint·e » <i>par intérim</i>");

        HttpResponse<String> publicPage = new WebSession(port).get("/journees/" + slug);
        Document page = Jsoup.parse(publicPage.body());
        assertThat(page.select(".timeline .people .representative").eachText())
                .containsExactly("ou sa représentante", "ou son « adjoint·e » <i>par intérim</i>");
        assertThat(page.select(".timeline .people i")).isEmpty();
        assertThat(publicPage.body()).contains("&lt;i&gt;par intérim&lt;/i&gt;");
        assertThat(page.select(".timeline .people li").first().text())
                .isEqualTo("Camille Maire-Test, maire de Testville ou sa représentante");
        // The programme prints in French, whatever the visitor's language: the organiser's words are shown as they are.
        WebSession english = new WebSession(port);
        assertThat(Jsoup.parse(english.get("/journees/" + slug + "?lang=en").body())
                .select(".timeline .people .representative").eachText()).contains("ou sa représentante");

        String brochure = brochureText(slug);
        // (PDFBox reads the comma after the bold name out of order: only what follows the presentation is compared.)
        assertThat(brochure).contains("maire de Testville ou sa représentante",
                "ADJOINT-TEST ou son « adjoint·e » <i>par intérim</i>");
        assertThat(brochure).doesNotContain("ou son représentant");
    }

    @Test
    void a_blank_text_prints_nothing() throws Exception {
        assertThat(WebSession.location(attach(speaker, " \t "))).isEqualTo(slotPath);
        HttpResponse<String> created = organiser.submit(slotPath, slotPath + "/personnes/nouvelle", Map.of(
                "prenom", "Sans", "nom", "Mention-Test", "fonction", "", "organisation", "",
                "nouveauRole", "MODERATOR"));
        assertThat(WebSession.location(created)).isEqualTo(slotPath);

        assertThat(stored()).containsExactly("(null)", "(null)");
        assertThat(audit.of(dayId)).filteredOn(e -> e.action().equals("slot.person.added")).extracting(AuditEntry::details)
                .allSatisfy(details -> assertThat(details).doesNotContain("«  »", "(vide)", "représentant"));
        Document page = Jsoup.parse(new WebSession(port).get("/journees/" + slug).body());
        assertThat(page.select(".timeline .people li")).hasSize(2);
        assertThat(page.select(".timeline .people .representative")).isEmpty();
        assertThat(page.select(".timeline .people li").first().text()).isEqualTo("Camille Maire-Test, maire de Testville");
        assertThat(organiser.page(slotPath).select(".editor-people .representative")).isEmpty();
        assertThat(brochureText(slug)).contains("MAIRE-TEST", "maire de Testville").doesNotContain("Testville ou");
    }

    @Test
    void a_text_too_long_is_refused_on_its_field_and_nothing_is_saved() throws Exception {
        HttpResponse<String> refused = attach(speaker, LONGEST + "s");
        assertThat(refused.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(refused.body());
        assertThat(spaced(page.select("#representant-erreur").text()))
                .isEqualTo("La mention après le nom doit tenir en 80 caractères au plus ; elle en compte 81.");
        assertThat(page.select("#representant").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.select("#representant").attr("aria-describedby")).isEqualTo("representant-aide representant-erreur");
        assertThat(page.select("#representant").attr("value")).isEqualTo(LONGEST + "s");
        assertThat(page.select(".error-summary a[href=#representant]")).hasSize(1);

        Map<String, String> newPerson = new LinkedHashMap<>(Map.of("prenom", "Trop", "nom", "Long-Test",
                "fonction", "", "organisation", "", "nouveauRole", "SPEAKER", "nouveauRepresentant", LONGEST + " et plus"));
        HttpResponse<String> refusedNew = organiser.submit(slotPath, slotPath + "/personnes/nouvelle", newPerson);
        Document newPage = Jsoup.parse(refusedNew.body());
        assertThat(spaced(newPage.select("#nouveauRepresentant-erreur").text())).endsWith("elle en compte 88.");
        assertThat(newPage.select("#prenom").attr("value")).isEqualTo("Trop");

        assertThat(stored()).isEmpty();
        assertThat(directory.peopleByName()).noneMatch(p -> p.familyName().equals("Long-Test"));
        assertThat(audit.of(dayId)).extracting(AuditEntry::action).containsExactly("slot.added");

        HtmlChecker.assertValid("programme-representative", Map.of(
                "slot", organiser.get(slotPath).body(), "representative too long", refused.body(),
                "new person's representative too long", refusedNew.body()));

        // Exactly 80 characters (counted as the database counts them) is accepted.
        assertThat(WebSession.location(attach(speaker, LONGEST))).isEqualTo(slotPath);
        assertThat(stored()).containsExactly(LONGEST);
    }

    @Test
    void a_new_edition_keeps_the_organisers_words() throws Exception {
        attach(speaker, "ou son représentant désigné");
        String copyCode = "ZREPC " + System.nanoTime() % 1_000_000;
        String duplicate = "/admin/journees/" + slug + "/dupliquer";
        HttpResponse<String> done = organiser.submit(duplicate, duplicate, Map.of("code", copyCode, "date", "2032-06-10"));
        String copySlug = copyCode.replace(" ", "");
        assertThat(WebSession.location(done)).isEqualTo("/admin/journees/" + copySlug);

        long copyId = days.find(copySlug).orElseThrow().id();
        assertThat(programmes.programmeOf(copyId).slots().get(0).people())
                .extracting(SlotPerson::familyName, SlotPerson::representative)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Maire-Test", "ou son représentant désigné"));
    }

    @Test
    void the_programmes_own_api_stores_the_text_trimmed_and_refuses_it_too_long() {
        assertThat(new SlotPersonDraft(speaker.id(), SlotRole.SPEAKER, null, null, "\u00a0ou sa représentante ")
                .representative()).isEqualTo("ou sa représentante");
        assertThat(new SlotPersonDraft(speaker.id(), SlotRole.SPEAKER, null, null, "  ").representative()).isNull();
        assertThatThrownBy(() -> new SlotPersonDraft(speaker.id(), SlotRole.SPEAKER, null, null, LONGEST + "s"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
