package org.rencontres.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rencontres.HtmlChecker;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.TestFiles;
import org.rencontres.WebSession;
import org.rencontres.audit.AuditEntry;
import org.rencontres.audit.AuditTrail;
import org.rencontres.directory.Directory;
import org.rencontres.directory.NewOrganisation;
import org.rencontres.directory.NewPerson;
import org.rencontres.directory.Organisation;
import org.rencontres.directory.OrganisationKind;
import org.rencontres.directory.Person;
import org.rencontres.event.DayDraft;
import org.rencontres.event.DayStatus;
import org.rencontres.event.Days;
import org.rencontres.event.SessionCode;
import org.rencontres.event.SessionDayDraft;
import org.rencontres.registration.AgentSpaces;
import org.rencontres.security.Accounts;
import org.rencontres.security.NewAccount;
import org.rencontres.security.Role;
import org.rencontres.shared.Spreadsheets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The import of a programme from a spreadsheet over real HTTP, on a session of its own: the
 * template imports as it is (XLSX and CSV), every bad line is named by its number and saves nothing,
 * every bad file is refused with its reason, replacing asks first and says how many slots go, and
 * only the session's organisers get in.
 */
@RencontresIntegrationTest
class ProgrammeImportTest {

    private static final String PASSWORD = "correct horse battery";
    private static final String NBSP = "\u00a0";
    private static final AtomicInteger DAYS = new AtomicInteger();
    private static final LocalDate FIRST = LocalDate.of(2031, 5, 15);
    private static final LocalDate SECOND = FIRST.plusDays(1);

    @LocalServerPort int port;
    @Autowired Days days;
    @Autowired Accounts accounts;
    @Autowired Programmes programmes;
    @Autowired Directory directory;
    @Autowired AuditTrail audit;
    @Autowired JdbcClient jdbc;

    private String slug;
    private long dayId;
    private String unit;
    private WebSession organiser;

    @BeforeEach
    void aSessionOfItsOwnAndItsOrganiser() throws Exception {
        int n = DAYS.incrementAndGet();
        unit = "INSET de l'import " + n + " " + System.nanoTime();
        SessionCode code = new SessionCode("ZIMP " + n + " " + System.nanoTime() % 100_000);
        slug = code.slug();
        dayId = days.create(new DayDraft(code, "Session importée " + n, null, null,
                List.of(new SessionDayDraft(FIRST, LocalTime.of(9, 0), LocalTime.of(17, 0)),
                        new SessionDayDraft(SECOND, LocalTime.of(9, 30), LocalTime.of(16, 30))), "Une session de test.", null, null, null, false, null, unit,
                null, List.of(), List.of(), List.of()));
        days.changeStatus(dayId, DayStatus.PUBLISHED);
        String email = "import." + n + "." + System.nanoTime() + "@cnfpt.fr";
        accounts.create(new NewAccount(email, "Claire Import", Role.ORGANISER, unit, PASSWORD));
        organiser = new WebSession(port);
        organiser.signIn(email, PASSWORD);
    }

    private String importPath() {
        return "/admin/journees/" + slug + "/programme/importer";
    }

    private HttpResponse<String> upload(WebSession who, String fileName, byte[] content, String mode) throws Exception {
        return who.uploadForm(importPath(), importPath(), Map.of("mode", mode), "fichier", fileName,
                fileName.endsWith(".xlsx") ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                        : "text/csv", content);
    }

    /** Uploads the file and gives the preview it leads to. */
    private Document preview(String fileName, byte[] content, String mode) throws Exception {
        HttpResponse<String> sent = upload(organiser, fileName, content, mode);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
        assertThat(WebSession.location(sent)).startsWith(importPath() + "/apercu?jeton=");
        return organiser.page(WebSession.location(sent));
    }

