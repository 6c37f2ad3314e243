package org.rencontres.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rencontres.survey.EvaluationLoopFixture.afterDays;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rencontres.HtmlChecker;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.attendance.Attendances;
import org.rencontres.event.Days;
import org.rencontres.notification.QueuedMails;
import org.rencontres.registration.Registration;
import org.rencontres.registration.Registrations;
import org.rencontres.security.Accounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The end-of-day survey's reminders (Qualiopi indicator 30): after 2 and 7 days by default, to the present
 * participants who have not answered only, once each, recorded as evidence; the delays set per session and
 * validated. The job is run with instants in the place of the clock.
 */
@RencontresIntegrationTest
class SurveyRemindersTest {

    private static final String REMINDER = "Rappel";

    @LocalServerPort int port;
    @Autowired Days days;
    @Autowired Registrations registrations;
    @Autowired Accounts accounts;
    @Autowired Attendances attendances;
    @Autowired JdbcClient jdbc;
    @Autowired SurveyReminders reminders;
    @Autowired Surveys surveys;

    private EvaluationLoopFixture session;
    private Registration silent;
    private Registration answered;
    private Registration noShow;
    private Registration withdrawn;

    @BeforeEach
    void aSessionWithItsSurvey() throws Exception {
        session = new EvaluationLoopFixture(days, registrations, accounts, attendances, port);
        session.usualQuestions("a-chaud");
        silent = session.present("Sylvie");
        answered = session.present("Ana");
        noShow = session.absent("Noé");
        withdrawn = session.present("Wanda");
        registrations.withdraw(withdrawn.id(), withdrawn.email(), "Empêchée");
        Map<String, String> values = new HashMap<>();
        surveys.questions(session.dayId).forEach(q -> values.put(q.field(), q.kind() == Question.Kind.SCALE ? "4" : ""));
        assertThat(surveys.submit(answered, values).saved()).isTrue();
    }

    private int reminders(Registration r) {
        return new QueuedMails(jdbc).to(r.email(), REMINDER).size();
    }

    private List<Integer> ranks(Registration r) {
        return jdbc.sql("SELECT rank FROM survey_reminder WHERE registration_id = ? AND phase = 'HOT' ORDER BY rank")
                .param(r.id()).query(Integer.class).list();
    }

    @Test
    void the_present_who_did_not_answer_are_reminded_after_two_and_seven_days_once_each() {
        reminders.sendDue(afterDays(1));
        assertThat(reminders(silent)).isZero();

        reminders.sendDue(afterDays(2));
        assertThat(reminders(silent)).isEqualTo(1);
        reminders.sendDue(afterDays(3));
        reminders.sendDue(afterDays(6));
        assertThat(reminders(silent)).as("never twice").isEqualTo(1);

        reminders.sendDue(afterDays(7));
        reminders.sendDue(afterDays(8));
        assertThat(reminders(silent)).isEqualTo(2);
        assertThat(ranks(silent)).containsExactly(1, 2);
        assertThat(new QueuedMails(jdbc).to(silent.email(), REMINDER).get(0).text())
                .contains("/evaluation/" + surveys.keyOf(silent).orElseThrow());

        // Nobody who answered, no no-show, no withdrawn registration.
        for (Registration other : List.of(answered, noShow, withdrawn)) {
            assertThat(reminders(other)).as(other.givenName()).isZero();
            assertThat(ranks(other)).isEmpty();
        }
        // The evidence: who, which reminder, when; the mails are filed under the session.
        Instant first = jdbc.sql("SELECT sent_at FROM survey_reminder WHERE registration_id = ? AND rank = 1")
                .param(silent.id()).query(Timestamp.class).single().toInstant();
        assertThat(first).isEqualTo(afterDays(2));
        assertThat(new QueuedMails(jdbc).ofSession(session.dayId)).anyMatch(m -> m.recipient().equals(silent.email())
                && m.subject().startsWith(REMINDER));
    }

