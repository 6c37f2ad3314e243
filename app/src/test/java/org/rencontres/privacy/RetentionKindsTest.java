package org.rencontres.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.TestSessions;
import org.rencontres.attendance.Attendances;
import org.rencontres.attendance.CheckIn;
import org.rencontres.attendance.CheckInOutcome;
import org.rencontres.attendance.HalfDay;
import org.rencontres.attendance.WalkIn;
import org.rencontres.event.Days;
import org.rencontres.event.SessionCode;
import org.rencontres.event.SessionDayDraft;
import org.rencontres.registration.Registrations;
import org.rencontres.registration.RequestDraft;
import org.rencontres.shared.RetainedData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each kind of personal data, on the real PostgreSQL: an item just older than the cutoff is deleted or
 * anonymised, one just younger is kept. The items are dated in 2001, where no other test's data lies
 * (the tests share one database), and the cutoff is the same for every kind: 16 March 2001 at 12:01 in
 * Paris (11:01 UTC). Session OLD ends at 12:00 that day (one minute before), session NEW at 12:02 (one
 * minute after); items dated by themselves (a decision, an e-mail, an audit entry) are one minute either side.
 */
@RencontresIntegrationTest
class RetentionKindsTest {

    static final Instant CUTOFF = Instant.parse("2001-03-16T11:01:00Z");
    static final LocalDate DAY = LocalDate.of(2001, 3, 16);

    @Autowired List<RetainedData> modules;
    @Autowired Days days;
    @Autowired Registrations registrations;
    @Autowired Attendances attendances;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transaction;

    long n;
    long oldDay;
    long newDay;
    long oldAgent;
    long newAgent;

    @BeforeEach
    void twoSessionsEitherSideOfTheCutoff() {
        n = System.nanoTime() % 100_000_000;
        oldDay = TestSessions.session(days, registrations, new SessionCode("ZROL " + n), "Session ancienne", "INSET " + n,
                new SessionDayDraft(DAY, LocalTime.of(9, 0), LocalTime.of(12, 0)));
        newDay = TestSessions.session(days, registrations, new SessionCode("ZRNE " + n), "Session récente", "INSET " + n,
                new SessionDayDraft(DAY, LocalTime.of(9, 0), LocalTime.of(12, 2)));
        oldAgent = TestSessions.confirmed(registrations, oldDay, "Olivia", "Ancienne");
        newAgent = TestSessions.confirmed(registrations, newDay, "Noé", "Récent");
    }

    private static RequestDraft draft(String givenName, String surname, String mailbox) {
        return new RequestDraft(surname, givenName, mailbox + "." + System.nanoTime() + "@test.fr", "01 60 79 74 00", "Juriste",
                null, "Commune de Test-sur-Seine", null, null, null, Instant.parse("2026-06-10T10:00:00Z"));
    }

    private RetainedData owner(String kind) {
        return modules.stream().filter(m -> m.kinds().stream().anyMatch(k -> k.code().equals(kind))).findFirst()
                .orElseThrow();
    }

