package org.rencontres.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.WebSession;
import org.rencontres.attendance.Attendances;
import org.rencontres.attendance.CheckIn;
import org.rencontres.attendance.CheckInOutcome;
import org.rencontres.attendance.HalfDay;
import org.rencontres.attendance.WalkIn;
import org.rencontres.event.DayDraft;
import org.rencontres.event.Days;
import org.rencontres.event.SessionCode;
import org.rencontres.event.SessionDayDraft;
import org.rencontres.event.SessionDays;
import org.rencontres.programme.Programmes;
import org.rencontres.programme.SlotDraft;
import org.rencontres.programme.SlotKind;
import org.rencontres.registration.Capacity;
import org.rencontres.registration.Registrations;
import org.rencontres.registration.RequestDraft;
import org.rencontres.registration.questions.QuestionDraft;
import org.rencontres.registration.questions.QuestionKind;
import org.rencontres.registration.questions.Questions;
import org.rencontres.security.Accounts;
import org.rencontres.security.NewAccount;
import org.rencontres.security.Role;
import org.rencontres.workshops.WorkshopDraft;
import org.rencontres.workshops.Workshops;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The participant list and the per-workshop rosters of issue 16, point 6, on a session of two days
 * (16 March 2027 and 17 March 2027, 9h–17h) with a workshop period each day and two questions: the
 * added columns (phone, position, a workshop per period, networking, meal, accessibility, a column per
 * question, presence per half-day of each day), the walk-in's marked line, formulas neutralised in the
 * answers, and a roster per workshop in CSV and in one workbook.
 */
@RencontresIntegrationTest
class ParticipantListExportTest {

    private static final String PASSWORD = "correct horse battery";
    private static final LocalDate TUESDAY = LocalDate.of(2027, 3, 16);
    private static final LocalDate WEDNESDAY = LocalDate.of(2027, 3, 17);
    private static final List<String> HEADER = List.of("Nom", "Prénom", "Courriel", "Téléphone", "Fonction et service",
            "Employeur", "Type d'employeur", "État", "Atelier (mardi 16 mars, 9h30 – 11h)",
            "Atelier (mercredi 17 mars, 9h30 – 11h)", "Temps de rencontres", "Repas", "Accessibilité", "Aménagement prévu",
            "Votre ancienneté dans le poste", "Vos attentes", "Présent le matin (mardi 16 mars 2027)",
            "Présent l'après-midi (mardi 16 mars 2027)", "Présent le matin (mercredi 17 mars 2027)",
            "Présent l'après-midi (mercredi 17 mars 2027)");

    @LocalServerPort int port;
    @Autowired Days days;
    @Autowired Registrations registrations;
    @Autowired Attendances attendances;
    @Autowired Programmes programmes;
    @Autowired Workshops workshops;
    @Autowired Questions questions;
    @Autowired Accounts accounts;

    private long n;
    private long dayId;
    private String page;
    private String queue;
    private SessionDays both;
    private long cooperation, citizenship, mirror, mobility;
    private long ana, bruno;
    private WebSession organiser;