    @Test
    void the_results_page_and_the_dashboard_show_each_rate_and_the_reminders_sent() throws Exception {
        Document before = session.organiser.page("/admin/journees/" + session.code.slug() + "/tableau-de-bord");
        assertThat(before.select("#table-boucle tr[data-questionnaire=HOT] td").eachText())
                .containsExactly("1 sur 2", "50 %", "Aucune");
        reminders.sendDue(afterDays(2));
        reminders.sendDue(afterDays(7));

        String dashboard = "/admin/journees/" + session.code.slug() + "/tableau-de-bord";
        Document page = session.organiser.page(dashboard);
        assertThat(page.select("#boucle-titre").text()).isEqualTo("Boucle d’évaluation");
        assertThat(page.select("#table-boucle tr[data-questionnaire=HOT] td").eachText()).containsExactly("1 sur 2", "50 %",
                "Relance 1 : 1 envoyée le jeudi 15 octobre 2026 Relance 2 : 1 envoyée le mardi 20 octobre 2026");
        assertThat(page.select("#table-boucle tr[data-questionnaire=COLD] td").eachText()).containsExactly("0 sur 0", "0 %", "Aucune");
        assertThat(page.select("#table-boucle tbody tr th").eachText()).containsExactly("Évaluation à chaud",
                "Évaluation à froid", "Questionnaire des services formation", "Questionnaire des intervenants");
        // The raw text keeps the non-breaking space before the colon.
        assertThat(page.select("#table-boucle li").first().wholeText()).isEqualTo("Relance 1\u00a0: 1 envoyée le jeudi 15 octobre 2026");

        Document results = session.organiser.page(session.base());
        assertThat(results.select(".survey-loop tr[data-questionnaire=HOT] li").eachText())
                .containsExactly("Relance 1 : 1 envoyée le jeudi 15 octobre 2026", "Relance 2 : 1 envoyée le mardi 20 octobre 2026");
        assertThat(results.select(".survey-rate").text()).contains("taux de réponse : 50 %");

        HttpResponse<String> refused = session.organiser.submit(session.base(), session.base() + "/delais",
                Map.of("relance1", "0", "relance2", "1", "suivi", "10"));
        HtmlChecker.assertValid("survey-loop", Map.of("dashboard", session.organiser.get(dashboard).body(),
                "results", session.organiser.get(session.base()).body(),
                "follow-up", session.organiser.get(session.base() + "?questionnaire=a-froid").body(),
                "delays-refused", refused.body()));
    }

    @Test
    void an_unknown_questionnaire_is_not_found() throws Exception {
        assertThat(session.organiser.get(session.base() + "?questionnaire=inconnu").statusCode()).isEqualTo(404);
    }

    @Test
    void an_old_session_gets_no_reminder() {
        reminders.sendDue(afterDays(30));
        assertThat(reminders(silent)).isZero();
    }

    @Test
    void the_delays_are_set_per_session_and_validated() throws Exception {
        HttpResponse<String> refused = session.organiser.submit(session.base(), session.base() + "/delais",
                Map.of("relance1", "5", "relance2", "4", "suivi", "abc"));
        Document page = Jsoup.parse(refused.body());
        assertThat(page.select("#relance2-erreur").text()).isEqualTo("La seconde relance doit venir après la première.");
        assertThat(page.select("#relance2").attr("aria-describedby")).contains("relance2-erreur");
        assertThat(page.select("#suivi-erreur").text()).isEqualTo("Saisissez un nombre entier de jours entre 14 et 365.");
        assertThat(page.select("#relance1-erreur")).isEmpty();
        assertThat(session.organiser.page(session.base()).select("#relance1").attr("value")).as("nothing saved").isEqualTo("2");

        HttpResponse<String> saved = session.organiser.submit(session.base(), session.base() + "/delais",
                Map.of("relance1", "3", "relance2", "10", "suivi", "45"));
        assertThat(saved.statusCode()).isEqualTo(302);
        Document after = session.organiser.page(session.base());
        assertThat(after.select(".notice").text()).isEqualTo("Délais enregistrés.");
        assertThat(after.select("#relance2").attr("value")).isEqualTo("10");

        reminders.sendDue(afterDays(2));
        assertThat(reminders(silent)).isZero();
        reminders.sendDue(afterDays(3));
        assertThat(reminders(silent)).isEqualTo(1);
        reminders.sendDue(afterDays(7));
        assertThat(reminders(silent)).isEqualTo(1);
        reminders.sendDue(afterDays(10));
        assertThat(reminders(silent)).isEqualTo(2);
    }
}
