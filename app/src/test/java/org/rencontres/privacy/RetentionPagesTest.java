package org.rencontres.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rencontres.HtmlChecker;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.TestSessions;
import org.rencontres.WebSession;
import org.rencontres.audit.AuditEntry;
import org.rencontres.audit.AuditTrail;
import org.rencontres.security.Accounts;
import org.rencontres.security.NewAccount;
import org.rencontres.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The administrator's retention page (periods and controller, with their errors in French, nothing saved when
 * one is wrong; refused to organisers), the purge run from it after a confirmation and audited, and the public
 * privacy notice and record of processing activities, generated from what the page saved.
 */
@RencontresIntegrationTest
class RetentionPagesTest {

    static final String PAGE = "/admin/donnees-personnelles/conservation";

    @LocalServerPort int port;
    @Autowired Accounts accounts;
    @Autowired Retention retention;
    @Autowired AuditTrail audit;
    @Autowired JdbcClient jdbc;

    WebSession admin;
    long n;

    @BeforeEach
    void anAdministrator() throws Exception {
        n = System.nanoTime() % 100_000_000;
        String email = "admin.conservation." + n + "@cnfpt.fr";
        accounts.create(new NewAccount(email, "Alice Administratrice", Role.ADMINISTRATOR, null, TestSessions.PASSWORD));
        admin = new WebSession(port);
        admin.signIn(email, TestSessions.PASSWORD);
    }

