package org.rencontres.survey;

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
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rencontres.HtmlChecker;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.WebSession;
import org.rencontres.attendance.Attendances;
import org.rencontres.attendance.CheckIn;
import org.rencontres.attendance.HalfDay;
import org.rencontres.audit.AuditTrail;
import org.rencontres.event.DayDraft;
import org.rencontres.event.SessionDayDraft;
import org.rencontres.event.Days;
import org.rencontres.event.SessionCode;
import org.rencontres.notification.QueuedMails;
import org.rencontres.registration.AgentSpaces;
import org.rencontres.registration.Capacity;
import org.rencontres.registration.Registrations;
import org.rencontres.registration.RequestDraft;
import org.rencontres.security.Accounts;
import org.rencontres.security.NewAccount;
import org.rencontres.security.Role;
import org.rencontres.shared.FrenchTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The satisfaction survey over real HTTP: the organiser's questions (added, the usual set, ordered,
 * removed after confirmation, bad input refused), the agent's form reached from their space (one
 * response, a second refused, a missing scale refused with nothing stored, an unknown key a 404) and
 * the results (counts, means, SVG charts, response rate); before the day begins the form only says when
 * it opens and a post stores nothing. Each test has a day of its own, in 2016 (or 2099 for the survey
 * not open yet).
 */
@RencontresIntegrationTest
class SurveyWebTest {

    private static final String PASSWORD = "correct horse battery";

    @LocalServerPort int port;
    @Autowired Days days;
    @Autowired Registrations registrations;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired SurveyInvitations invitations;
    @Autowired AuditTrail audit;
    @Autowired Attendances attendances;

    private String slug;
    private long dayId;
    private String unit;
    private WebSession organiser;

    @BeforeEach
    void aDayAndItsOrganiser() throws Exception {
        long n = System.nanoTime() % 100_000_000;
        unit = "INSET des évaluations " + n;
        slug = new SessionCode("ZSRV " + n).slug();
        dayId = days.create(new DayDraft(new SessionCode("ZSRV " + n), "Journée des évaluations", null, null, List.of(new SessionDayDraft(LocalDate.of(2016, 10, 4), LocalTime.of(9, 0), LocalTime.of(16, 30))), "Une journée de test.", null, null,
                null, false, null, unit, null, List.of(), List.of(), List.of()));
        String email = "evaluations." + n + "@cnfpt.fr";
        accounts.create(new NewAccount(email, "Eva Luation", Role.ORGANISER, unit, PASSWORD));
        organiser = new WebSession(port);
        organiser.signIn(email, PASSWORD);
    }

    private long confirmed(String givenName, String mail) {
        long id = registrations.request(dayId, new RequestDraft("Avis", givenName, mail, "01 60 79 74 00", "Juriste",
                null, "Commune de Test-sur-Seine", null, null, null, Instant.parse("2016-06-10T10:00:00Z")));
        registrations.advance(id, "orga@cnfpt.fr", null);
        registrations.advance(id, "orga@cnfpt.fr", null);
        registrations.setCapacity(new Capacity(dayId, 50, 48, false));
        registrations.confirm(id, "orga@cnfpt.fr");
        return id;
    }

    /** Marks the registration present on the morning of the day's first day (the welcome desk's check-in). */
    private long present(long registrationId) {
        long firstDay = days.days(dayId).orElseThrow().first().id();
        attendances.checkIn(dayId, registrationId, CheckIn.plain(HalfDay.MORNING, "Accueil").on(firstDay));
        return registrationId;
    }

    private String base() {
        return "/admin/journees/" + slug + "/evaluation";
    }

    private static String mail(String who) {
        return who + "." + System.nanoTime() + "@test.fr";
    }

    private HttpResponse<String> addQuestion(String text, String kind, String options) throws Exception {
        return organiser.submit(base(), base() + "/questions", Map.of("texte", text, "type", kind, "options", options));
    }

    private List<String> questionTexts() throws Exception {
        return organiser.page(base()).select(".survey-question-text").eachText();
    }

