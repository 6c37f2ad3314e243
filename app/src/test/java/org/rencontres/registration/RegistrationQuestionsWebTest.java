package org.rencontres.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rencontres.HtmlChecker;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.WebSession;
import org.rencontres.event.DayDraft;
import org.rencontres.event.DayStatus;
import org.rencontres.event.Days;
import org.rencontres.event.SessionCode;
import org.rencontres.event.SessionDayDraft;
import org.rencontres.registration.questions.Question;
import org.rencontres.registration.questions.QuestionKind;
import org.rencontres.registration.questions.Questions;
import org.rencontres.security.Accounts;
import org.rencontres.security.NewAccount;
import org.rencontres.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The organiser's questions of a session (issue 16, point 5) over real HTTP on the real database: the
 * back-office page adds each kind, refuses a bad question, reorders, changes, and removes (asking first
 * when answers exist); the public form asks them, refuses wrong answers with a French message tied to
 * the field and records right ones; the paper path and the printable form ask them too; the request's
 * page shows the answers, the workshops and the networking opt-in.
 */
@RencontresIntegrationTest
class RegistrationQuestionsWebTest {

    private static final String PASSWORD = "correct horse battery";

    @LocalServerPort int port;
    @Autowired Days days;
    @Autowired Registrations registrations;
    @Autowired Questions questions;
    @Autowired Accounts accounts;

    private String slug;
    private long dayId;
    private long n;
    private WebSession organiser;
    private WebSession visitor;

    @BeforeEach
    void aPublishedSessionAndItsOrganiser() throws Exception {
        n = System.nanoTime() % 100_000_000;
        String unit = "INSET des questions " + n;
        slug = new SessionCode("ZRQW " + n).slug();
        dayId = days.create(new DayDraft(new SessionCode("ZRQW " + n), "Journée des questions", null, null,
                List.of(new SessionDayDraft(LocalDate.of(2031, 6, 12), LocalTime.of(9, 0), LocalTime.of(17, 0))),
                "Une journée de test.", null, null, null, false, null, unit, null, List.of(), List.of(), List.of()));
        days.changeStatus(dayId, DayStatus.PUBLISHED);
        String email = "questions." + n + "@cnfpt.fr";
        accounts.create(new NewAccount(email, "Quentin Questions", Role.ORGANISER, unit, PASSWORD));
        organiser = new WebSession(port);
        organiser.signIn(email, PASSWORD);
        visitor = new WebSession(port);
    }

    private String page() {
        return "/admin/journees/" + slug + "/questions";
    }

    private String form() {
        return "/journees/" + slug + "/inscription";
    }

    private HttpResponse<String> add(String type, String label, String help, boolean required, String choices)
            throws Exception {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("type", type);
        f.put("libelle", label);
        f.put("aide", help);
        f.put("choix", choices);
        if (required) {
            f.put("obligatoire", "oui");
        }
        return organiser.submit(page(), page(), f);
    }

    /** The five kinds, added through the page, in this order. */
    private List<Question> fiveQuestions() throws Exception {
        assertThat(add("SHORT_TEXT", "Votre collectivité a-t-elle un jumelage ?", "Nom de la ville jumelle", false, "")
                .statusCode()).isEqualTo(302);
        assertThat(add("LONG_TEXT", "Vos attentes pour la journée", "", true, "").statusCode()).isEqualTo(302);
        assertThat(add("SINGLE_CHOICE", "Votre ancienneté dans le poste", "", true, "Moins d'un an\nUn à cinq ans\nPlus de cinq ans")
                .statusCode()).isEqualTo(302);
        assertThat(add("MULTIPLE_CHOICE", "Thèmes qui vous intéressent", "", false, "Europe\nAfrique\n\nAsie\nEurope")
                .statusCode()).isEqualTo(302);
        assertThat(add("YES_NO", "Avez-vous déjà participé à une journée d'actualité ?", "", true, "ignoré")
                .statusCode()).isEqualTo(302);
        return questions.ofDay(dayId);
    }

