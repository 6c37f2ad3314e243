package org.rencontres.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rencontres.survey.EvaluationLoopFixture.afterDays;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rencontres.HtmlChecker;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.WebSession;
import org.rencontres.attendance.Attendances;
import org.rencontres.directory.Directory;
import org.rencontres.directory.NewOrganisation;
import org.rencontres.directory.NewPerson;
import org.rencontres.directory.Organisation;
import org.rencontres.directory.OrganisationKind;
import org.rencontres.directory.TrainingContactForm;
import org.rencontres.directory.TrainingContacts;
import org.rencontres.event.Days;
import org.rencontres.notification.QueuedMails;
import org.rencontres.programme.Programmes;
import org.rencontres.programme.SlotDraft;
import org.rencontres.programme.SlotKind;
import org.rencontres.programme.SlotPersonDraft;
import org.rencontres.programme.SlotRole;
import org.rencontres.registration.Registration;
import org.rencontres.registration.RegistrationState;
import org.rencontres.registration.Registrations;
import org.rencontres.registration.RequestDraft;
import org.rencontres.security.Accounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The questionnaires answered by a key of one's own: the follow-up survey (évaluation à froid) sent once at
 * day 60 to the present participants with its own questions and a reminder 7 days later; the training
 * services' and the trainers' questionnaires sent after the last day, answered once each.
 */
@RencontresIntegrationTest
class EvaluationQuestionnairesTest {

    @LocalServerPort int port;
    @Autowired Days days;
    @Autowired Registrations registrations;
    @Autowired Accounts accounts;
    @Autowired Attendances attendances;
    @Autowired JdbcClient jdbc;
    @Autowired QuestionnaireInvitations invitations;
    @Autowired SurveyReminders reminders;
    @Autowired Directory directory;
    @Autowired TrainingContacts contacts;
    @Autowired Programmes programmes;
    @Autowired SurveyForAgents spaceLinks;

    private EvaluationLoopFixture session;

    @BeforeEach
    void aSession() throws Exception {
        session = new EvaluationLoopFixture(days, registrations, accounts, attendances, port);
        session.usualQuestions("a-chaud");
    }

    private List<QueuedMails.QueuedMail> mails(String to, String subjectStart) {
        return new QueuedMails(jdbc).to(to, subjectStart);
    }

    private String link(String to) {
        return new QueuedMails(jdbc).lastLink(to, "/questionnaire/").orElseThrow();
    }

    /**
     * Answers the questionnaire at that link twice from the same form (every scale 4, then 1), as a second
     * tab would: the pages of the two submissions.
     */
    private List<Document> answerTwice(String link) throws Exception {
        WebSession someone = new WebSession(port);
        Document form = someone.page(link);
        Map<String, String> values = new HashMap<>();
        values.put("_csrf", form.select("input[name=_csrf]").attr("value"));
        form.select("input[type=radio][value=4]").forEach(i -> values.put(i.attr("name"), "4"));
        Document first = Jsoup.parse(someone.post(link, values).body());
        form.select("input[type=radio][value=1]").forEach(i -> values.put(i.attr("name"), "1"));
        Document second = Jsoup.parse(someone.post(link, values).body());
        return List.of(first, second);
    }

    private void answeredOnce(String link) throws Exception {
        List<Document> pages = answerTwice(link);
        assertThat(pages.get(0).select(".notice").text()).isEqualTo("Merci, votre avis a bien été enregistré.");
        assertThat(pages.get(1).select(".notice").text()).startsWith("Vous avez déjà répondu");
        assertThat(new WebSession(port).page(link).select(".notice").text()).startsWith("Vous avez déjà répondu");
        assertThat(new WebSession(port).page(link).select("form[method=post] button")).isEmpty();
    }

    @Test
    void the_follow_up_goes_at_day_sixty_only_once_with_its_own_questions_and_one_reminder() throws Exception {
        session.usualQuestions("a-froid");
        Registration came = session.present("Carole");
        Registration noShow = session.absent("Norbert");
        String subject = "Quelques semaines après";

        invitations.sendDue(afterDays(1));
        invitations.sendDue(afterDays(59));
        assertThat(mails(came.email(), subject)).isEmpty();
        assertThat(spaceLinks.of(came)).extracting(l -> l.path()).noneMatch(h -> h.startsWith("/questionnaire/"));
        invitations.sendDue(afterDays(60));
        invitations.sendDue(afterDays(61));
        assertThat(mails(came.email(), subject)).hasSize(1);
        assertThat(mails(noShow.email(), subject)).isEmpty();
        assertThat(new QueuedMails(jdbc).ofSession(session.dayId)).anyMatch(m -> m.recipient().equals(came.email()));

        String link = link(came.email());
        // The agent's space leads to it too (the label in the request's language: none here).
        assertThat(spaceLinks.of(came)).anyMatch(l -> l.path().equals(link) && !l.text().isBlank());
        Document form = new WebSession(port).page(link);
        assertThat(form.select("h1").text()).startsWith("Évaluation à froid de la journée");
        assertThat(form.select("fieldset legend").eachText()).contains("Mise en pratique de ce que vous avez appris (obligatoire)")
                .doesNotContain("Satisfaction générale (obligatoire)");

        // Its reminder, 7 days after it, once, to who has not answered.
        reminders.sendDue(afterDays(66));
        assertThat(mails(came.email(), "Rappel")).isEmpty();
        reminders.sendDue(afterDays(67));
        reminders.sendDue(afterDays(68));
        assertThat(mails(came.email(), "Rappel")).hasSize(1);
        assertThat(mails(came.email(), "Rappel").get(0).text()).contains(link);

        answeredOnce(link);
        Document results = session.organiser.page(session.base() + "?questionnaire=a-froid");
        assertThat(results.select(".survey-rate").text())
                .isEqualTo("Réponses : 1 sur 1 personne sollicitée (taux de réponse : 100 %).");
        assertThat(results.select(".survey-summary").first().text()).isEqualTo("Réponses : 1, moyenne : 4,0 sur 5.");
        assertThat(jdbc.sql("SELECT count(*) FROM survey_response WHERE event_day_id = ? AND phase = 'HOT'")
                .param(session.dayId).query(Integer.class).single()).as("the hot survey untouched").isZero();
    }