    /** The form's fields as the page shows them, with those changes. */
    private Map<String, String> form(Map<String, String> changes) throws Exception {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element e : admin.page(PAGE).select("form.form input[name], form.form textarea[name]")) {
            if (!e.attr("name").equals("_csrf")) {
                fields.put(e.attr("name"), e.tagName().equals("textarea") ? e.wholeText() : e.attr("value"));
            }
        }
        fields.putAll(changes);
        return fields;
    }

    private Map<String, String> valid(Map<String, String> changes) throws Exception {
        Map<String, String> all = new LinkedHashMap<>(Map.of("organisme", "CNFPT " + n, "adresse", "80 rue de Reuilly\n75012 Paris",
                "courriel-dpd", "dpd." + n + "@cnfpt.fr"));
        all.putAll(changes);
        return form(all);
    }

    private int months(String kind) {
        return retention.kinds().stream().filter(k -> k.code().equals(kind)).findFirst().orElseThrow().months();
    }

    @Test
    void a_bad_period_is_refused_in_french_next_to_its_field_and_nothing_is_saved() throws Exception {
        int before = months("survey.free-texts");
        HttpResponse<String> response = admin.submit(PAGE, PAGE, valid(Map.of("mois-survey-free-texts", "douze",
                "mois-audit-entries", String.valueOf(months("audit.entries") + 1), "courriel-dpd", "pas une adresse")));

        assertThat(response.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(response.body());
        assertThat(page.select("#mois-survey-free-texts-erreur").text())
                .isEqualTo("Indiquez une durée en mois, un nombre entier de 1 à 240.");
        assertThat(page.select("#mois-survey-free-texts").attr("aria-describedby")).contains("mois-survey-free-texts-erreur");
        assertThat(page.select("#courriel-dpd-erreur").text()).startsWith("Indiquez une adresse électronique valide");
        assertThat(page.select("#mois-survey-free-texts").attr("value")).isEqualTo("douze");
        assertThat(months("survey.free-texts")).isEqualTo(before);
        // The audit period, typed right in the same form, is not saved either.
        assertThat(jdbc.sql("SELECT count(*) FROM privacy_retention_period WHERE kind = 'audit.entries' AND months = ?")
                .param(months("audit.entries") + 1).query(Long.class).single()).isZero();
        HtmlChecker.assertValid("privacy-retention-errors", Map.of("conservation-erreurs", response.body()));

        for (String zero : List.of("0", "241", "-3", "1,5")) {
            admin.submit(PAGE, PAGE, valid(Map.of("mois-survey-free-texts", zero)));
            assertThat(months("survey.free-texts")).as(zero).isEqualTo(before);
        }
    }

    @Test
    void an_administrator_sets_the_periods_and_the_controller_audited_and_the_notice_and_record_show_them() throws Exception {
        HttpResponse<String> saved = admin.submit(PAGE, PAGE, valid(Map.of("mois-survey-free-texts", "18")));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(months("survey.free-texts")).isEqualTo(18);
        Document page = admin.page(PAGE);
        assertThat(page.select(".notice").text()).isEqualTo("Les réglages de conservation sont enregistrés.");
        assertThat(page.select("#mois-survey-free-texts").attr("value")).isEqualTo("18");
        assertThat(page.select("h2#prochaine-purge").text()).isEqualTo("Ce que la prochaine purge supprimera");
        assertThat(page.select("#purge-prevue tbody tr")).hasSize(10);
        assertThat(page.select("#table-historique tbody tr").eachText())
                .anySatisfy(row -> assertThat(row).contains("Alice Administratrice", "Durées modifiées", "survey.free-texts: "))
                .anySatisfy(row -> assertThat(row).contains("Responsable du traitement modifié", "CNFPT " + n));
        assertThat(page.text()).contains("Prochaine purge : ").contains(" à 3h.");
        List<AuditEntry> entries = audit.ofPrivacy(5);
        assertThat(entries).extracting(AuditEntry::action).contains("privacy.retention.changed", "privacy.controller.changed");
        assertThat(entries).filteredOn(e -> e.action().equals("privacy.retention.changed")).first()
                .satisfies(e -> assertThat(e.details()).contains("survey.free-texts: ").endsWith("→ 18"));
        HtmlChecker.assertValid("privacy-retention", Map.of("conservation", admin.get(PAGE).body()));

        WebSession visitor = new WebSession(port);
        HttpResponse<String> notice = visitor.get("/donnees-personnelles");
        HttpResponse<String> record = visitor.get("/donnees-personnelles/registre");
        assertThat(notice.statusCode()).isEqualTo(200);
        assertThat(record.statusCode()).isEqualTo(200);
        Document noticePage = Jsoup.parse(notice.body());
        assertThat(noticePage.select(".controller-name").text()).isEqualTo("CNFPT " + n);
        assertThat(noticePage.select("a.dpo").attr("href")).isEqualTo("mailto:dpd." + n + "@cnfpt.fr");
        assertThat(noticePage.select("#traitement-survey .retention").text())
                .isEqualTo("Réponses libres aux évaluations : 18 mois");
        assertThat(noticePage.select("#droits").text()).contains("« Mes données »").contains("CNIL");
        assertThat(noticePage.select("footer a[href=/donnees-personnelles]")).hasSize(1);
        Document recordPage = Jsoup.parse(record.body());
        assertThat(recordPage.select("section[id^=traitement-] h2").eachText()).hasSize(6);
        assertThat(recordPage.select("#traitement-survey dd").eachText()).contains("Réponses libres aux évaluations : 18 mois");
        assertThat(recordPage.select("#traitement-registration .retention").eachText())
                .contains("Inscriptions : " + months("registration.registration") + " mois");
        HtmlChecker.assertValid("privacy-notice", Map.of("notice", notice.body(), "registre", record.body()));
    }

    @Test
    void an_organiser_may_not_see_nor_change_nor_run_the_retention() throws Exception {
        String email = "orga.conservation." + n + "@cnfpt.fr";
        WebSession organiser = TestSessions.organiser(accounts, port, email, "Oscar Organisateur", "INSET " + n);
        int before = months("writing.documents");
        assertThat(organiser.get(PAGE).statusCode()).isEqualTo(403);
        assertThat(organiser.get(PAGE + "/purge").statusCode()).isEqualTo(403);
        String csrf = organiser.page("/admin").select("input[name=_csrf]").attr("value");
        assertThat(organiser.post(PAGE, Map.of("_csrf", csrf, "mois-writing-documents", "1")).statusCode()).isEqualTo(403);
        assertThat(organiser.post(PAGE + "/purge", Map.of("_csrf", csrf)).statusCode()).isEqualTo(403);
        assertThat(months("writing.documents")).isEqualTo(before);
        assertThat(admin.get(PAGE).statusCode()).isEqualTo(200);
    }

    @Test
    void the_purge_run_from_the_page_after_its_confirmation_is_audited_with_each_kind_and_its_count() throws Exception {
        // Twenty years for every kind, so that a purge at today's date touches nothing of the other tests (the
        // demo's session of 2020 among them): only this test's audit entry of 1990 is old enough.
        Map<String, String> longest = new LinkedHashMap<>();
        retention.kinds().forEach(k -> longest.put(k.field(), "240"));
        assertThat(admin.submit(PAGE, PAGE, valid(longest)).statusCode()).isEqualTo(302);
        long old = jdbc.sql("""
                INSERT INTO audit_entry (day_id, at, actor, subject, action, details)
                VALUES (1, TIMESTAMPTZ '1990-01-01 00:00:00+00', 'orga@cnfpt.fr', 'day', 'day.updated', 'Titre') RETURNING id""")
                .query(Long.class).single();
        Document page = admin.page(PAGE);
        assertThat(page.select("#expire-mois-audit-entries .count").text()).isNotEqualTo("0");

        Document confirm = admin.page(PAGE + "/purge");
        assertThat(confirm.select("h1").text()).isEqualTo("Lancer la purge maintenant");
        assertThat(confirm.select("form[action$=/purge] button").text()).isEqualTo("Lancer la purge");
        HttpResponse<String> run = admin.submit(PAGE + "/purge", PAGE + "/purge", Map.of());
        assertThat(run.statusCode()).isEqualTo(302);

        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE id = ?").param(old).query(Long.class).single()).isZero();
        AuditEntry entry = audit.ofPrivacy(1).get(0);
        assertThat(entry.action()).isEqualTo("privacy.purge");
        assertThat(entry.actor()).isEqualTo("Alice Administratrice");
        assertThat(entry.details()).contains("registration.refused=", "attendance.signatures=", "notification.bodies=")
                .containsPattern("audit\\.entries=[1-9]");
        Document after = admin.page(PAGE);
        assertThat(after.select(".notice").text()).startsWith("Purge effectuée : ");
        assertThat(after.select("#table-historique tbody tr").first().select("td").eachText().subList(1, 3))
                .containsExactly("Alice Administratrice", "Purge");
    }

    @Test
    void the_daily_task_purges_what_is_older_than_its_clock_minus_each_period_and_is_audited() {
        Instant now = Instant.parse("2000-06-01T01:00:00Z");
        Instant cutoff = retention.kinds().stream().filter(k -> k.code().equals("audit.entries")).findFirst().orElseThrow()
                .cutoff(now);
        long expired = jdbc.sql("""
                INSERT INTO audit_entry (day_id, at, actor, subject, action, details)
                VALUES (1, ?, 'orga@cnfpt.fr', 'day', 'day.updated', 'Titre') RETURNING id""")
                .param(cutoff.minusSeconds(1).atOffset(java.time.ZoneOffset.UTC)).query(Long.class).single();
        long kept = jdbc.sql("""
                INSERT INTO audit_entry (day_id, at, actor, subject, action, details)
                VALUES (1, ?, 'orga@cnfpt.fr', 'day', 'day.updated', 'Titre') RETURNING id""")
                .param(cutoff.plusSeconds(1).atOffset(java.time.ZoneOffset.UTC)).query(Long.class).single();

        // The task as db-scheduler runs it, on a clock stopped at that instant.
        RecurringTask<Void> task = new PurgeSchedule(LocalTime.of(3, 0), Optional.of(Clock.fixed(now, ZoneOffset.UTC)))
                .privacyPurgeTask(retention);
        assertThat(task.getName()).isEqualTo("privacy-purge");
        task.execute(task.instance(RecurringTask.INSTANCE), null);

        assertThat(jdbc.sql("SELECT id FROM audit_entry WHERE id IN (?, ?)").params(expired, kept).query(Long.class).list())
                .containsExactly(kept);
        AuditEntry entry = audit.ofPrivacy(1).get(0);
        assertThat(entry.action()).isEqualTo("privacy.purge");
        assertThat(entry.actor()).isEqualTo("purge quotidienne");
        assertThat(entry.accountId()).isNull();
        assertThat(entry.details()).contains("audit.entries=1").contains("registration.registration=");
    }

    @Test
    void the_next_run_is_the_next_three_o_clock_in_paris() {
        PurgeSchedule schedule = new PurgeSchedule(LocalTime.of(3, 0), java.util.Optional.empty());
        assertThat(schedule.nextRun(Instant.parse("2026-12-07T17:00:00Z"))).isEqualTo(Instant.parse("2026-12-08T02:00:00Z"));
        assertThat(schedule.nextRun(Instant.parse("2026-12-08T01:59:00Z"))).isEqualTo(Instant.parse("2026-12-08T02:00:00Z"));
        assertThat(schedule.nextRun(Instant.parse("2026-07-01T01:00:00Z"))).isEqualTo(Instant.parse("2026-07-02T01:00:00Z"));
    }
}