    private Map<String, String> agent(String email) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("nom", "Quenot");
        f.put("prenom", "Inès");
        f.put("courriel", email);
        f.put("telephone", "01 60 79 74 00");
        f.put("fonction", "Chargée de mission");
        f.put("employeur", "Commune de Question-sur-Test");
        f.put("responsable", "");
        f.put("repas", "");
        f.put("accessibilite", "");
        f.put("consentement", "oui");
        f.put("siteWeb", "");
        return f;
    }

    /** Posts the form with several values under one name (the check boxes of a multiple choice). */
    private HttpResponse<String> post(WebSession session, String formPage, String action, List<Map.Entry<String, String>> fields)
            throws Exception {
        List<Map.Entry<String, String>> all = new ArrayList<>(fields);
        all.add(Map.entry("_csrf", session.page(formPage).select("input[name=_csrf]").attr("value")));
        String body = all.stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return session.request("POST", action, body, Duration.ofSeconds(60));
    }

    @Test
    void the_organiser_adds_each_kind_of_question_reorders_changes_and_refuses_a_bad_one() throws Exception {
        String empty = organiser.get(page()).body();
        assertThat(Jsoup.parse(empty).select("#aucune-question").text()).startsWith("Aucune question");
        List<Question> asked = fiveQuestions();
        assertThat(asked).extracting(Question::kind).containsExactly(QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT,
                QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE, QuestionKind.YES_NO);
        assertThat(asked).extracting(Question::required).containsExactly(false, true, true, false, true);
        assertThat(asked.get(0).help()).isEqualTo("Nom de la ville jumelle");
        assertThat(asked.get(1).help()).isNull();
        // Blank lines and repeats left out; a yes/no question keeps its own two answers.
        assertThat(asked.get(3).choices()).containsExactly("Europe", "Afrique", "Asie");
        assertThat(asked.get(4).choices()).containsExactly("oui", "non");

        // A choice with one choice, a question without text, an unknown kind: refused, each under its field.
        HttpResponse<String> bad = add("SINGLE_CHOICE", " ", "", false, "Seul choix");
        assertThat(bad.statusCode()).isEqualTo(200);
        Document badPage = Jsoup.parse(bad.body());
        assertThat(badPage.select("#libelle-erreur").text()).isEqualTo("Écrivez la question.");
        assertThat(badPage.select("#choix-erreur").text()).isEqualTo("Écrivez au moins deux choix, un par ligne.");
        assertThat(badPage.select("#choix").attr("aria-describedby")).contains("choix-erreur");
        assertThat(add("SUDOKU", "Question", "", false, "").statusCode()).isEqualTo(200);
        assertThat(questions.ofDay(dayId)).hasSize(5);

        // The yes/no question goes up one place; the first cannot go further up.
        long yesNo = asked.get(4).id();
        assertThat(organiser.submit(page(), page() + "/" + yesNo + "/monter", Map.of()).statusCode()).isEqualTo(302);
        assertThat(organiser.submit(page(), page() + "/" + asked.get(0).id() + "/monter", Map.of()).statusCode()).isEqualTo(302);
        assertThat(questions.ofDay(dayId)).extracting(Question::id).containsExactly(asked.get(0).id(), asked.get(1).id(),
                asked.get(2).id(), yesNo, asked.get(3).id());
        Document list = organiser.page(page());
        assertThat(list.select("li.question .question-label").eachText()).containsExactly(
                "Votre collectivité a-t-elle un jumelage ?", "Vos attentes pour la journée", "Votre ancienneté dans le poste",
                "Avez-vous déjà participé à une journée d'actualité ?", "Thèmes qui vous intéressent");

        // Changed: now optional, with another label.
        String edit = page() + "/" + asked.get(1).id();
        HttpResponse<String> changed = organiser.submit(edit, edit, Map.of("type", "LONG_TEXT", "libelle",
                "Ce que vous attendez de la journée", "aide", "", "choix", ""));
        assertThat(changed.statusCode()).isEqualTo(302);
        Question after = questions.find(dayId, asked.get(1).id()).orElseThrow();
        assertThat(after.label()).isEqualTo("Ce que vous attendez de la journée");
        assertThat(after.required()).isFalse();
        // A question of another session is not found here.
        assertThat(organiser.get(page() + "/999999999").statusCode()).isEqualTo(404);

        HtmlChecker.assertValid("registration-questions-admin", Map.of("empty", empty, "list", organiser.get(page()).body(),
                "errors", bad.body(), "edit", organiser.get(edit).body()));
    }

    @Test
    void the_public_form_asks_the_questions_refuses_wrong_answers_and_records_right_ones() throws Exception {
        List<Question> asked = fiveQuestions();
        Question shortText = asked.get(0), longText = asked.get(1), single = asked.get(2), multiple = asked.get(3),
                yesNo = asked.get(4);
        String emptyForm = visitor.get(form()).body();
        Document blank = Jsoup.parse(emptyForm);
        assertThat(blank.select("input#" + shortText.field()).attr("type")).isEqualTo("text");
        assertThat(blank.select("input#" + shortText.field()).attr("aria-describedby")).isEqualTo(shortText.field() + "-aide");
        assertThat(blank.select("#" + shortText.field() + "-aide").text()).isEqualTo("Nom de la ville jumelle");
        assertThat(blank.select("textarea#" + longText.field()).hasAttr("required")).isTrue();
        assertThat(blank.select("input[type=radio][name=" + single.field() + "]").eachAttr("value"))
                .containsExactly("Moins d'un an", "Un à cinq ans", "Plus de cinq ans");
        assertThat(blank.select("input[type=checkbox][name=" + multiple.field() + "]").eachAttr("value"))
                .containsExactly("Europe", "Afrique", "Asie");
        assertThat(blank.select("input[type=radio][name=" + yesNo.field() + "]").eachAttr("value")).containsExactly("oui", "non");
        assertThat(blank.select("label[for=" + yesNo.field() + "]").text()).isEqualTo("Oui");

        // Required ones missing, a choice that is not in the list, a text too long: refused, nothing recorded.
        List<Map.Entry<String, String>> wrong = new ArrayList<>(agent("ines.quenot." + n + "@question.fr").entrySet());
        wrong.add(Map.entry(shortText.field(), "x".repeat(301)));
        wrong.add(Map.entry(single.field(), "Dix ans"));
        wrong.add(Map.entry(multiple.field(), "Europe"));
        wrong.add(Map.entry(multiple.field(), "Océanie"));
        HttpResponse<String> refused = post(visitor, form(), form(), wrong);
        assertThat(refused.statusCode()).isEqualTo(200);
        Document errors = Jsoup.parse(refused.body());
        assertThat(errors.select("#" + shortText.field() + "-erreur").text()).isEqualTo(
                "La réponse à la question « Votre collectivité a-t-elle un jumelage ? » est trop longue (300 caractères au plus).");
        assertThat(errors.select("#" + longText.field() + "-erreur").text())
                .isEqualTo("Répondez à la question « Vos attentes pour la journée ».");
        assertThat(errors.select("#" + single.field() + "-erreur").text())
                .isEqualTo("Choisissez une réponse de la liste pour la question « Votre ancienneté dans le poste ».");
        assertThat(errors.select("#" + multiple.field() + "-erreur").text())
                .isEqualTo("Choisissez une réponse de la liste pour la question « Thèmes qui vous intéressent ».");
        assertThat(errors.select("#" + yesNo.field() + "-erreur").text())
                .isEqualTo("Répondez à la question « Avez-vous déjà participé à une journée d'actualité ? ».");
        assertThat(errors.select("input#" + shortText.field()).attr("aria-describedby"))
                .isEqualTo(shortText.field() + "-aide " + shortText.field() + "-erreur");
        assertThat(errors.select("input#" + shortText.field()).attr("aria-invalid")).isEqualTo("true");
        assertThat(errors.select("#erreurs a[href=#" + single.field() + "]")).hasSize(1);
        // What was typed is shown again: the box ticked stays ticked.
        assertThat(errors.select("input[name=" + multiple.field() + "][checked]").eachAttr("value")).containsExactly("Europe");
        assertThat(registrations.ofDay(dayId)).isEmpty();

        // Right answers: recorded with the request, the check boxes in the order of the choices.
        List<Map.Entry<String, String>> right = new ArrayList<>(agent("ines.quenot." + n + "@question.fr").entrySet());
        right.add(Map.entry(shortText.field(), "  "));
        right.add(Map.entry(longText.field(), "Comprendre les nouveaux mandats"));
        right.add(Map.entry(single.field(), "Un à cinq ans"));
        right.add(Map.entry(multiple.field(), "Asie"));
        right.add(Map.entry(multiple.field(), "Europe"));
        right.add(Map.entry(yesNo.field(), "non"));
        HttpResponse<String> sent = post(visitor, form(), form(), right);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
        Registration r = registrations.ofDay(dayId).get(0);
        assertThat(questions.answersOf(r.id())).containsOnly(
                Map.entry(longText.id(), List.of("Comprendre les nouveaux mandats")),
                Map.entry(single.id(), List.of("Un à cinq ans")),
                Map.entry(multiple.id(), List.of("Europe", "Asie")),
                Map.entry(yesNo.id(), List.of("non")));

        // The request's page shows them, the unanswered one as such, and the networking opt-in.
        String detailPath = "/admin/journees/" + slug + "/inscriptions/" + r.id();
        Document detail = organiser.page(detailPath);
        assertThat(detail.select("#reponse-" + single.id()).text()).isEqualTo("Un à cinq ans");
        assertThat(detail.select("#reponse-" + multiple.id()).text()).isEqualTo("Europe, Asie");
        assertThat(detail.select("#reponse-" + shortText.id()).text()).isEqualTo("sans réponse");
        assertThat(detail.select("#champ-reseautage").text()).isEqualTo("ne souhaite pas participer");

        // Removing a question someone answered asks first, then removes it with its answers.
        String remove = page() + "/" + multiple.id() + "/suppression";
        HttpResponse<String> asking = organiser.submit(page(), remove, Map.of());
        assertThat(asking.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(asking.body()).select("#suppression-avertissement").text())
                .isEqualTo("Une personne a répondu à cette question : sa réponse sera supprimée avec elle.");
        assertThat(questions.find(dayId, multiple.id())).isPresent();
        assertThat(organiser.submit(page(), remove, Map.of("confirme", "oui")).statusCode()).isEqualTo(302);
        assertThat(questions.find(dayId, multiple.id())).isEmpty();
        assertThat(questions.answersOf(r.id())).doesNotContainKey(multiple.id()).containsKey(single.id());
        // One nobody answered goes at once.
        assertThat(organiser.submit(page(), page() + "/" + shortText.id() + "/suppression", Map.of()).statusCode())
                .isEqualTo(302);
        assertThat(questions.ofDay(dayId)).extracting(Question::position).containsExactly(1, 2, 3);

        HtmlChecker.assertValid("registration-questions-public", Map.of("form", emptyForm, "errors", refused.body(),
                "detail", organiser.get(detailPath).body(), "remove", asking.body()));
    }

    @Test
    void a_session_without_questions_has_the_form_of_before() throws Exception {
        Document blank = visitor.page(form());
        assertThat(blank.select("fieldset.questions")).isEmpty();
        assertThat(blank.select("[name^=question-]")).isEmpty();
        HttpResponse<String> sent = visitor.submit(form(), form(), agent("sans.questions." + n + "@question.fr"));
        assertThat(sent.statusCode()).isEqualTo(302);
        Registration r = registrations.ofDay(dayId).get(0);
        assertThat(questions.answersOf(r.id())).isEmpty();
        Document detail = organiser.page("/admin/journees/" + slug + "/inscriptions/" + r.id());
        assertThat(detail.select("[id^=reponse-]")).isEmpty();
        assertThat(detail.select("#champ-reseautage").text()).isEqualTo("ne souhaite pas participer");
    }

    @Test
    void the_paper_path_and_the_printable_form_ask_the_questions() throws Exception {
        List<Question> asked = fiveQuestions();
        Question longText = asked.get(1), single = asked.get(2), yesNo = asked.get(4);
        String paper = "/admin/journees/" + slug + "/inscriptions/papier";
        Document paperPage = organiser.page(paper);
        assertThat(paperPage.select("form[enctype=multipart/form-data] [name^=question-]").eachAttr("name")).contains(
                longText.field(), single.field(), yesNo.field());

        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("nom", "Papier");
        fields.put("prenom", "Émilie");
        fields.put("courriel", "emilie.papier." + n + "@question.fr");
        fields.put("telephone", "01 60 79 74 00");
        fields.put("fonction", "Juriste");
        fields.put("organisation", "");
        fields.put("employeur", "Commune de Papier-sur-Test");
        fields.put("responsable", "");
        fields.put("repas", "");
        fields.put("accessibilite", "");
        fields.put("recuLe", LocalDate.now(java.time.ZoneId.of("Europe/Paris")).minusDays(1).toString());
        fields.put(longText.field(), "Rencontrer des collègues");
        fields.put(single.field(), "Vingt ans");
        HttpResponse<String> refused = organiser.uploadForm(paper, paper, fields, "scan", "bulletin.pdf",
                "application/pdf", AdminFixtures.PDF);
        assertThat(refused.statusCode()).isEqualTo(200);
        Document errors = Jsoup.parse(refused.body());
        assertThat(errors.select("#" + single.field() + "-erreur").text())
                .isEqualTo("Choisissez une réponse de la liste pour la question « Votre ancienneté dans le poste ».");
        assertThat(errors.select("#" + yesNo.field() + "-erreur").text()).startsWith("Répondez à la question");
        // What was typed stays.
        assertThat(errors.select("textarea#" + longText.field()).text()).isEqualTo("Rencontrer des collègues");
        assertThat(registrations.ofDay(dayId)).isEmpty();

        fields.put(single.field(), "Plus de cinq ans");
        fields.put(yesNo.field(), "oui");
        HttpResponse<String> recorded = organiser.uploadForm(paper, paper, fields, "scan", "bulletin.pdf",
                "application/pdf", AdminFixtures.PDF);
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(302);
        Registration r = registrations.ofDay(dayId).get(0);
        assertThat(questions.answersOf(r.id())).containsOnly(Map.entry(longText.id(), List.of("Rencontrer des collègues")),
                Map.entry(single.id(), List.of("Plus de cinq ans")), Map.entry(yesNo.id(), List.of("oui")));
        Document detail = organiser.page(WebSession.location(recorded));
        assertThat(detail.select("#reponse-" + yesNo.id()).text()).isEqualTo("oui");

        // The printable form lists the questions and their choices; filled in, the answers.
        String blankPdf = RegistrationDocumentsTest.text(visitor.getBytes("/journees/" + slug + "/bulletin-inscription.pdf").body());
        assertThat(blankPdf).contains("QUESTIONS DE L'ORGANISATEUR", "Votre ancienneté dans le poste",
                "Moins d'un an / Un à cinq ans / Plus de cinq ans", "Oui / Non", "Nom de la ville jumelle");
        String filled = RegistrationDocumentsTest.text(organiser.getBytes(
                "/admin/journees/" + slug + "/inscriptions/" + r.id() + "/bulletin.pdf").body());
        assertThat(filled).contains("Plus de cinq ans", "Rencontrer des collègues").doesNotContain("Moins d'un an");

        HtmlChecker.assertValid("registration-questions-paper", Map.of("paper", organiser.get(paper).body(),
                "errors", refused.body()));
    }

    /** Fixtures shared with the other admin tests. */
    private static final class AdminFixtures {
        static final byte[] PDF = org.rencontres.TestFiles.pdf("Bulletin signe");
    }
}