    /** Uploads a file that cannot be read and gives the refusal's text. */
    private String refusal(String fileName, byte[] content) throws Exception {
        HttpResponse<String> sent = upload(organiser, fileName, content, "ajouter");
        assertThat(sent.statusCode()).isEqualTo(200);
        return text(Jsoup.parse(sent.body()).select("#erreurs li"));
    }

    /** Posts the preview's confirmation form as it stands. */
    private HttpResponse<String> confirm(Document preview, String previewPath) throws Exception {
        Map<String, String> fields = new LinkedHashMap<>();
        preview.select("form[action$=/confirmer] input[type=hidden]").forEach(i -> fields.put(i.attr("name"), i.attr("value")));
        fields.remove("_csrf");
        return organiser.submit(previewPath, importPath() + "/confirmer", fields);
    }

    /**
     * The text of these elements as a reader sees it, no-break spaces kept (jsoup's text() turns them into
     * spaces, and French typography is part of what these tests check).
     */
    private static List<String> texts(Elements elements) {
        return elements.stream().map(e -> e.wholeText().replaceAll("[ \\t\\r\\n]+", " ").strip()).toList();
    }

    private static String text(Elements elements) {
        return String.join(" ", texts(elements));
    }

    private static byte[] csv(String... lines) {
        return (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private List<Slot> slots() {
        return programmes.programmeOf(dayId).slots();
    }

    private long peopleNamed(String givenName, String familyName) {
        return directory.peopleByName().stream()
                .filter(p -> p.givenName().equals(givenName) && p.familyName().equals(familyName)).count();
    }

    private List<String> importAudits() {
        return audit.of(dayId).stream().filter(e -> e.action().equals("programme.imported")).map(AuditEntry::details)
                .toList();
    }

    @Test
    void the_template_imports_as_it_is_from_xlsx_then_replaces_the_programme_from_csv() throws Exception {
        HttpResponse<byte[]> xlsx = organiser.getBytes(importPath() + "/modele-programme.xlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("attachment", "modele-programme.xlsx");
        HttpResponse<byte[]> csv = organiser.getBytes(importPath() + "/modele-programme.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        String csvText = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(csvText).startsWith("\uFEFF\"Jour\";\"Début\";\"Fin\";\"Type\";\"Titre\";\"Intervenants\";\"Salle\";\"Description\"")
                .contains("# Type" + NBSP + ": Le type du créneau, l'un de" + NBSP + ": Accueil, Allocution, Exposé")
                .contains("Jour 1 = jeudi 15 mai 2031, de 9h à 17h" + NBSP + "; Jour 2 = vendredi 16 mai 2031, de 9h30 à 16h30");

        Document page = preview("modele-programme.xlsx", xlsx.body(), "ajouter");
        String previewPath = page.location().replaceFirst("^https?://[^/]+", "");
        assertThat(page.select("#erreurs")).isEmpty();
        assertThat(texts(page.select("table.import-lines caption"))).as("the template's two lines, one on each day").containsExactly(
                "Jour 1" + NBSP + ": jeudi 15 mai 2031 (9h – 17h)", "Jour 2" + NBSP + ": vendredi 16 mai 2031 (9h30 – 16h30)");
        assertThat(page.select("table.import-lines tbody tr")).hasSize(2);
        assertThat(text(page.select(".notes li"))).contains("Ligne 3" + NBSP + ": Claude Exemple n'est pas dans l'annuaire");
        assertThat(page.select("form[action$=/confirmer] button").text()).isEqualTo("Ajouter les 2 créneaux au programme");
        assertThat(slots()).as("nothing saved before the confirmation").isEmpty();

        HttpResponse<String> done = confirm(page, previewPath);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(302);
        assertThat(WebSession.location(done)).isEqualTo("/admin/journees/" + slug + "/programme");
        assertThat(text(organiser.page("/admin/journees/" + slug + "/programme").select("[role=status]")))
                .isEqualTo("Programme importé" + NBSP + ": 2 créneaux ajoutés, 2 personnes ajoutées à l’annuaire.");
        List<Slot> slots = slots();
        assertThat(slots).extracting(Slot::title).containsExactly("Accueil des participants", "Exposé introductif");
        assertThat(slots).extracting(Slot::kind).containsExactly(SlotKind.WELCOME, SlotKind.TALK);
        assertThat(slots).extracting(Slot::startsAt).containsExactly(LocalTime.of(9, 0), LocalTime.of(9, 30));
        assertThat(slots.get(0).sessionDayId()).as("one slot on each day").isNotEqualTo(slots.get(1).sessionDayId());
        assertThat(slots.get(0).description()).isEqualTo("Café d'accueil et remise des badges.");
        assertThat(slots.get(1).people()).extracting(p -> p.givenName() + " " + p.familyName())
                .containsExactly("Claude Exemple", "Dominique Modèle");
        assertThat(slots.get(1).people().get(0).description()).isEqualTo("Ville d'Exemple");
        assertThat(importAudits()).singleElement().asString()
                .contains("« modele-programme.xlsx »", "2 créneau(x) ajouté(s)", "2 personne(s) ajoutée(s)");
        // The same preview cannot be confirmed twice.
        HttpResponse<String> again = confirm(page, "/admin/journees/" + slug + "/programme/importer");
        assertThat(Jsoup.parse(again.body()).select("#erreurs").text()).contains("L'aperçu a expiré ou a déjà servi");
        assertThat(slots()).hasSize(2);

        // The CSV template, replacing: a confirmation says how many slots go; the people are found again.
        Document replacing = preview("modele-programme.csv", csv.body(), "remplacer");
        assertThat(replacing.select("#erreurs")).isEmpty();
        assertThat(texts(replacing.select(".notes li > span:first-child"))).as("the people are in the directory now").containsExactly(
                "Ligne 3" + NBSP + ": l'organisation «" + NBSP + "Ville d'Exemple" + NBSP + "» n'est pas dans l'annuaire"
                        + NBSP + ": elle sera imprimée telle quelle après le nom.");
        String replacingPath = replacing.location().replaceFirst("^https?://[^/]+", "");
        HttpResponse<String> asked = confirm(replacing, replacingPath);
        assertThat(asked.statusCode()).isEqualTo(200);
        Document confirmation = Jsoup.parse(asked.body());
        assertThat(text(confirmation.select("h1"))).startsWith("Remplacer le programme de la journée ZIMP").endsWith(NBSP + "?");
        assertThat(confirmation.text()).contains("Les 2 créneaux actuels du programme seront supprimés",
                "puis les 2 créneaux du fichier seront ajoutés");
        assertThat(slots()).as("nothing replaced before the second confirmation").extracting(Slot::id)
                .containsExactlyElementsOf(slots.stream().map(Slot::id).toList());
        Map<String, String> fields = new LinkedHashMap<>();
        confirmation.select("form[method=post] input[type=hidden]").forEach(i -> fields.put(i.attr("name"), i.attr("value")));
        fields.remove("_csrf");
        HttpResponse<String> replaced = organiser.submit(replacingPath, importPath() + "/confirmer", fields);
        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(302);
        assertThat(slots()).hasSize(2).extracting(Slot::id).doesNotContainAnyElementsOf(slots.stream().map(Slot::id).toList());
        assertThat(peopleNamed("Claude", "Exemple")).isEqualTo(1);
        assertThat(importAudits()).as("newest first").hasSize(2).first().asString().contains("2 supprimé(s) avant l'import");

        HtmlChecker.assertValid("programme-import", Map.of("form", organiser.get(importPath()).body(),
                "preview", page.outerHtml(), "confirmation", asked.body()));
    }

    @Test
    void each_wrong_line_is_named_by_its_number_and_nothing_is_saved() throws Exception {
        Document page = preview("programme.csv", csv(
                "Jour;Début;Fin;Type;Titre;Intervenants;Salle",
                "1;9h;9h30;Accueil;Accueil café;;",
                "3;9h30;10h;Exposé;Jour inconnu;;",
                "1;9h75;10h;Exposé;Heure fausse;;",
                "1;10h;11h;Conférence;Type inconnu;;",
                "1;12h;12h30;Repas;;;",
                "1;11h;10h;Exposé;Fin avant début;;",
                "1;7h;8h;Accueil;Trop tôt;;",
                "12/12/2099;9h;10h;Exposé;Date inconnue;;",
                "1;13h;14h;Exposé;Seul;Madonna;",
                "1;9h15;9h45;Exposé;Chevauche l'accueil;;",
                "1;9h15;9h45;Atelier;En parallèle;;Salle 2",
                "2;9h30;9h45;Atelier;Même piste, autre jour;;Salle 2",
                "2;9h;9h30;Accueil;Avant l'ouverture du jour 2;;"), "ajouter");
        String previewPath = page.location().replaceFirst("^https?://[^/]+", "");

        assertThat(texts(page.select("#erreurs li a"))).containsExactly(
                "Ligne 3" + NBSP + ": le jour 3 n'existe pas" + NBSP + ": la session compte 2 jours.",
                "Ligne 4" + NBSP + ": l'heure de début «" + NBSP + "9h75" + NBSP + "» ne se lit pas" + NBSP
                        + ": écrivez-la comme 9h30, 14h ou 09:30.",
                "Ligne 5" + NBSP + ": le type «" + NBSP + "Conférence" + NBSP + "» n'existe pas" + NBSP
                        + ": choisissez l'un de" + NBSP + ": Accueil, Allocution, Exposé, Interaction, Mise en partage, "
                        + "Repas, Réseautage, Atelier, Clôture, Fin.",
                "Ligne 6" + NBSP + ": le titre du créneau est vide.",
                "Ligne 7" + NBSP + ": l'heure de fin (10h) est avant l'heure de début (11h).",
                "Ligne 8" + NBSP + ": le créneau commence à 7h, en dehors des horaires du jour 1 (9h – 17h)" + NBSP
                        + ": changez l'heure, ou les horaires du jour dans la fiche de la journée.",
                "Ligne 8" + NBSP + ": le créneau finit à 8h, en dehors des horaires du jour 1 (9h – 17h)" + NBSP
                        + ": changez l'heure, ou les horaires du jour dans la fiche de la journée.",
                "Ligne 9" + NBSP + ": le samedi 12 décembre 2099 n'est pas un jour de la session (jeudi 15 mai 2031, vendredi 16 mai 2031).",
                "Ligne 10" + NBSP + ": «" + NBSP + "Madonna" + NBSP + "»" + NBSP
                        + ": écrivez le prénom puis le nom, par exemple «" + NBSP + "Camille Martin (Ville de Lyon)" + NBSP + "».",
                "Ligne 11" + NBSP + ": ce créneau chevauche « Accueil café » (9h – 9h30) dans le programme principal : "
                        + "changez l'horaire, ou placez-le sur une piste parallèle.",
                "Ligne 14" + NBSP + ": le créneau commence à 9h, en dehors des horaires du jour 2 (9h30 – 16h30)" + NBSP
                        + ": changez l'heure, ou les horaires du jour dans la fiche de la journée.");
        assertThat(texts(page.select("#erreurs .problem-column"))).containsExactly("(colonne «" + NBSP + "Jour"
                + NBSP + "»)", "(colonne «" + NBSP + "Début" + NBSP + "»)", "(colonne «" + NBSP + "Type" + NBSP + "»)",
                "(colonne «" + NBSP + "Titre" + NBSP + "»)", "(colonne «" + NBSP + "Fin" + NBSP + "»)",
                "(colonne «" + NBSP + "Début" + NBSP + "»)", "(colonne «" + NBSP + "Fin" + NBSP + "»)",
                "(colonne «" + NBSP + "Jour" + NBSP + "»)",
                "(colonne «" + NBSP + "Intervenants" + NBSP + "»)", "(colonne «" + NBSP + "Début" + NBSP + "»)",
                "(colonne «" + NBSP + "Début" + NBSP + "»)");
        assertThat(page.select("#erreurs a").eachAttr("href")).startsWith("#ligne-3", "#ligne-4");
        assertThat(page.select("#ligne-7").hasClass("status-error")).isTrue();
        assertThat(page.select("#ligne-12").hasClass("status-error")).as("a parallel track overlaps freely").isFalse();
        assertThat(page.select("#ligne-13").hasClass("status-error")).as("the same track on another day overlaps nothing").isFalse();
        assertThat(page.select("form[action$=/confirmer]")).as("no confirmation while a line is wrong").isEmpty();

        // Even a confirmation forged from the kept token saves nothing: the lines are checked again.
        String token = previewPath.replaceFirst(".*jeton=([^&]+).*", "$1");
        HttpResponse<String> forced = organiser.submit(previewPath, importPath() + "/confirmer",
                Map.of("jeton", token, "mode", "ajouter"));
        assertThat(forced.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(forced.body()).select("#erreurs li")).hasSize(11);
        assertThat(slots()).isEmpty();
        assertThat(peopleNamed("Madonna", "")).isZero();
        assertThat(importAudits()).isEmpty();
        HtmlChecker.assertValid("programme-import-errors", Map.of("preview", page.outerHtml()));
    }

    @Test
    void a_csv_with_commas_a_byte_order_mark_and_comments_keeps_its_line_numbers() throws Exception {
        Person known = directory.addPerson(new NewPerson("Hélène", "Import" + System.nanoTime() % 100_000, "directrice",
                null, null, null));
        byte[] content = ("\uFEFF# Programme de la session\r\n"
                + "Titre,Jour,Début,Fin,Type,Intervenants\r\n"
                + "\r\n"
                + "\"Accueil, café\",1,9h,9h30,accueil,\r\n"
                + "Ouverture,2031-05-15,9h30,10h,ALLOCUTION," + known.givenName() + " " + known.familyName().toUpperCase() + "\r\n"
                + "Exposé,15/05/2031,10h,9h,Exposé,\r\n").getBytes(StandardCharsets.UTF_8);
        Document page = preview("programme.csv", content, "ajouter");
        assertThat(texts(page.select("#erreurs li a"))).containsExactly(
                "Ligne 6" + NBSP + ": l'heure de fin (9h) est avant l'heure de début (10h).");
        assertThat(page.select("#ligne-4 td").eachText()).startsWith("9h – 9h30", "Accueil", "Accueil, café");
        assertThat(page.select(".notes li")).as("the person of the directory is found, whatever the case").isEmpty();
    }

    @Test
    void an_xlsx_with_numbers_for_days_and_times_is_read_as_typed_in_a_spreadsheet() throws Exception {
        Organisation organisation = directory.addOrganisation(new NewOrganisation("Région Importée "
                + System.nanoTime(), "RIMP", OrganisationKind.values()[0], null, null, null, null, null));
        long serial = ChronoUnit.DAYS.between(LocalDate.of(1899, 12, 30), FIRST);
        byte[] content = Spreadsheets.xlsx("Programme", List.of(
                List.of("Jour", "Début", "Fin", "Type", "Titre", "Intervenants", "Salle"),
                Arrays.asList(1, 0.375, 0.395833333, "Accueil", "Café", null, null),
                Arrays.asList(serial, 10.0 / 24, 0.5, "Atelier", "Atelier n°1", "Paul Tableur (RIMP)", "Salle 2")));
        Document page = preview("programme.xlsx", content, "ajouter");
        assertThat(page.select("#erreurs")).isEmpty();
        HttpResponse<String> done = confirm(page, page.location().replaceFirst("^https?://[^/]+", ""));
        assertThat(done.statusCode()).isEqualTo(302);
        List<Slot> slots = slots();
        assertThat(slots).extracting(Slot::startsAt).containsExactly(LocalTime.of(9, 0), LocalTime.of(10, 0));
        assertThat(slots).extracting(Slot::endsAt).containsExactly(LocalTime.of(9, 30), LocalTime.of(12, 0));
        assertThat(slots.get(1).track()).isEqualTo("Salle 2");
        assertThat(slots.get(1).people()).singleElement().satisfies(p -> {
            assertThat(p.familyName()).isEqualTo("Tableur");
            assertThat(p.organisation()).isEqualTo(organisation.name());
        });
    }

    @Test
    void a_file_that_cannot_be_imported_is_refused_with_its_reason_and_changes_nothing() throws Exception {
        assertThat(refusal("vide.csv", new byte[0])).isEqualTo("Le fichier est vide.");
        assertThat(refusal("programme.pdf", TestFiles.pdf())).startsWith("Ce fichier n'est ni un classeur XLSX ni un fichier CSV");
        assertThat(refusal("programme.xlsx", TestFiles.png())).startsWith("Ce fichier n'est ni un classeur XLSX ni un fichier CSV");
        assertThat(refusal("entete.csv", csv("Jour;Début;Fin;Type;Titre"))).isEqualTo(
                "Le fichier n'a que sa ligne d'en-tête" + NBSP + ": aucun créneau à importer.");
        assertThat(refusal("colonnes.csv", csv("Jour;Titre;Type", "1;Accueil;Accueil"))).isEqualTo(
                "La première ligne du fichier doit nommer les colonnes du modèle" + NBSP + "; il y manque" + NBSP + ": Début, Fin.");
        assertThat(refusal("guillemet.csv", csv("Jour;Début;Fin;Type;Titre", "1;9h;10h;Exposé;\"Sans fin")))
                .startsWith("Ce fichier CSV ne se lit pas");
        String[] many = new String[ProgrammeSheet.MAX_LINES + 2];
        many[0] = "Jour;Début;Fin;Type;Titre";
        for (int i = 1; i < many.length; i++) {
            many[i] = "1;9h;10h;Exposé;Créneau " + i;
        }
        assertThat(refusal("long.csv", csv(many))).isEqualTo("Le fichier compte plus de " + ProgrammeSheet.MAX_LINES
                + " lignes de créneaux" + NBSP + ": découpez-le en plusieurs fichiers.");
        // Blank rows count too, past a bound: a sheet of endless empty rows is not read to its end.
        String[] blank = new String[ProgrammeSheet.MAX_ROWS + 1];
        Arrays.fill(blank, ";;;;");
        blank[0] = "Jour;Début;Fin;Type;Titre";
        blank[blank.length - 1] = "1;9h;10h;Exposé;Après les lignes vides";
        assertThat(refusal("vides.csv", csv(blank))).startsWith("Le fichier compte plus de " + ProgrammeSheet.MAX_LINES);
        // Exactly the cap is taken (the lines overlap: the preview says so line by line).
        assertThat(upload(organiser, "juste.csv", csv(Arrays.copyOf(many, many.length - 1)), "ajouter").statusCode())
                .isEqualTo(302);

        ByteArrayOutputStream big = new ByteArrayOutputStream();
        big.writeBytes(csv("Jour;Début;Fin;Type;Titre"));
        while (big.size() <= ProgrammeImport.MAX_BYTES) {
            big.writeBytes(csv("1;9h;10h;Exposé;" + "x".repeat(200)));
        }
        // Just over the limit: the controller refuses it once read.
        assertThat(refusal("gros.csv", big.toByteArray())).startsWith("Le fichier dépasse 1" + NBSP + "Mo");
        // Well over it: refused before anything reads the request.
        while (big.size() <= ProgrammeImport.MAX_BYTES + 100 * 1024) {
            big.writeBytes(csv("1;9h;10h;Exposé;" + "x".repeat(200)));
        }
        HttpResponse<String> tooBig = upload(organiser, "gros.csv", big.toByteArray(), "ajouter");
        assertThat(tooBig.statusCode()).isEqualTo(303);
        assertThat(WebSession.location(tooBig)).isEqualTo(importPath() + "?trop-volumineux");
        assertThat(text(organiser.page(WebSession.location(tooBig)).select("#erreurs li")))
                .startsWith("Le fichier dépasse 1" + NBSP + "Mo");

        HttpResponse<String> none = organiser.uploadForm(importPath(), importPath(), Map.of(), "autre", "x.csv",
                "text/csv", csv("x"));
        assertThat(Jsoup.parse(none.body()).select("#erreurs li").text()).isEqualTo("Choisissez le fichier à importer.");
        assertThat(organiser.page(importPath() + "/apercu?jeton=inconnu").select("#erreurs li").text())
                .startsWith("L'aperçu a expiré");
        assertThat(slots()).isEmpty();
        assertThat(importAudits()).isEmpty();
    }

    @Test
    void only_the_sessions_organisers_reach_the_import() throws Exception {
        byte[] file = csv("Jour;Début;Fin;Type;Titre", "1;9h;10h;Exposé;Intrusion");
        WebSession anonymous = new WebSession(port);
        assertThat(anonymous.get(importPath()).statusCode()).isEqualTo(302);
        assertThat(WebSession.location(anonymous.get(importPath()))).isEqualTo("/connexion");
        assertThat(anonymous.getBytes(importPath() + "/modele-programme.xlsx").statusCode()).isEqualTo(302);
        HttpResponse<String> anonymousUpload = anonymous.uploadForm("/connexion", importPath(), Map.of(), "fichier",
                "p.csv", "text/csv", file);
        assertThat(anonymousUpload.statusCode()).isEqualTo(302);
        assertThat(WebSession.location(anonymousUpload)).isEqualTo("/connexion");

        // An agent registered for the session, in their space: still a visitor to the back office.
        String agentMail = "agent.import." + System.nanoTime() + "@commune-test.fr";
        WebSession agent = new WebSession(port);
        Map<String, String> request = new LinkedHashMap<>(Map.of("nom", "Agent", "prenom", "Camille",
                "courriel", agentMail, "telephone", "01 60 79 74 00", "fonction", "Chargée de mission",
                "employeur", "Commune de Test-sur-Seine", "responsable", "", "repas", "", "accessibilite", "",
                "consentement", "oui"));
        request.put("siteWeb", "");
        HttpResponse<String> registered = agent.submit("/journees/" + slug + "/inscription",
                "/journees/" + slug + "/inscription", request);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(302);
        String space = AgentSpaces.pathOf(jdbc, agentMail);
        assertThat(agent.get(space).statusCode()).isEqualTo(200);
        assertThat(WebSession.location(agent.get(importPath()))).isEqualTo("/connexion");
        HttpResponse<String> agentUpload = agent.uploadForm(space, importPath(), Map.of(), "fichier", "p.csv",
                "text/csv", file);
        assertThat(agentUpload.statusCode()).isIn(302, 403);

        String otherMail = "autre.import." + System.nanoTime() + "@cnfpt.fr";
        accounts.create(new NewAccount(otherMail, "Autre unité", Role.ORGANISER, "INSET d'ailleurs", PASSWORD));
        WebSession other = new WebSession(port);
        other.signIn(otherMail, PASSWORD);
        assertThat(other.get(importPath()).statusCode()).isEqualTo(403);
        assertThat(other.getBytes(importPath() + "/modele-programme.csv").statusCode()).isEqualTo(403);
        assertThat(other.uploadForm("/admin", importPath(), Map.of(), "fichier", "p.csv", "text/csv", file).statusCode())
                .isEqualTo(403);
        assertThat(slots()).isEmpty();
    }
}