    @Test
    void a_training_service_and_a_trainer_answer_their_questionnaire_once_and_a_wrong_key_is_refused() throws Exception {
        session.usualQuestions("services");
        session.usualQuestions("intervenants");
        Organisation employer = directory.addOrganisation(new NewOrganisation("Commune de la Boucle " + session.n, null,
                OrganisationKind.COMMUNE, null, "1 rue de la Mairie", "91000", "Boucle", null));
        String service = "formation." + session.n + "@boucle.fr";
        assertThat(contacts.add(employer.id(), new TrainingContactForm("Service formation", service)).problems()).isEmpty();
        long agent = registrations.request(session.dayId, new RequestDraft("Durand", "Camille",
                "camille." + session.n + "@boucle.fr", "01 60 79 74 00", "Juriste", employer.id(), null, null, null, null,
                Instant.parse("2026-06-10T10:00:00Z")));
        for (int i = 0; i < 5 && registrations.find(agent).orElseThrow().state() != RegistrationState.AWAITING_ORGANISER; i++) {
            registrations.advance(agent, "Service formation", null);
        }
        registrations.confirm(agent, "orga@cnfpt.fr");
        String trainer = "intervenante." + session.n + "@cnfpt.fr";
        long person = directory.addPerson(new NewPerson("Inès", "Tervenante " + session.n, "Juriste", null, trainer, null)).id();
        long sessionDay = days.days(session.dayId).orElseThrow().first().id();
        programmes.addSlot(session.dayId, new SlotDraft(sessionDay, LocalTime.of(10, 0), LocalTime.of(11, 0), SlotKind.TALK,
                null, "Exposé", null, null, false, false, List.of(),
                List.of(new SlotPersonDraft(person, SlotRole.SPEAKER, null, null, null))));

        invitations.sendDue(EvaluationLoopFixture.END.minusSeconds(60));
        assertThat(mails(service, "Avis de votre service formation")).isEmpty();
        invitations.sendDue(afterDays(0));
        invitations.sendDue(afterDays(1));
        assertThat(mails(service, "Avis de votre service formation")).hasSize(1);
        assertThat(mails(trainer, "Votre avis d’intervenant")).hasSize(1);

        String serviceLink = link(service);
        Document serviceForm = new WebSession(port).page(serviceLink);
        assertThat(serviceForm.select("fieldset legend").eachText()).contains("Adéquation de la journée aux besoins de vos agents (obligatoire)");
        assertThat(serviceForm.text()).contains("Commune de la Boucle " + session.n);
        answeredOnce(serviceLink);

        String trainerLink = link(trainer);
        assertThat(new WebSession(port).page(trainerLink).select("fieldset legend").eachText())
                .contains("Adéquation du public à votre intervention (obligatoire)");
        assertThat(new WebSession(port).submit(trainerLink, "/questionnaire/pas-une-cle", Map.of()).statusCode())
                .as("a wrong key refused").isEqualTo(404);
        HttpResponse<String> incomplete = new WebSession(port).submit(trainerLink, trainerLink, Map.of());
        assertThat(Jsoup.parse(incomplete.body()).select(".error-summary")).hasSize(1);
        HtmlChecker.assertValid("survey-questionnaire", Map.of("form", new WebSession(port).get(trainerLink).body(),
                "refused", incomplete.body()));
        answeredOnce(trainerLink);
        assertThat(jdbc.sql("SELECT count(*) FROM survey_response WHERE event_day_id = ? AND phase IN ('SERVICE', 'TRAINER')")
                .param(session.dayId).query(Integer.class).single()).isEqualTo(2);

        WebSession stranger = new WebSession(port);
        assertThat(stranger.get("/questionnaire/pas-une-cle").statusCode()).isEqualTo(404);
        assertThat(stranger.get(trainerLink + "x").statusCode()).isEqualTo(404);

        Document results = session.organiser.page(session.base() + "?questionnaire=services");
        assertThat(results.select(".survey-rate").text())
                .isEqualTo("Réponses : 1 sur 1 personne sollicitée (taux de réponse : 100 %).");
    }
}