    /** Purges that kind at the cutoff: there was something to remove, and nothing is left after. */
    private long purge(String kind) {
        RetainedData owner = owner(kind);
        assertThat(owner.countExpired(kind, CUTOFF)).as(kind + " expired before the purge").isPositive();
        long purged = transaction.execute(s -> owner.purge(kind, CUTOFF));
        assertThat(owner.countExpired(kind, CUTOFF)).as(kind + " expired after the purge").isZero();
        return purged;
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private String surname(long registrationId) {
        return jdbc.sql("SELECT surname FROM registration WHERE id = ?").param(registrationId).query(String.class).single();
    }

    @Test
    void every_kind_has_a_default_period_a_label_and_a_reason() {
        assertThat(modules.stream().flatMap(m -> m.kinds().stream()).map(RetainedData.Kind::code)).containsExactlyInAnyOrder(
                "registration.refused", "registration.registration", "registration.paper-form", "attendance.signatures",
                "attendance.certificates", "survey.free-texts", "survey.respondents", "writing.documents", "notification.bodies",
                "audit.entries");
        assertThat(modules.stream().flatMap(m -> m.kinds().stream()))
                .allSatisfy(k -> assertThat(k.defaultPeriod().toTotalMonths()).isBetween(1L, 240L));
    }

    @Test
    void a_refused_request_is_anonymised_a_year_after_its_decision() {
        long refusedLong = registrations.request(newDay, draft("Rita", "Refusée", "rita"));
        long refusedLate = registrations.request(newDay, draft("Rémi", "Refusé", "remi"));
        registrations.refuse(refusedLong, "orga@cnfpt.fr", "Session complète pour Rita Refusée");
        registrations.refuse(refusedLate, "orga@cnfpt.fr", "Hors public visé");
        jdbc.sql("UPDATE registration_transition SET at = ? WHERE registration_id = ?")
                .params(at(CUTOFF.minusSeconds(60)), refusedLong).update();
        jdbc.sql("UPDATE registration_transition SET at = ? WHERE registration_id = ?")
                .params(at(CUTOFF.plusSeconds(60)), refusedLate).update();

        assertThat(purge("registration.refused")).isPositive();

        assertThat(surname(refusedLong)).isEqualTo("Anonyme");
        assertThat(jdbc.sql("SELECT email FROM registration WHERE id = ?").param(refusedLong).query(String.class).single())
                .isEqualTo("anonyme-" + refusedLong + "@invalid");
        assertThat(jdbc.sql("SELECT reason FROM registration_transition WHERE registration_id = ? AND to_state = 'REFUSED'")
                .param(refusedLong).query(String.class).single()).isEqualTo("—");
        assertThat(registrations.find(refusedLong).orElseThrow().state().name()).isEqualTo("REFUSED");
        assertThat(surname(refusedLate)).isEqualTo("Refusé");
        // A confirmed registration is another kind: untouched by this one.
        assertThat(surname(oldAgent)).isEqualTo("Ancienne");
    }

    @Test
    void a_registration_is_anonymised_after_the_session_and_keeps_its_state_and_employer() {
        assertThat(purge("registration.registration")).isPositive();

        var old = registrations.find(oldAgent).orElseThrow();
        assertThat(old.surname()).isEqualTo("Anonyme");
        assertThat(old.givenName()).isEqualTo("Anonyme");
        assertThat(old.phone()).isEmpty();
        assertThat(old.state().name()).isEqualTo("CONFIRMED");
        assertThat(old.employerName()).isEqualTo("Commune de Test-sur-Seine");
        assertThat(registrations.history(oldAgent)).hasSize(4);
        assertThat(surname(newAgent)).isEqualTo("Récent");
    }

    @Test
    void a_paper_form_is_deleted_after_the_session() {
        for (long id : List.of(oldAgent, newAgent)) {
            jdbc.sql("""
                    INSERT INTO registration_paper_form (registration_id, file_name, content_type, size, content, received_on,
                                                         recorded_by)
                    VALUES (?, 'bulletin.pdf', 'application/pdf', 4, '\\x25504446'::bytea, DATE '2001-03-01', 'orga@cnfpt.fr')""")
                    .param(id).update();
        }
        assertThat(purge("registration.paper-form")).isPositive();

        assertThat(jdbc.sql("SELECT registration_id FROM registration_paper_form WHERE registration_id IN (?, ?)")
                .params(oldAgent, newAgent).query(Long.class).list()).containsExactly(newAgent);
    }

    @Test
    void signatures_are_blanked_and_walk_ins_anonymised_after_the_session_and_the_presences_stay() throws Exception {
        String png = "data:image/png;base64," + Base64.getEncoder().encodeToString(signature());
        for (long[] agent : new long[][] {{oldDay, oldAgent}, {newDay, newAgent}}) {
            long sessionDay = days.days(agent[0]).orElseThrow().first().id();
            CheckIn signed = new CheckIn(HalfDay.MORNING, "Accueil", UUID.randomUUID(), true, png, null, sessionDay);
            assertThat(attendances.checkIn(agent[0], agent[1], signed).kind()).isEqualTo(CheckInOutcome.Kind.RECORDED);
            assertThat(attendances.checkInWalkIn(agent[0], new WalkIn("Passant", "Paul", "Mairie", "paul." + n + "@test.fr"),
                    CheckIn.plain(HalfDay.MORNING, "Accueil").on(sessionDay)).kind()).isEqualTo(CheckInOutcome.Kind.RECORDED);
            jdbc.sql("""
                    INSERT INTO attendance_trainer_signature (day_id, session_day_id, half_day, person_id, name, signature, via,
                                                              recorded_by)
                    VALUES (?, ?, 'MORNING', ?, 'Tania Formatrice', ?, 'DESK', 'Accueil')""")
                    .params(agent[0], sessionDay, n, signature()).update();
        }
        assertThat(purge("attendance.signatures")).isEqualTo(3);

        assertThat(signatureOf(oldAgent)).isEqualTo(blank());
        assertThat(signatureOf(newAgent)).isEqualTo(signature());
        assertThat(jdbc.sql("SELECT signature FROM attendance_trainer_signature WHERE day_id = ?").param(oldDay)
                .query(byte[].class).single()).isEqualTo(blank());
        assertThat(jdbc.sql("SELECT signature FROM attendance_trainer_signature WHERE day_id = ?").param(newDay)
                .query(byte[].class).single()).isEqualTo(signature());
        assertThat(jdbc.sql("SELECT surname || ' ' || coalesce(email, '-') FROM attendance_walk_in WHERE day_id = ?")
                .param(oldDay).query(String.class).single()).isEqualTo("Anonyme -");
        assertThat(jdbc.sql("SELECT surname FROM attendance_walk_in WHERE day_id = ?").param(newDay).query(String.class)
                .single()).isEqualTo("Passant");
        // Still present, twice (the agent and the walk-in).
        assertThat(jdbc.sql("SELECT count(*) FROM attendance WHERE day_id = ?").param(oldDay).query(Long.class).single())
                .isEqualTo(2);
    }

    private byte[] signatureOf(long registrationId) {
        return jdbc.sql("SELECT signature FROM attendance WHERE registration_id = ?").param(registrationId)
                .query(byte[].class).single();
    }

    private static byte[] blank() {
        return Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");
    }

    private static byte[] signature() throws Exception {
        BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(5, 5, 0xff000000);
        image.setRGB(6, 6, 0xff000000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    @Test
    void a_certificate_is_deleted_after_the_session() {
        for (long[] agent : new long[][] {{oldDay, oldAgent}, {newDay, newAgent}}) {
            jdbc.sql("""
                    INSERT INTO attendance_certificate (event_day_id, registration_id, code, hours, half_days)
                    VALUES (?, ?, ?, 3, 'MORNING')""").params(agent[0], agent[1], "retention" + agent[1] + "x" + n).update();
        }
        assertThat(purge("attendance.certificates")).isPositive();

        assertThat(jdbc.sql("SELECT event_day_id FROM attendance_certificate WHERE event_day_id IN (?, ?)")
                .params(oldDay, newDay).query(Long.class).list()).containsExactly(newDay);
    }

    @Test
    void free_answers_to_the_survey_are_cleared_after_the_session_and_scores_stay() {
        for (long[] agent : new long[][] {{oldDay, oldAgent}, {newDay, newAgent}}) {
            long scale = jdbc.sql("INSERT INTO survey_question (event_day_id, position, text, kind) VALUES (?, 1, 'Note', 'SCALE') RETURNING id")
                    .param(agent[0]).query(Long.class).single();
            long text = jdbc.sql("INSERT INTO survey_question (event_day_id, position, text, kind) VALUES (?, 2, 'Commentaire', 'TEXT') RETURNING id")
                    .param(agent[0]).query(Long.class).single();
            long response = jdbc.sql("INSERT INTO survey_response (event_day_id, registration_id) VALUES (?, ?) RETURNING id")
                    .params(agent[0], agent[1]).query(Long.class).single();
            jdbc.sql("INSERT INTO survey_answer (response_id, question_id, scale) VALUES (?, ?, 4)").params(response, scale).update();
            jdbc.sql("INSERT INTO survey_answer (response_id, question_id, text) VALUES (?, ?, 'Merci à Tania')")
                    .params(response, text).update();
        }
        assertThat(purge("survey.free-texts")).isPositive();

        assertThat(answers(oldDay)).containsExactly("4", "-");
        assertThat(answers(newDay)).containsExactly("4", "Merci à Tania");
    }

    @Test
    void those_asked_by_a_questionnaire_are_anonymised_after_the_session_and_still_counted() {
        for (long dayId : List.of(oldDay, newDay)) {
            jdbc.sql("""
                    INSERT INTO survey_respondent (event_day_id, phase, email, name, token, invited_at)
                    VALUES (?, 'SERVICE', ?, 'Sylvie Service', ?, now())""")
                    .params(dayId, "formation." + dayId + "@mairie.fr", "cle-" + dayId + "-" + n).update();
        }
        assertThat(purge("survey.respondents")).isPositive();

        assertThat(respondents(oldDay)).containsExactly("Anonyme");
        assertThat(respondents(newDay)).containsExactly("Sylvie Service");
        assertThat(jdbc.sql("SELECT email FROM survey_respondent WHERE event_day_id = ?").param(oldDay)
                .query(String.class).single()).startsWith("anonyme-").endsWith("@invalid");
    }

    private List<String> respondents(long dayId) {
        return jdbc.sql("SELECT name FROM survey_respondent WHERE event_day_id = ?").param(dayId).query(String.class).list();
    }

    private List<String> answers(long dayId) {
        return jdbc.sql("""
                SELECT coalesce(a.scale::text, a.text, '-') FROM survey_answer a JOIN survey_response r ON r.id = a.response_id
                JOIN survey_question q ON q.id = a.question_id WHERE r.event_day_id = ? ORDER BY q.position""")
                .param(dayId).query(String.class).list();
    }

    @Test
    void collective_writing_is_emptied_after_the_session() {
        for (long dayId : List.of(oldDay, newDay)) {
            long document = jdbc.sql("""
                    INSERT INTO writing_document (event_day_id, title, template, read_key) VALUES (?, 'Atelier', 'BLANK', ?)
                    RETURNING id""").params(dayId, "cle" + dayId + "x" + n).query(Long.class).single();
            jdbc.sql("INSERT INTO writing_update (document_id, seq, data) VALUES (?, 1, '\\x0102'::bytea)").param(document).update();
        }
        assertThat(purge("writing.documents")).isPositive();

        assertThat(updates(oldDay)).isZero();
        assertThat(updates(newDay)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM writing_document WHERE event_day_id = ?").param(oldDay)
                .query(Long.class).single()).isEqualTo(1);
    }

    private long updates(long dayId) {
        return jdbc.sql("""
                SELECT count(*) FROM writing_update u JOIN writing_document d ON d.id = u.document_id WHERE d.event_day_id = ?""")
                .param(dayId).query(Long.class).single();
    }

    @Test
    void an_e_mail_body_is_cleared_three_months_after_sending_and_its_row_stays() {
        long old = mail(CUTOFF.minusSeconds(60), "SENT");
        long late = mail(CUTOFF.plusSeconds(60), "SENT");
        long pending = mail(CUTOFF.minusSeconds(60), "PENDING");

        assertThat(purge("notification.bodies")).isPositive();

        assertThat(body(old)).isEqualTo("|-|0|SENT|Convocation");
        assertThat(body(late)).isEqualTo("Bonjour Olivia|<p>Bonjour</p>|1|SENT|Convocation");
        assertThat(body(pending)).isEqualTo("Bonjour Olivia|<p>Bonjour</p>|1|PENDING|Convocation");
    }

    private long mail(Instant created, String status) {
        long id = jdbc.sql("""
                INSERT INTO notification_outbox (recipient, subject, text_body, html_body, status, created_at, event_day_id)
                VALUES ('olivia@test.fr', 'Convocation', 'Bonjour Olivia', '<p>Bonjour</p>', ?, ?, ?) RETURNING id""")
                .params(status, at(created), oldDay).query(Long.class).single();
        jdbc.sql("""
                INSERT INTO notification_attachment (outbox_id, position, file_name, content_type, content)
                VALUES (?, 0, 'convocation.ics', 'text/calendar', '\\x42'::bytea)""").param(id).update();
        return id;
    }

    private String body(long id) {
        return jdbc.sql("""
                SELECT text_body || '|' || coalesce(html_body, '-') || '|'
                       || (SELECT count(*) FROM notification_attachment WHERE outbox_id = o.id) || '|' || status || '|' || subject
                FROM notification_outbox o WHERE id = ?""").param(id).query(String.class).single();
    }

    @Test
    void an_audit_entry_is_deleted_after_its_period() {
        long old = entry(CUTOFF.minusSeconds(60));
        long late = entry(CUTOFF.plusSeconds(60));

        assertThat(purge("audit.entries")).isPositive();

        assertThat(jdbc.sql("SELECT id FROM audit_entry WHERE id IN (?, ?)").params(old, late).query(Long.class).list())
                .containsExactly(late);
    }

    private long entry(Instant at) {
        return jdbc.sql("""
                INSERT INTO audit_entry (day_id, at, actor, subject, action, details) VALUES (?, ?, 'orga@cnfpt.fr', 'day',
                'day.updated', 'Titre') RETURNING id""").params(oldDay, at(at)).query(Long.class).single();
    }
}
