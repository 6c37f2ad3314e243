package org.rencontres.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
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
import org.rencontres.directory.Directory;
import org.rencontres.directory.NewOrganisation;
import org.rencontres.directory.Organisation;
import org.rencontres.directory.OrganisationKind;
import org.rencontres.event.DayDraft;
import org.rencontres.event.SessionDayDraft;
import org.rencontres.event.Days;
import org.rencontres.event.SessionCode;
import org.rencontres.registration.Capacity;
import org.rencontres.registration.Registrations;
import org.rencontres.registration.RequestDraft;
import org.rencontres.security.Accounts;
import org.rencontres.security.NewAccount;
import org.rencontres.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The day's dashboard over real HTTP on a day of its own (in 2016): two confirmed registrations (one
 * employed by an organisation of the directory, checked in for the morning), one refused and one
 * still requested; the counts, the funnel, the rates, the SVG charts with their labels, the CSV
 * export, and an organiser of another unit refused.
 */
@RencontresIntegrationTest
class DashboardWebTest {

    private static final String PASSWORD = "correct horse battery";
    private static final String TYPED = "Commune de Testville";

    @LocalServerPort int port;
    @Autowired Days days;
    @Autowired Registrations registrations;
    @Autowired Attendances attendances;
    @Autowired Directory directory;
    @Autowired Accounts accounts;

    private long n;
    private String unit;
    private String slug;
    private long dayId;
    private Organisation agglo;
    private WebSession organiser;

    @BeforeEach
    void aDayWithRegistrations() throws Exception {
        n = System.nanoTime() % 100_000_000;
        unit = "INSET du tableau " + n;
        SessionCode code = new SessionCode("ZDSH " + n);
        slug = code.slug();
        dayId = days.create(new DayDraft(code, "Journée du tableau de bord", null, null, List.of(new SessionDayDraft(LocalDate.of(2016, 9, 20), LocalTime.of(9, 0), LocalTime.of(17, 0))), "Une journée de test.", null, null, null, false, null, unit,
                null, List.of(), List.of(), List.of()));
        agglo = directory.addOrganisation(NewOrganisation.named("Agglomération du Tableau " + n, OrganisationKind.INTERCOMMUNALITE));

        long ana = requested("Ana", "Alpha", agglo.id(), agglo.name());
        long bruno = requested("Bruno", "Bravo", null, TYPED);
        long chloe = requested("Chloé", "Charlie", null, TYPED);
        requested("Denis", "Delta", null, TYPED);
        for (long id : List.of(ana, bruno)) {
            registrations.advance(id, "orga@cnfpt.fr", null);
            registrations.advance(id, "orga@cnfpt.fr", null);
        }
        registrations.setCapacity(new Capacity(dayId, 50, 48, false));
        registrations.confirm(ana, "orga@cnfpt.fr");
        registrations.confirm(bruno, "orga@cnfpt.fr");
        registrations.refuse(chloe, "orga@cnfpt.fr", "Public non concerné");
        assertThat(attendances.checkIn(dayId, ana, CheckIn.plain(HalfDay.MORNING, "Accueil")).toString()).isNotBlank();

        String email = "tableau." + n + "@cnfpt.fr";
        accounts.create(new NewAccount(email, "Théo Tableau", Role.ORGANISER, unit, PASSWORD));
        organiser = new WebSession(port);
        organiser.signIn(email, PASSWORD);
    }

    private long requested(String givenName, String surname, Long organisationId, String employer) {
        return registrations.request(dayId, new RequestDraft(surname, givenName,
                givenName.toLowerCase().replace('é', 'e') + "." + n + "@test.fr", "01 60 79 74 00", "Juriste",
                organisationId, employer, null, null, null, Instant.parse("2016-01-10T10:00:00Z")));
    }

    private String page() {
        return "/admin/journees/" + slug + "/tableau-de-bord";
    }

    private static Map<String, List<String>> table(Document html, String id) {
        Map<String, List<String>> rows = new java.util.LinkedHashMap<>();
        for (Element tr : html.select("#" + id + " tbody tr")) {
            rows.put(tr.selectFirst("th").text(), tr.select("td").eachText());
        }
        return rows;
    }