    @BeforeEach
    void aTwoDaySessionWithWorkshopsQuestionsAndAWalkIn() throws Exception {
        n = System.nanoTime() % 100_000_000;
        String unit = "INSET des listes " + n;
        SessionCode code = new SessionCode("ZDLP " + n);
        page = "/admin/journees/" + code.slug() + "/tableau-de-bord";
        queue = "/admin/journees/" + code.slug() + "/inscriptions";
        dayId = days.create(new DayDraft(code, "Session des listes", null, null,
                List.of(new SessionDayDraft(TUESDAY, LocalTime.of(9, 0), LocalTime.of(17, 0)),
                        new SessionDayDraft(WEDNESDAY, LocalTime.of(9, 0), LocalTime.of(17, 0))),
                "Une session de test.", null, null, null, false, null, unit, null, List.of(), List.of(), List.of()));
        registrations.setCapacity(new Capacity(dayId, 50, 48, false));
        both = days.days(dayId).orElseThrow();
        long tuesdaySlot = programmes.addSlot(dayId, workshopSlot(both.first().id()));
        long wednesdaySlot = programmes.addSlot(dayId, workshopSlot(both.last().id()));
        cooperation = workshops.add(dayId, new WorkshopDraft(tuesdaySlot, 1, "Coopération", null, null, 1, null));
        citizenship = workshops.add(dayId, new WorkshopDraft(tuesdaySlot, 2, "Citoyenneté", null, null, null, null));
        mirror = workshops.add(dayId, new WorkshopDraft(wednesdaySlot, 3, "Bright Mirror", null, null, 1, null));
        mobility = workshops.add(dayId, new WorkshopDraft(wednesdaySlot, 4, "Mobilité", null, null, null, null));
        long seniority = questions.add(dayId, new QuestionDraft(QuestionKind.SINGLE_CHOICE, "Votre ancienneté dans le poste",
                null, true, List.of("Moins d'un an", "Plus d'un an")), null);
        long hopes = questions.add(dayId, new QuestionDraft(QuestionKind.LONG_TEXT, "Vos attentes", null, false, List.of()), null);

        ana = confirmed("Ana", "Alpha", true, "Végétarien", List.of(cooperation, citizenship, mirror, mobility));
        questions.save(ana, Map.of(seniority, List.of("Plus d'un an"), hopes, List.of("=1+1 et des échanges")));
        bruno = confirmed("Bruno", "Bravo", false, null, List.of(cooperation, citizenship, mirror, mobility));
        present(ana, TUESDAY, HalfDay.MORNING);
        present(ana, WEDNESDAY, HalfDay.AFTERNOON);
        present(bruno, TUESDAY, HalfDay.AFTERNOON);
        CheckInOutcome walkIn = attendances.checkInWalkIn(dayId, new WalkIn("Walker", "Zoé", "Ville de Passage", null),
                CheckIn.plain(HalfDay.MORNING, "Accueil").on(both.last().id()));
        assertThat(walkIn.kind()).isEqualTo(CheckInOutcome.Kind.RECORDED);

        String email = "listes." + n + "@cnfpt.fr";
        accounts.create(new NewAccount(email, "Lise Listes", Role.ORGANISER, unit, PASSWORD));
        organiser = new WebSession(port);
        organiser.signIn(email, PASSWORD);
    }

    private static SlotDraft workshopSlot(long sessionDayId) {
        return new SlotDraft(sessionDayId, LocalTime.of(9, 30), LocalTime.of(11, 0), SlotKind.WORKSHOP,
                "Ateliers", "Ateliers du matin", null, null, false, false, List.of(), List.of());
    }

    private long confirmed(String givenName, String surname, boolean networking, String meal, List<Long> choices) {
        long id = registrations.request(dayId, new RequestDraft(surname, givenName, surname.toLowerCase() + "." + n
                + "@listes.fr", "01 60 79 74 00", "Juriste", null, "Commune de Listeville", null, meal, null,
                Instant.parse("2026-06-10T10:00:00Z"), networking), "fr", null, choices);
        registrations.advance(id, "orga@cnfpt.fr", null);
        registrations.advance(id, "orga@cnfpt.fr", null);
        registrations.confirm(id, "orga@cnfpt.fr");
        return id;
    }

    private void present(long registrationId, LocalDate date, HalfDay half) {
        long sessionDayId = both.on(date).orElseThrow().id();
        assertThat(attendances.checkIn(dayId, registrationId, CheckIn.plain(half, "Accueil").on(sessionDayId)).kind())
                .isEqualTo(CheckInOutcome.Kind.RECORDED);
    }

