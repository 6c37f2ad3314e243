package org.rencontres.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.lang.reflect.ParameterizedType;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.WebSession;
import org.rencontres.event.DayDraft;
import org.rencontres.event.Days;
import org.rencontres.event.SessionCode;
import org.rencontres.event.SessionDayDraft;
import org.rencontres.registration.Capacity;
import org.rencontres.registration.Registrations;
import org.rencontres.security.Accounts;
import org.rencontres.security.NewAccount;
import org.rencontres.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * A session of 5,000 registrations (issue 20, point 3), stored as the registration module stores them
 * (rows and transitions, inserted set-based): 4,000 confirmed, 500 on the waiting list, 500 waiting for
 * the organiser; 3,000 of the confirmed present in the morning. The exports are complete, in order,
 * and streamed (written as the rows are read: no Content-Length, the controller answers a
 * {@link StreamingResponseBody}); the dashboard's figures, counted by the database, are those of the
 * rows.
 */
@RencontresIntegrationTest
class LargeSessionExportTest {

    private static final String PASSWORD = "correct horse battery";
    private static final int SIZE = 5_000;

    @LocalServerPort int port;
    @Autowired Days days;
    @Autowired Registrations registrations;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired Dashboards dashboards;

    private long dayId;
    private String page;
    private WebSession organiser;

    @BeforeEach
    void aSessionOfFiveThousand() throws Exception {
        long n = System.nanoTime() % 100_000_000;
        String unit = "INSET du volume " + n;
        SessionCode code = new SessionCode("ZVOL " + n);
        page = "/admin/journees/" + code.slug() + "/tableau-de-bord";
        dayId = days.create(new DayDraft(code, "Session nombreuse", null, null,
                List.of(new SessionDayDraft(LocalDate.of(2027, 6, 8), LocalTime.of(9, 0), LocalTime.of(17, 0))),
                "Une session de test.", null, null, null, false, null, unit, null, List.of(), List.of(), List.of()));
        registrations.setCapacity(new Capacity(dayId, SIZE, 48, false));
        // Names in an order unlike the ids': agent 1 is « Nom 0001 », so the list's order is the name's.
        jdbc.sql("""
                INSERT INTO registration (event_day_id, surname, given_name, email, phone, position_service,
                                          employer_name, consent_at, state, waiting_position)
                SELECT ?, 'Nom ' || lpad(((i * 7) % ?)::text, 4, '0'), 'Agent ' || i, 'agent' || i || '.' || ? || '@volume.fr',
                       '01 00 00 00 00', 'Gestionnaire', CASE WHEN i % 2 = 0 THEN '=Commune ' || i ELSE 'Ville ' || i END,
                       now(), CASE WHEN i <= 4000 THEN 'CONFIRMED' WHEN i <= 4500 THEN 'WAITING_LIST' ELSE 'AWAITING_ORGANISER' END,
                       CASE WHEN i > 4000 AND i <= 4500 THEN i - 4000 END
                  FROM generate_series(1, ?) AS i""").params(dayId, SIZE, n, SIZE).update();
        jdbc.sql("""
                INSERT INTO registration_transition (registration_id, from_state, to_state, actor, in_place)
                SELECT r.id, p.f, p.t, 'Agent', false FROM registration r,
                       (VALUES (1, NULL, 'REQUESTED'), (2, 'REQUESTED', 'AWAITING_MANAGER'),
                               (3, 'AWAITING_MANAGER', 'AWAITING_TRAINING_SERVICE'),
                               (4, 'AWAITING_TRAINING_SERVICE', 'AWAITING_ORGANISER'),
                               (5, 'AWAITING_ORGANISER', 'CONFIRMED')) AS p(step, f, t)
                 WHERE r.event_day_id = ? AND (p.step <= 4 OR r.state = 'CONFIRMED') ORDER BY r.id, p.step""")
                .param(dayId).update();
        jdbc.sql("""
                INSERT INTO attendance (day_id, session_day_id, half_day, registration_id, present_at, recorded_by)
                SELECT r.event_day_id, s.id, 'MORNING', r.id, now(), 'Accueil'
                  FROM registration r JOIN event_session_day s ON s.event_day_id = r.event_day_id
                 WHERE r.event_day_id = ? AND r.state = 'CONFIRMED' AND r.given_name <> 'Agent 1'
                 ORDER BY r.id LIMIT 3000""").param(dayId).update();
        String email = "volume." + n + "@cnfpt.fr";
        accounts.create(new NewAccount(email, "Valérie Volume", Role.ORGANISER, unit, PASSWORD));
        organiser = new WebSession(port);
        organiser.signIn(email, PASSWORD);
    }