    @Test
    void theDashboardCountsStatesFunnelAndAttendance() throws Exception {
        HttpResponse<String> response = organiser.get(page());
        assertThat(response.statusCode()).isEqualTo(200);
        Document html = org.jsoup.Jsoup.parse(response.body());

        assertThat(html.select(".dashboard-summary").text()).isEqualTo("4 inscriptions");
        assertThat(table(html, "table-etats")).containsOnly(Map.entry("Demandée", List.of("1")),
                Map.entry("Confirmée", List.of("2")), Map.entry("Refusée", List.of("1")));
        assertThat(table(html, "table-parcours")).containsExactly(
                Map.entry("Demandes", List.of("4", "100 %")),
                Map.entry("Avis du responsable passé", List.of("2", "50 %")),
                Map.entry("Accord du service formation", List.of("2", "50 %")),
                Map.entry("Accord de l’organisateur à la place du responsable ou du service formation", List.of("0", "0 %")),
                Map.entry("Confirmées", List.of("2", "50 %")));
        assertThat(table(html, "table-presences")).containsExactly(
                Map.entry("Matin", List.of("1", "2", "50 %", "0")),
                Map.entry("Après-midi", List.of("0", "2", "0 %", "0")));
        assertThat(html.select("#absents").text()).endsWith(": 1");
        assertThat(html.select("#sans-inscription").text()).endsWith(": 0");
        assertThat(table(html, "table-organisations")).containsExactly(
                Map.entry(TYPED, List.of("3")), Map.entry(agglo.displayName(), List.of("1")));
        assertThat(table(html, "table-types")).containsExactly(
                Map.entry("Hors annuaire", List.of("3")), Map.entry("Intercommunalité", List.of("1")));

        Element states = html.selectFirst("svg#graphique-etats");
        assertThat(states).isNotNull();
        assertThat(states.attr("role")).isEqualTo("img");
        assertThat(states.attr("aria-label")).contains("Confirmée 2").contains("Refusée 1").contains("Demandée 1");
        assertThat(states.selectFirst("title").text()).isEqualTo(states.attr("aria-label"));
        assertThat(states.select("rect")).hasSize(3);
        assertThat(html.selectFirst("svg#graphique-presences").attr("aria-label")).contains("Matin 1", "Après-midi 0");
        assertThat(html.selectFirst("svg#graphique-parcours").nextElementSibling().tagName()).isEqualTo("table");
        assertThat(html.select("a[href$=/tableau-de-bord/inscriptions.csv]")).hasSize(1);
        // No survey question yet: the section says how many answered, without charts.
        // (Counted of the confirmed people present at least one half-day: one came in the morning.)
        assertThat(html.select("#avis-titre ~ p").first().text())
                .isEqualTo("Réponses : 0 sur 1 personne présente au moins une demi-journée.");
        assertThat(html.select("svg[id^=graphique-avis]")).isEmpty();
        assertThat(html.select("section.dashboard-survey")).isEmpty();

        HtmlChecker.assertValid("dashboard", Map.of("tableau-de-bord", response.body()));
    }