    private Map<String, String> fieldsByText() throws Exception {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element li : organiser.page(base()).select("li[data-question]")) {
            fields.put(li.selectFirst(".survey-question-text").text(), "q" + li.attr("data-question"));
        }
        return fields;
    }

    private int answers() {
        return jdbc.sql("SELECT count(*) FROM survey_response WHERE event_day_id = ?").param(dayId).query(Integer.class).single();
    }

    /** The agent's survey link, followed from their space as a person would. */
    private String surveyLink(long registrationId, String agentMail) throws Exception {
        String space = AgentSpaces.pathOf(jdbc, agentMail);
        // (This test's day is in 2016, so its links have expired: give them a day more.)
        AgentSpaces.keepOpen(jdbc, registrationId);
        present(registrationId);
        Document page = new WebSession(port).page(space);
        String href = page.select("a:contains(Donner mon avis sur la journée)").attr("href");
        assertThat(href).startsWith("/evaluation/");
        return href;
    }

    @Test
    void the_organiser_sets_orders_and_removes_questions_and_bad_input_changes_nothing() throws Exception {
        assertThat(organiser.page(base()).select("main").text()).contains("Aucune question pour l'instant");

        assertThat(addQuestion("Le rythme de la journée", "SCALE", "").statusCode()).isEqualTo(302);
        assertThat(addQuestion("Reviendrez-vous ?", "CHOICE", "Oui\nNon\n\nPeut-être\n").statusCode()).isEqualTo(302);
        assertThat(addQuestion("Un mot pour les intervenants", "TEXT", "").statusCode()).isEqualTo(302);
        assertThat(questionTexts()).containsExactly("Le rythme de la journée", "Reviendrez-vous ?", "Un mot pour les intervenants");
        assertThat(organiser.page(base()).select("li[data-question]").get(1).text()).contains("Options : Oui ; Non ; Peut-être");

        // Bad input: clear messages next to the fields, nothing added.
        HttpResponse<String> empty = addQuestion("  ", "SCALE", "");
        assertThat(empty.statusCode()).isEqualTo(200);
        Document refused = Jsoup.parse(empty.body());
        assertThat(refused.select("#texte-erreur").text()).isEqualTo("Saisissez le texte de la question.");
        assertThat(refused.select("#texte").attr("aria-describedby")).isEqualTo("texte-erreur");
        assertThat(refused.select(".error-summary a[href=#texte]")).hasSize(1);
        Document oneOption = Jsoup.parse(addQuestion("Une seule option", "CHOICE", "Oui").body());
        assertThat(oneOption.select("#options-erreur").text()).contains("au moins deux options");
        assertThat(oneOption.select("#texte").attr("value")).isEqualTo("Une seule option");
        assertThat(Jsoup.parse(addQuestion("Type inconnu", "AUTRE", "").body()).select("#type-erreur").text()).isNotEmpty();
        assertThat(questionTexts()).hasSize(3);

        // Order: the last one moved up.
        Map<String, String> fields = fieldsByText();
        String textId = fields.get("Un mot pour les intervenants").substring(1);
        assertThat(organiser.submit(base(), base() + "/questions/" + textId + "/deplacer", Map.of("sens", "haut")).statusCode()).isEqualTo(302);
        assertThat(questionTexts()).containsExactly("Le rythme de la journée", "Un mot pour les intervenants", "Reviendrez-vous ?");

        // Removal asks for confirmation first.
        String choiceId = fields.get("Reviendrez-vous ?").substring(1);
        String confirmPage = base() + "/questions/" + choiceId + "/suppression";
        Document confirm = organiser.page(confirmPage);
        assertThat(confirm.select("h1").text()).isEqualTo("Supprimer la question « Reviendrez-vous ? » ?");
        assertThat(questionTexts()).hasSize(3);
        assertThat(organiser.submit(confirmPage, confirmPage, Map.of()).statusCode()).isEqualTo(302);
        assertThat(questionTexts()).containsExactly("Le rythme de la journée", "Un mot pour les intervenants");
        assertThat(audit.of(dayId)).filteredOn(e -> e.subject().equals("survey")).hasSize(5);

        HtmlChecker.assertValid("survey-admin", Map.of("questions", organiser.get(base()).body(),
                "refused", empty.body(), "confirm", organiser.get(confirmPage).body()));
    }

    @Test
    void the_usual_questions_are_added_in_one_go_and_only_once() throws Exception {
        assertThat(organiser.submit(base(), base() + "/habituelles", Map.of()).statusCode()).isEqualTo(302);
        Document page = organiser.page(base());
        assertThat(page.select(".notice").text()).isEqualTo("Questions habituelles ajoutées : 5.");
        assertThat(page.select(".survey-question-text").eachText()).containsExactly("Satisfaction générale",
                "Utilité pour votre pratique", "Qualité de l'organisation", "Ce que vous avez préféré", "Suggestions");
        assertThat(page.select("li[data-question]").get(0).text()).contains("échelle de 1 à 5");
        assertThat(page.select("li[data-question]").get(4).text()).contains("texte libre");
        organiser.submit(base(), base() + "/habituelles", Map.of());
        assertThat(organiser.page(base()).select(".notice").text()).isEqualTo("La journée a déjà toutes les questions habituelles.");
        assertThat(questionTexts()).hasSize(5);
    }

    @Test
    void an_agent_answers_once_and_a_missing_scale_stores_nothing() throws Exception {
        String camilleMail = mail("camille");
        long camille = confirmed("Camille", camilleMail);
        organiser.submit(base(), base() + "/habituelles", Map.of());
        Map<String, String> q = fieldsByText();
        String link = surveyLink(camille, camilleMail);
        assertThat(link.substring("/evaluation/".length())).hasSizeGreaterThanOrEqualTo(22);
        assertThat(surveyLink(camille, camilleMail)).isEqualTo(link);

        WebSession agent = new WebSession(port);
        Document form = agent.page(link);
        assertThat(form.select("fieldset legend").eachText()).contains("Satisfaction générale (obligatoire)");
        assertThat(form.select("fieldset#" + q.get("Satisfaction générale") + " input[type=radio]")).hasSize(5);
        assertThat(form.select("textarea#" + q.get("Suggestions"))).hasSize(1);

        // A required scale left out: a French message next to it, nothing stored, the other answers kept.
        Map<String, String> partial = new LinkedHashMap<>();
        partial.put(q.get("Satisfaction générale"), "5");
        partial.put(q.get("Utilité pour votre pratique"), "4");
        partial.put(q.get("Suggestions"), "Plus de pauses");
        HttpResponse<String> missing = agent.submit(link, link, partial);
        assertThat(missing.statusCode()).isEqualTo(200);
        Document refused = Jsoup.parse(missing.body());
        String orga = q.get("Qualité de l'organisation");
        assertThat(refused.select("#" + orga + "-erreur").text()).isEqualTo("Choisissez une note de 1 à 5 pour « Qualité de l'organisation ».");
        assertThat(refused.select("fieldset#" + orga).attr("aria-describedby")).isEqualTo(orga + "-erreur");
        assertThat(refused.select(".error-summary a[href=#" + orga + "]")).hasSize(1);
        assertThat(refused.select("input[name=" + q.get("Satisfaction générale") + "][value=5]").hasAttr("checked")).isTrue();
        assertThat(refused.select("textarea#" + q.get("Suggestions")).text()).isEqualTo("Plus de pauses");
        assertThat(answers()).isZero();
        // A scale out of range is refused too.
        Map<String, String> outOfRange = new LinkedHashMap<>(partial);
        outOfRange.put(orga, "9");
        assertThat(Jsoup.parse(agent.submit(link, link, outOfRange).body()).select("#" + orga + "-erreur").text()).isNotEmpty();
        assertThat(answers()).isZero();

        Map<String, String> full = new LinkedHashMap<>(partial);
        full.put(orga, "3");
        HttpResponse<String> saved = agent.submit(link, link, full);
        assertThat(Jsoup.parse(saved.body()).select(".notice").text()).isEqualTo("Merci, votre avis a bien été enregistré.");
        assertThat(answers()).isEqualTo(1);

        // A second submission changes nothing.
        Map<String, String> again = new LinkedHashMap<>(full);
        again.put(orga, "1");
        again.put(q.get("Suggestions"), "Autre chose");
        // (The form sent again, as from the browser's history: its page had the session's CSRF token.)
        again.put("_csrf", form.select("input[name=_csrf]").attr("value"));
        HttpResponse<String> second = agent.post(link, again);
        assertThat(Jsoup.parse(second.body()).select(".notice").text()).startsWith("Vous avez déjà répondu");
        assertThat(agent.page(link).select(".notice").text()).startsWith("Vous avez déjà répondu");
        assertThat(agent.page(link).select("form[action^=/evaluation]")).isEmpty();
        assertThat(answers()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT a.scale FROM survey_answer a JOIN survey_response r ON r.id = a.response_id WHERE r.registration_id = ? AND a.question_id = ?")
                .params(camille, Long.parseLong(orga.substring(1))).query(Integer.class).single()).isEqualTo(3);

        assertThat(agent.get("/evaluation/inconnue-" + System.nanoTime()).statusCode()).isEqualTo(404);
        assertThat(agent.post("/evaluation/inconnue", Map.of()).statusCode()).isIn(403, 404);

        HtmlChecker.assertValid("survey-form", Map.of("form", agent.get(link).body(), "refused", missing.body(),
                "thanks", saved.body(), "blank", form.outerHtml()));
    }

    @Test
    void before_the_day_begins_the_form_says_when_it_opens_and_a_post_stores_nothing() throws Exception {
        // A day to come, of the same unit, through the event module.
        long n = System.nanoTime() % 100_000_000;
        SessionCode code = new SessionCode("ZSRF " + n);
        DayDraft toCome = new DayDraft(code, "Journée à venir", null, null, List.of(new SessionDayDraft(LocalDate.of(2099, 6, 25), LocalTime.of(9, 0), LocalTime.of(16, 30))), "Une journée de test.", null, null, null, false, null, unit,
                null, List.of(), List.of(), List.of());
        dayId = days.create(toCome);
        slug = code.slug();
        String mail = mail("dominique");
        long dominique = confirmed("Dominique", mail);
        organiser.submit(base(), base() + "/habituelles", Map.of());
        Map<String, String> q = fieldsByText();
        String link = surveyLink(dominique, mail);

        WebSession agent = new WebSession(port);
        HttpResponse<String> notYet = agent.get(link);
        assertThat(notYet.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(notYet.body());
        assertThat(page.select(".notice").text()).isEqualTo("Le questionnaire ouvrira le jeudi 25 juin 2099 à 9h.");
        assertThat(page.select("form[action^=/evaluation]")).isEmpty();

        // Posted all the same (a form kept from elsewhere, or by hand): refused, nothing stored.
        Map<String, String> full = new LinkedHashMap<>();
        q.forEach((text, field) -> full.put(field, text.startsWith("Ce que") || text.equals("Suggestions") ? "Bien" : "4"));
        Map<String, String> posted = new LinkedHashMap<>(full);
        posted.put("_csrf", agent.page("/connexion").select("input[name=_csrf]").attr("value"));
        HttpResponse<String> refused = agent.post(link, posted);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(Jsoup.parse(refused.body()).select(".notice").text())
                .isEqualTo("Le questionnaire ouvrira le jeudi 25 juin 2099 à 9h.");
        assertThat(answers()).isZero();

        // Once the day has begun (moved to yesterday), the same key takes the answers as usual.
        LocalDate yesterday = LocalDate.now(FrenchTime.PARIS).minusDays(1);
        days.changeDay(dayId, days.days(dayId).orElseThrow().first().id(),
                new SessionDayDraft(yesterday, toCome.days().get(0).startsAt(), toCome.days().get(0).endsAt()));
        assertThat(agent.page(link).select("form[action^=/evaluation]")).hasSize(1);
        HttpResponse<String> saved = agent.submit(link, link, full);
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(saved.body()).select(".notice").text()).isEqualTo("Merci, votre avis a bien été enregistré.");
        assertThat(answers()).isEqualTo(1);

        HtmlChecker.assertValid("survey-form-not-yet", Map.of("not-yet", notYet.body(), "refused", refused.body()));
    }

    @Test
    void results_show_counts_means_charts_and_the_response_rate() throws Exception {
        organiser.submit(base(), base() + "/habituelles", Map.of());
        addQuestion("Reviendrez-vous ?", "CHOICE", "Oui\nNon");
        Map<String, String> q = fieldsByText();
        int[][] notes = {{5, 4, 3}, {4, 4, 2}, {3, 5, 3}};
        String[] choices = {"Oui", "Oui", "Non"};
        String[] liked = {"Les ateliers", "", "Le déjeuner"};
        for (int i = 0; i < 3; i++) {
            String m = mail("agent" + i);
            long id = present(confirmed("Agent" + i, m));
            String link = surveyLink(id, m);
            Map<String, String> values = new LinkedHashMap<>();
            values.put(q.get("Satisfaction générale"), "" + notes[i][0]);
            values.put(q.get("Utilité pour votre pratique"), "" + notes[i][1]);
            values.put(q.get("Qualité de l'organisation"), "" + notes[i][2]);
            values.put(q.get("Ce que vous avez préféré"), liked[i]);
            values.put(q.get("Reviendrez-vous ?"), choices[i]);
            WebSession agent = new WebSession(port);
            assertThat(Jsoup.parse(agent.submit(link, link, values).body()).select(".notice").text()).startsWith("Merci");
        }
        present(confirmed("Quatrième", mail("quatre")));
        // Confirmed but never came: not counted in the response rate, and their space offers no survey.
        String absentMail = mail("absent");
        long absent = confirmed("Absent", absentMail);
        AgentSpaces.keepOpen(jdbc, absent);
        Document absentSpace = new WebSession(port).page(AgentSpaces.pathOf(jdbc, absentMail));
        assertThat(absentSpace.select("h1")).isNotEmpty();
        assertThat(absentSpace.select("a[href^=/evaluation/]")).isEmpty();

        Document page = organiser.page(base());
        assertThat(page.select(".survey-rate").text())
                .isEqualTo("Réponses : 3 sur 4 personnes présentes au moins une demi-journée (taux de réponse : 75 %).");
        Element general = page.selectFirst("[data-result=" + q.get("Satisfaction générale").substring(1) + "]");
        assertThat(general.select(".survey-summary").text()).isEqualTo("Réponses : 3, moyenne : 4,0 sur 5.");
        Element svg = general.selectFirst("svg[role=img]");
        assertThat(svg).isNotNull();
        assertThat(svg.attr("aria-label")).isEqualTo("Répartition des notes pour « Satisfaction générale » : 3 réponses, "
                + "moyenne 4,0 sur 5 ; note 1 : 0, note 2 : 0, note 3 : 1, note 4 : 1, note 5 : 1.");
        assertThat(svg.selectFirst("title").text()).isEqualTo(svg.attr("aria-label"));
        assertThat(svg.select("rect.bar").eachAttr("height")).containsExactly("0", "0", "100", "100", "100");
        assertThat(general.select("table tbody tr").eachText()).containsExactly("1 0", "2 0", "3 1", "4 1", "5 1");
        Element practice = page.selectFirst("[data-result=" + q.get("Utilité pour votre pratique").substring(1) + "]");
        assertThat(practice.select(".survey-summary").text()).isEqualTo("Réponses : 3, moyenne : 4,3 sur 5.");
        assertThat(practice.select("rect.bar").eachAttr("height")).containsExactly("0", "0", "0", "100", "50");
        Element organisation = page.selectFirst("[data-result=" + q.get("Qualité de l'organisation").substring(1) + "]");
        assertThat(organisation.select(".survey-summary").text()).isEqualTo("Réponses : 3, moyenne : 2,7 sur 5.");
        Element choice = page.selectFirst("[data-result=" + q.get("Reviendrez-vous ?").substring(1) + "]");
        assertThat(choice.select("table tbody tr").eachText()).containsExactly("Oui 2", "Non 1");
        Element likedResult = page.selectFirst("[data-result=" + q.get("Ce que vous avez préféré").substring(1) + "]");
        assertThat(likedResult.select("li").eachText()).containsExactly("Les ateliers", "Le déjeuner");
        Element suggestions = page.selectFirst("[data-result=" + q.get("Suggestions").substring(1) + "]");
        assertThat(suggestions.select(".survey-summary").text()).isEqualTo("Réponses : 0.");

        HtmlChecker.assertValid("survey-results", Map.of("results", organiser.get(base()).body()));

        // The day's dashboard draws the same counts.
        Document dashboard = organiser.page("/admin/journees/" + slug + "/tableau-de-bord");
        assertThat(dashboard.select("#avis-titre ~ p").first().text()).isEqualTo("Réponses : 3 sur 4 personnes présentes au moins une demi-journée.");
        assertThat(dashboard.select("svg[id^=graphique-avis]")).hasSize(4);
        assertThat(dashboard.selectFirst("svg#graphique-avis-1").attr("aria-label"))
                .contains("Satisfaction générale", "3 1", "4 1", "5 1");
        // Each chart under its question as a heading, followed by the same counts in a table.
        assertThat(dashboard.select("section.dashboard-survey > h3").eachText()).containsExactly("Satisfaction générale",
                "Utilité pour votre pratique", "Qualité de l'organisation", "Reviendrez-vous ?");
        Element satisfaction = dashboard.selectFirst("section[aria-labelledby=avis-question-1]");
        assertThat(satisfaction.select(".dashboard-summary").text()).isEqualTo("Réponses : 3, moyenne : 4,0 sur 5.");
        assertThat(satisfaction.select("svg#graphique-avis-1")).hasSize(1);
        assertThat(satisfaction.select("table caption").text()).isEqualTo("Satisfaction générale");
        assertThat(satisfaction.select("table tbody tr").eachText()).containsExactly("Note 1 sur 5 0", "Note 2 sur 5 0",
                "Note 3 sur 5 1", "Note 4 sur 5 1", "Note 5 sur 5 1");
        Element comeBack = dashboard.selectFirst("section[aria-labelledby=avis-question-4]");
        assertThat(comeBack.select("table tbody tr").eachText()).containsExactly("Oui 2", "Non 1");
        assertThat(comeBack.select(".dashboard-summary").text()).isEqualTo("Réponses : 3.");
        HtmlChecker.assertValid("survey-dashboard", Map.of("dashboard", organiser.get("/admin/journees/" + slug + "/tableau-de-bord").body()));
    }

    @Test
    void after_the_day_each_agent_present_who_has_not_answered_is_invited_once_by_e_mail() throws Exception {
        organiser.submit(base(), base() + "/habituelles", Map.of());
        Map<String, String> q = fieldsByText();
        String answered = mail("repondu");
        long first = present(confirmed("Répondu", answered));
        String link = surveyLink(first, answered);
        Map<String, String> values = new LinkedHashMap<>();
        values.put(q.get("Satisfaction générale"), "5");
        values.put(q.get("Utilité pour votre pratique"), "4");
        values.put(q.get("Qualité de l'organisation"), "4");
        new WebSession(port).submit(link, link, values);
        String waiting = mail("attente");
        present(confirmed("Attente", waiting));
        String absent = mail("absent");
        confirmed("Absent", absent);

        java.time.Instant end = LocalDate.of(2016, 10, 4).atTime(16, 30).atZone(java.time.ZoneId.of("Europe/Paris")).toInstant();
        QueuedMails queued = new QueuedMails(jdbc);
        java.util.function.Function<String, Integer> mails = to -> queued.to(to, "Votre avis sur la journée").size();
        invitations.sendDue(end.minusSeconds(3600));
        assertThat(mails.apply(waiting)).isZero();
        invitations.sendDue(end.plusSeconds(3600));
        invitations.sendDue(end.plusSeconds(7200));
        assertThat(mails.apply(waiting)).isEqualTo(1);
        assertThat(mails.apply(answered)).isZero();
        // Confirmed but present at no half-day: not asked about a day they did not live.
        assertThat(mails.apply(absent)).isZero();
        String body = queued.lastText(waiting);
        assertThat(body).contains("Journée des évaluations", "/evaluation/");
    }
}