    private static List<CSVRecord> csv(byte[] body, List<String> header) throws Exception {
        assertThat(body).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(new String(body, 3, body.length - 3, StandardCharsets.UTF_8)))) {
            header.addAll(parser.getHeaderNames());
            return parser.getRecords();
        }
    }

    private static String line(CSVRecord r, String... columns) {
        StringBuilder s = new StringBuilder();
        for (String c : columns) {
            s.append(s.isEmpty() ? "" : " | ").append(r.get(c));
        }
        return s.toString();
    }

    @Test
    void the_participant_list_has_the_new_columns_a_column_per_question_and_the_walk_in() throws Exception {
        List<String> header = new java.util.ArrayList<>();
        List<CSVRecord> records = csv(organiser.getBytes(page + "/inscriptions.csv").body(), header);
        assertThat(header).containsExactlyElementsOf(HEADER);
        assertThat(records).extracting(r -> line(r, "Nom", "Téléphone", "Fonction et service", "État",
                "Atelier (mardi 16 mars, 9h30 – 11h)", "Atelier (mercredi 17 mars, 9h30 – 11h)", "Temps de rencontres",
                "Repas", "Votre ancienneté dans le poste", "Vos attentes")).containsExactly(
                "Alpha | 01 60 79 74 00 | Juriste | Confirmée | 1. Coopération | 3. Bright Mirror | oui | Végétarien | Plus d'un an | '=1+1 et des échanges",
                "Bravo | 01 60 79 74 00 | Juriste | Confirmée | 2. Citoyenneté | 4. Mobilité | non |  |  | ",
                "Walker |  |  | sans inscription (ajouté à l’accueil) |  |  |  |  |  | ");
        assertThat(records).extracting(r -> line(r, "Nom", "Présent le matin (mardi 16 mars 2027)",
                "Présent l'après-midi (mardi 16 mars 2027)", "Présent le matin (mercredi 17 mars 2027)",
                "Présent l'après-midi (mercredi 17 mars 2027)")).containsExactly(
                "Alpha | oui | non | non | oui", "Bravo | non | oui | non | non", "Walker | non | non | oui | non");
        assertThat(records.get(2).get("Employeur")).isEqualTo("Ville de Passage");

        // The workbook: the same lines, the answer typed like a formula kept as text.
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(
                organiser.getBytes(page + "/inscriptions.xlsx").body()))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(rows.get(0).stream().map(c -> c.getText()).toList()).containsExactlyElementsOf(HEADER);
            assertThat(rows).hasSize(4);
            assertThat(rows.get(1).getCell(15).getText()).isEqualTo("=1+1 et des échanges");
            assertThat(rows.get(1).getCell(15).getFormula()).isNull();
            assertThat(rows.get(3).getCell(0).getText()).isEqualTo("Walker");
            assertThat(rows.get(3).getCell(7).getText()).isEqualTo("sans inscription (ajouté à l’accueil)");
        }
    }

    @Test
    void the_request_page_shows_the_workshops_given_and_ranked_the_networking_opt_in_and_the_answers() throws Exception {
        Document alpha = organiser.page(queue + "/" + ana);
        assertThat(alpha.select("#champ-ateliers").text()).isEqualTo("1. Coopération, 3. Bright Mirror");
        assertThat(alpha.select("#champ-choix-ateliers li").eachText()).containsExactly("1. Coopération",
                "2. Citoyenneté", "3. Bright Mirror", "4. Mobilité");
        assertThat(alpha.select("#champ-reseautage").text()).isEqualTo("souhaite participer");
        assertThat(alpha.select("dd[id^=reponse-]").eachText()).containsExactly("Plus d'un an", "=1+1 et des échanges");
        Document bravo = organiser.page(queue + "/" + bruno);
        assertThat(bravo.select("#champ-ateliers").text()).isEqualTo("2. Citoyenneté, 4. Mobilité");
        assertThat(bravo.select("#champ-reseautage").text()).isEqualTo("ne souhaite pas participer");
        assertThat(bravo.select("dd[id^=reponse-]").eachText()).containsExactly("sans réponse", "sans réponse");
    }

    @Test
    void each_workshop_has_its_roster_with_the_same_columns() throws Exception {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(
                organiser.getBytes(page + "/ateliers.xlsx").body()))) {
            List<Sheet> sheets = workbook.getSheets().toList();
            assertThat(sheets).extracting(Sheet::getName).containsExactly("1. Coopération", "2. Citoyenneté",
                    "3. Bright Mirror", "4. Mobilité");
            List<Row> first = sheets.get(0).read();
            assertThat(first.get(0).stream().map(c -> c.getText()).toList()).containsExactlyElementsOf(HEADER);
            assertThat(first).extracting(r -> r.getCell(0).getText()).containsExactly("Nom", "Alpha");
            assertThat(sheets.get(3).read()).extracting(r -> r.getCell(0).getText()).containsExactly("Nom", "Bravo");
        }
        List<String> header = new java.util.ArrayList<>();
        List<CSVRecord> citizens = csv(organiser.getBytes(page + "/ateliers/" + citizenship + ".csv").body(), header);
        assertThat(header).containsExactlyElementsOf(HEADER);
        assertThat(citizens).extracting(r -> r.get("Nom")).containsExactly("Bravo");
        assertThat(csv(organiser.getBytes(page + "/ateliers/" + mirror + ".csv").body(), new java.util.ArrayList<>()))
                .extracting(r -> r.get("Nom")).containsExactly("Alpha");
        // A workshop of no session of this organiser's: not found.
        assertThat(organiser.getBytes(page + "/ateliers/999999999.csv").statusCode()).isEqualTo(404);

        // The dashboard links to each roster.
        Document dashboard = organiser.page(page);
        assertThat(dashboard.select("a[href$=/ateliers.xlsx]")).hasSize(1);
        assertThat(dashboard.select("a[href$=.csv][href*=/ateliers/]").eachText()).containsExactly("1. Coopération",
                "2. Citoyenneté", "3. Bright Mirror", "4. Mobilité");
    }
}