    @Test
    void theXlsxHoldsTheSameLinesInAWorkbook() throws Exception {
        HttpResponse<byte[]> response = organiser.getBytes(page() + "/inscriptions.xlsx");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow())
                .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        java.util.Map<String, String> parts = new java.util.HashMap<>();
        // Read through the central directory, as spreadsheet programs do.
        java.nio.file.Path file = java.nio.file.Files.createTempFile("inscriptions", ".xlsx");
        java.nio.file.Files.write(file, response.body());
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            for (java.util.zip.ZipEntry e : java.util.Collections.list(zip.entries())) {
                try (java.io.InputStream in = zip.getInputStream(e)) {
                    parts.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
        assertThat(parts).containsKeys("xl/workbook.xml", "xl/worksheets/sheet1.xml");
        String strings = parts.getOrDefault("xl/sharedStrings.xml", "") + parts.get("xl/worksheets/sheet1.xml");
        assertThat(strings).contains("Nom", "Pr&#xe9;sent le matin", "Alpha", "Bravo", "Charlie", "Delta",
                "ana." + n + "@test.fr");
        assertThat(parts.get("xl/workbook.xml")).contains("Inscriptions");
    }

    @Test
    void theCsvHasOneLinePerRegistration() throws Exception {
        HttpResponse<byte[]> response = organiser.getBytes(page() + "/inscriptions.csv");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");
        byte[] body = response.body();
        assertThat(body).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);

        List<CSVRecord> records;
        List<String> header;
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text))) {
            header = parser.getHeaderNames();
            records = parser.getRecords();
        }
        // A session without workshops or questions: the columns of before, and the fixed ones of issue 16.
        assertThat(header).containsExactly("Nom", "Prénom", "Courriel", "Téléphone", "Fonction et service", "Employeur",
                "Type d'employeur", "État", "Temps de rencontres", "Repas", "Accessibilité", "Aménagement prévu",
                "Présent le matin", "Présent l'après-midi");
        assertThat(records).hasSize(4);
        assertThat(records.stream().map(r -> r.get("Nom")).toList()).containsExactly("Alpha", "Bravo", "Charlie", "Delta");
        CSVRecord ana = records.get(0);
        assertThat(ana.get("Prénom")).isEqualTo("Ana");
        assertThat(ana.get("Courriel")).isEqualTo("ana." + n + "@test.fr");
        assertThat(ana.get("Employeur")).isEqualTo(agglo.displayName());
        assertThat(ana.get("Type d'employeur")).isEqualTo("Intercommunalité");
        assertThat(ana.get("État")).isEqualTo("Confirmée");
        assertThat(ana.get("Présent le matin")).isEqualTo("oui");
        assertThat(ana.get("Présent l'après-midi")).isEqualTo("non");
        CSVRecord chloe = records.get(2);
        assertThat(chloe.get("Employeur")).isEqualTo(TYPED);
        assertThat(chloe.get("Type d'employeur")).isEqualTo("Hors annuaire");
        assertThat(chloe.get("État")).isEqualTo("Refusée");
        assertThat(chloe.get("Présent le matin")).isEqualTo("non");
    }

    @Test
    void cellsTypedLikeFormulasAreExportedAsTextInTheCsvAndTheWorkbook() throws Exception {
        String surname = "=HYPERLINK(\"https://exemple.invalid\";\"Voir\")";
        registrations.request(dayId, new RequestDraft(surname, "+1+1", "formule." + n + "@test.fr", "01 60 79 74 00",
                "-Juriste", null, "@SUM(A1:A9)", null, null, null, Instant.parse("2016-01-10T10:00:00Z")));

        byte[] body = organiser.getBytes(page() + "/inscriptions.csv").body();
        String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        List<CSVRecord> records;
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text))) {
            records = parser.getRecords();
        }
        CSVRecord typed = records.stream().filter(r -> r.get("Courriel").startsWith("formule.")).findFirst().orElseThrow();
        assertThat(typed.get("Nom")).isEqualTo("'" + surname);
        assertThat(typed.get("Prénom")).isEqualTo("'+1+1");
        assertThat(typed.get("Employeur")).isEqualTo("'@SUM(A1:A9)");
        assertThat(typed.get("Fonction et service")).isEqualTo("'-Juriste");
        // What needs nothing is written as it came.
        CSVRecord ana = records.stream().filter(r -> r.get("Nom").equals("Alpha")).findFirst().orElseThrow();
        assertThat(ana.get("Prénom")).isEqualTo("Ana");
        assertThat(ana.get("Employeur")).isEqualTo(agglo.displayName());

        byte[] xlsx = organiser.getBytes(page() + "/inscriptions.xlsx").body();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            Row line = workbook.getFirstSheet().read().stream()
                    .filter(r -> r.getCellAsString(2).orElse("").startsWith("formule.")).findFirst().orElseThrow();
            for (int c : new int[] {0, 1, 4, 5}) {
                assertThat(line.getCell(c).getType()).isEqualTo(CellType.STRING);
                assertThat(line.getCell(c).getFormula()).isNull();
            }
            assertThat(line.getCell(0).asString()).isEqualTo(surname);
            assertThat(line.getCell(1).asString()).isEqualTo("+1+1");
            assertThat(line.getCell(4).asString()).isEqualTo("-Juriste");
            assertThat(line.getCell(5).asString()).isEqualTo("@SUM(A1:A9)");
        }
    }

    @Test
    void anOrganiserOfAnotherUnitIsRefused() throws Exception {
        String other = "autre.tableau." + n + "@cnfpt.fr";
        accounts.create(new NewAccount(other, "Olga Autre", Role.ORGANISER, "INSET d'ailleurs " + n, PASSWORD));
        WebSession session = new WebSession(port);
        session.signIn(other, PASSWORD);
        assertThat(session.get(page()).statusCode()).isEqualTo(403);
        assertThat(session.getBytes(page() + "/inscriptions.csv").statusCode()).isEqualTo(403);
        assertThat(new WebSession(port).get(page() + "/inscriptions.csv").statusCode()).isNotEqualTo(200);
    }
}