    private static List<CSVRecord> csv(byte[] body) throws Exception {
        assertThat(body).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(new String(body, 3, body.length - 3, StandardCharsets.UTF_8)))) {
            return parser.getRecords();
        }
    }

    @Test
    void the_csv_of_five_thousand_is_complete_in_order_and_streamed() throws Exception {
        HttpResponse<byte[]> response = organiser.getBytes(page + "/inscriptions.csv");
        assertThat(response.statusCode()).isEqualTo(200);
        // Streamed: the length was not known when the headers left (a buffered body has a Content-Length).
        assertThat(response.headers().firstValue("Content-Length")).isEmpty();
        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));

        List<CSVRecord> records = csv(response.body());
        assertThat(records).hasSize(SIZE);
        List<String> names = records.stream().map(r -> r.get("Nom")).toList();
        assertThat(names).isSortedAccordingTo(Comparator.naturalOrder());
        assertThat(names.get(0)).isEqualTo("Nom 0000");
        assertThat(records.stream().filter(r -> r.get("État").equals("Confirmée")).count()).isEqualTo(4000);
        assertThat(records.stream().filter(r -> r.get("Présent le matin").equals("oui")).count()).isEqualTo(3000);
        // Agent 2's employer was typed like a formula: neutralised, in its line.
        CSVRecord two = records.stream().filter(r -> r.get("Prénom").equals("Agent 2")).findFirst().orElseThrow();
        assertThat(two.get("Employeur")).isEqualTo("'=Commune 2");
        assertThat(two.get("Nom")).isEqualTo("Nom 0014");
    }

    @Test
    void the_workbook_of_five_thousand_is_complete_and_streamed() throws Exception {
        HttpResponse<byte[]> response = organiser.getBytes(page + "/inscriptions.xlsx");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Length")).isEmpty();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(response.body()))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(rows).hasSize(SIZE + 1);
            assertThat(rows.get(1).getCell(0).asString()).isEqualTo("Nom 0000");
            assertThat(rows.get(SIZE).getCell(0).asString()).isEqualTo("Nom 4999");
            assertThat(rows.stream().skip(1).filter(r -> r.getCell(5).asString().startsWith("=")).count()).isEqualTo(SIZE / 2);
            assertThat(rows.stream().skip(1).allMatch(r -> r.getCell(5).getFormula() == null)).isTrue();
        }
    }

    @Test
    void every_export_answers_a_streaming_body() throws Exception {
        // The code path: each export of the controller is a StreamingResponseBody, written after the headers.
        List<String> exports = new ArrayList<>();
        for (var m : ParticipantListController.class.getDeclaredMethods()) {
            if (m.isAnnotationPresent(org.springframework.web.bind.annotation.GetMapping.class)) {
                assertThat(((ParameterizedType) m.getGenericReturnType()).getActualTypeArguments()[0])
                        .as(m.getName()).isEqualTo(StreamingResponseBody.class);
                exports.add(m.getName());
            }
        }
        assertThat(exports).containsExactlyInAnyOrder("csv", "xlsx", "rosters", "roster");
    }

    @Test
    void the_dashboard_counts_the_five_thousand_in_the_database() throws Exception {
        DayDashboard d = dashboards.of(dayId, Locale.FRENCH);
        assertThat(d.total()).isEqualTo(SIZE);
        assertThat(d.byState()).extracting(DayDashboard.Count::count).containsExactly(500L, 4000L, 500L);
        assertThat(d.funnel()).extracting(DayDashboard.Step::count).containsExactly(5000L, 5000L, 5000L, 0L, 4000L);
        // A day of 9h to 17h: its morning (3,000 of the 4,000 confirmed present) and its afternoon (nobody).
        assertThat(d.halves()).extracting(DayDashboard.Half::present, DayDashboard.Half::confirmed, DayDashboard.Half::rate)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3000, 4000, 75), org.assertj.core.groups.Tuple.tuple(0, 4000, 0));
        assertThat(d.noShows()).isEqualTo(1000);
        assertThat(d.byKind()).extracting(DayDashboard.Count::count).containsExactly(5000L);
        assertThat(d.byOrganisation()).hasSize(Dashboards.TOP).allSatisfy(o -> assertThat(o.count()).isEqualTo(1));
        assertThat(organiser.page(page).select("h1").text()).isNotEmpty();
    }
}
