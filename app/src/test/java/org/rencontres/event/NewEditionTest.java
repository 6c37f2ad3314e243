package org.rencontres.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.WebSession;
import org.rencontres.audit.AuditTrail;
import org.rencontres.networking.NetworkingSessions;
import org.rencontres.programme.Programmes;
import org.rencontres.security.Accounts;
import org.rencontres.security.NewAccount;
import org.rencontres.security.Role;
import org.rencontres.workshops.Workshops;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * "Duplicate as a new edition" is one transaction: event creates the day and announces it
 * ({@link NewEditionCreated}); programme, networking and workshops copy their parts in synchronous
 * listeners. When one copy fails, nothing of the new edition is left: no day, hence (the tables'
 * foreign keys) no slot, rotation nor workshop, and no line in either day's audit trail.
 *
 * <p>The failure is a real one from the database: a trigger, for this test only, refuses the rows
 * of one module for one session code.
 */
@RencontresIntegrationTest
class NewEditionTest {

    private static final String PASSWORD = "correct horse battery";
    private static final String DUPLICATE = "/admin/journees/Z20IN001/dupliquer";

    @LocalServerPort int port;
    @Autowired Accounts accounts;
    @Autowired Days days;
    @Autowired AuditTrail audit;
    @Autowired Programmes programmes;
    @Autowired NetworkingSessions networking;
    @Autowired Workshops workshops;
    @Autowired JdbcClient jdbc;

    private WebSession organiser;

    @BeforeEach
    void refuseSomeCopies() throws Exception {
        String email = "nouvelle.edition@cnfpt.fr";
        if (!accounts.emailTaken(email)) {
            accounts.create(new NewAccount(email, "Orga éditions", Role.ORGANISER, "INSET de Nancy", PASSWORD));
        }
        organiser = new WebSession(port);
        assertThat(WebSession.location(organiser.signIn(email, PASSWORD))).isEqualTo("/admin");
        jdbc.sql("""
                CREATE OR REPLACE FUNCTION test_refuse_copy() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF (SELECT replace(session_code, ' ', '') FROM event_day WHERE id = NEW.event_day_id) = TG_ARGV[0] THEN
                    RAISE EXCEPTION 'copy refused for the test';
                  END IF;
                  RETURN NEW;
                END $$""").update();
        jdbc.sql("""
                CREATE TRIGGER test_refuse_workshop_copy BEFORE INSERT ON workshop
                FOR EACH ROW EXECUTE FUNCTION test_refuse_copy('ZDUP901')""").update();
        jdbc.sql("""
                CREATE TRIGGER test_refuse_networking_copy BEFORE INSERT ON networking_session
                FOR EACH ROW EXECUTE FUNCTION test_refuse_copy('ZDUP902')""").update();
    }

    @AfterEach
    void dropTriggers() {
        jdbc.sql("DROP TRIGGER IF EXISTS test_refuse_workshop_copy ON workshop").update();
        jdbc.sql("DROP TRIGGER IF EXISTS test_refuse_networking_copy ON networking_session").update();
        jdbc.sql("DROP FUNCTION IF EXISTS test_refuse_copy()").update();
    }

    private HttpResponse<String> duplicate(String code) throws Exception {
        return organiser.submit(DUPLICATE, DUPLICATE, Map.of("code", code, "date", "2021-06-24"));
    }

    @Test
    void a_refused_workshop_copy_leaves_no_new_edition_behind() throws Exception {
        assertNothingLeftAfterAFailed("ZDUP 901");
    }

    @Test
    void a_refused_networking_copy_leaves_no_new_edition_behind() throws Exception {
        assertNothingLeftAfterAFailed("ZDUP 902");
    }

    @Test
    void a_copy_refused_for_another_code_does_not_stop_this_one() throws Exception {
        HttpResponse<String> done = duplicate("ZDUP 903");

        assertThat(WebSession.location(done)).isEqualTo("/admin/journees/ZDUP903");
        Day copy = days.find("ZDUP903").orElseThrow();
        assertThat(programmes.programmeOf(copy.id()).slots()).hasSize(14);
        assertThat(networking.ofDay(copy.id())).hasSize(1);
        assertThat(workshops.ofDay(copy.id())).hasSize(2);
        assertThat(audit.of(copy.id())).extracting(e -> e.action()).containsExactly("duplicated");
    }

    private void assertNothingLeftAfterAFailed(String code) throws Exception {
        String slug = code.replace(" ", "");
        long source = days.find("Z20IN001").orElseThrow().id();
        long editionsBefore = editionsRecordedOn(source);

        HttpResponse<String> failed = duplicate(code);

        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(days.find(slug)).isEmpty();
        assertThat(editionsRecordedOn(source)).isEqualTo(editionsBefore);

        // The same duplicate, once the database accepts it, is whole (the first try left no half-copy in its way).
        dropTriggers();
        assertThat(WebSession.location(duplicate(code))).isEqualTo("/admin/journees/" + slug);
        Day copy = days.find(slug).orElseThrow();
        assertThat(programmes.programmeOf(copy.id()).slots()).hasSize(14);
        assertThat(networking.ofDay(copy.id())).hasSize(1);
        assertThat(workshops.ofDay(copy.id())).hasSize(2);
        assertThat(audit.of(copy.id())).extracting(e -> e.action()).containsExactly("duplicated");
        assertThat(editionsRecordedOn(source)).isEqualTo(editionsBefore + 1);
    }

    private long editionsRecordedOn(long dayId) {
        return audit.of(dayId).stream().filter(e -> e.action().equals("edition")).count();
    }
}
