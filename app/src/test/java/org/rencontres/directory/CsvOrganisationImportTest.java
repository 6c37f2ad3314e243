package org.rencontres.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Reading organisations from CSV: encodings, separators, quotes, headers, and the errors of each line. */
class CsvOrganisationImportTest {

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] utf8WithBom(String text) {
        byte[] body = utf8(text);
        byte[] all = new byte[body.length + 3];
        all[0] = (byte) 0xEF;
        all[1] = (byte) 0xBB;
        all[2] = (byte) 0xBF;
        System.arraycopy(body, 0, all, 3, body.length);
        return all;
    }

    private static List<ImportProblem> problems(ImportFile file, int index) {
        return file.lines().get(index).problems();
    }

    @Test
    void utf8_with_a_byte_order_mark_and_semicolons_as_french_excel_writes_it() {
        ImportFile file = CsvOrganisationImport.read(utf8WithBom("""
                Nom;Type;SIREN;Adresse;Code postal;Ville;Site;Courriel formation\r
                Communauté d'agglomération Grand Paris Sud;Intercommunalité;200 059 228;500 place des Champs-Élysées;91080;Évry-Courcouronnes;www.grandparissud.fr;formation@grandparissud.fr | rh.formation@grandparissud.fr\r
                Ville de Paris;commune;217500016;;75004;Paris;;\r
                """));

        assertThat(file.problem()).isNull();
        assertThat(file.encoding()).isEqualTo("UTF-8");
        assertThat(file.delimiter()).isEqualTo(';');
        assertThat(file.lines()).hasSize(2);
        ImportLine agglo = file.lines().get(0);
        assertThat(agglo.line()).isEqualTo(2);
        assertThat(agglo.name()).isEqualTo("Communauté d'agglomération Grand Paris Sud");
        assertThat(agglo.kind()).isEqualTo(OrganisationKind.INTERCOMMUNALITE);
        assertThat(agglo.siren()).isEqualTo("200059228");
        assertThat(agglo.street()).isEqualTo("500 place des Champs-Élysées");
        assertThat(agglo.postcode()).isEqualTo("91080");
        assertThat(agglo.city()).isEqualTo("Évry-Courcouronnes");
        assertThat(agglo.website()).isEqualTo("https://www.grandparissud.fr");
        assertThat(agglo.trainingEmails()).containsExactly("formation@grandparissud.fr", "rh.formation@grandparissud.fr");
        assertThat(agglo.problems()).isEmpty();
        ImportLine paris = file.lines().get(1);
        assertThat(paris.kind()).isEqualTo(OrganisationKind.COMMUNE);
        assertThat(paris.street()).isNull();
        assertThat(paris.trainingEmails()).isEmpty();
        assertThat(file.importable()).isTrue();
    }

    @Test
    void windows_1252_with_accents_is_recognised() {
        byte[] content = "nom;type;ville\nMairie d'Évry-Courcouronnes;Commune;Évry-Courcouronnes\nRégion Grand Est;Région;Strasbourg\n"
                .getBytes(CsvOrganisationImport.WINDOWS_1252);
        ImportFile file = CsvOrganisationImport.read(content);

        assertThat(file.encoding()).isEqualTo("windows-1252");
        assertThat(file.lines()).extracting(ImportLine::city).containsExactly("Évry-Courcouronnes", "Strasbourg");
        assertThat(file.lines().get(0).name()).isEqualTo("Mairie d'Évry-Courcouronnes");
        assertThat(file.lines().get(1).kind()).isEqualTo(OrganisationKind.REGION);
        assertThat(file.importable()).isTrue();
    }

    @Test
    void utf8_without_a_byte_order_mark_is_recognised_too() {
        ImportFile file = CsvOrganisationImport.read(utf8("nom;type\nDépartement de l'Essonne;Département\n"));
        assertThat(file.encoding()).isEqualTo("UTF-8");
        assertThat(file.lines().get(0).name()).isEqualTo("Département de l'Essonne");
    }

    @Test
    void commas_and_quoted_fields_with_separators_quotes_and_line_breaks() {
        ImportFile file = CsvOrganisationImport.read(utf8("""
                "NOM","KIND","Rue","CP","Ville"
                "Agence ""Monde commun"", Paris",Association,"12, rue de la Paix
                Bâtiment B",75002,Paris
                Département de l'Essonne,département,"Boulevard de France",91000,Évry-Courcouronnes
                """));

        assertThat(file.problem()).isNull();
        assertThat(file.delimiter()).isEqualTo(',');
        assertThat(file.lines()).hasSize(2);
        assertThat(file.lines().get(0).name()).isEqualTo("Agence \"Monde commun\", Paris");
        assertThat(file.lines().get(0).street()).isEqualTo("12, rue de la Paix\nBâtiment B");
        assertThat(file.lines().get(1).line()).as("the line where the record starts").isEqualTo(4);
        assertThat(file.lines().get(1).kind()).isEqualTo(OrganisationKind.DEPARTEMENT);
    }

    @Test
    void columns_come_in_any_order_unknown_ones_are_ignored_and_blank_lines_skipped() {
        ImportFile file = CsvOrganisationImport.read(utf8("ville;Remarque;TYPE;Nom\n\nNancy;à revoir;Commune;Ville de Nancy\n;;;\n"));
        assertThat(file.problem()).isNull();
        assertThat(file.ignoredColumns()).containsExactly("Remarque");
        assertThat(file.lines()).hasSize(1);
        assertThat(file.lines().get(0).line()).isEqualTo(3);
        assertThat(file.lines().get(0).name()).isEqualTo("Ville de Nancy");
        assertThat(file.lines().get(0).city()).isEqualTo("Nancy");
    }

    @Test
    void each_bad_line_says_why() {
        ImportFile file = CsvOrganisationImport.read(utf8("""
                nom;type;siren;code postal;site;courriel formation
                ;Commune;;;;
                Ville A;Planète;;;;
                Ville B;Commune;123456789;;;
                Ville C;Commune;;9108;;
                Ville D;;;;;
                Ville E;Commune;;;pas un site;formation@ville-e.fr pas-une-adresse
                ville a;Commune;;;;
                Ville F;Commune;217500016;;;
                Ville G;Commune;217 500 016;;;
                Ville H;Commune;;;;;en trop
                Ville I;Commune;;;;
                """));

        assertThat(file.problem()).isNull();
        assertThat(file.importable()).isFalse();
        assertThat(problems(file, 0)).containsExactly(ImportProblem.of("directory.import.error.name"));
        assertThat(problems(file, 1)).containsExactly(ImportProblem.of("directory.import.error.kind", "Planète"));
        assertThat(problems(file, 2)).containsExactly(ImportProblem.of("directory.import.error.siren", "123456789"));
        assertThat(problems(file, 3)).containsExactly(ImportProblem.of("directory.import.error.postcode", "9108"));
        assertThat(problems(file, 4)).containsExactly(ImportProblem.of("directory.import.error.kind.missing"));
        assertThat(problems(file, 5)).containsExactly(ImportProblem.of("directory.import.error.website", "pas un site"),
                ImportProblem.of("directory.import.error.email", "pas-une-adresse"));
        assertThat(problems(file, 6)).containsExactly(ImportProblem.of("directory.import.error.name.twice", 3));
        assertThat(problems(file, 7)).isEmpty();
        assertThat(problems(file, 8)).containsExactly(ImportProblem.of("directory.import.error.siren.twice", 9));
        assertThat(problems(file, 9)).containsExactly(ImportProblem.of("directory.import.error.columns", 6));
        assertThat(problems(file, 10)).isEmpty();
        assertThat(file.lines()).extracting(ImportLine::status).containsExactly(ImportStatus.ERROR, ImportStatus.ERROR,
                ImportStatus.ERROR, ImportStatus.ERROR, ImportStatus.ERROR, ImportStatus.ERROR, ImportStatus.ERROR,
                ImportStatus.NEW, ImportStatus.ERROR, ImportStatus.ERROR, ImportStatus.NEW);
    }

    @Test
    void a_file_that_cannot_be_read_as_a_whole_is_refused() {
        assertThat(CsvOrganisationImport.read(new byte[0]).problem().key()).isEqualTo("directory.import.error.empty");
        assertThat(CsvOrganisationImport.read(utf8("\n\n")).problem().key()).isEqualTo("directory.import.error.empty");
        assertThat(CsvOrganisationImport.read(utf8("nom;type\n")).problem().key()).isEqualTo("directory.import.error.nolines");
        assertThat(CsvOrganisationImport.read(utf8("nom;ville\nA;B\n")).problem().key()).isEqualTo("directory.import.error.header");
        assertThat(CsvOrganisationImport.read(utf8("nom;type;Nom\nA;Commune;B\n")).problem())
                .isEqualTo(ImportProblem.of("directory.import.error.header.twice", "Nom"));
        ImportFile unclosed = CsvOrganisationImport.read(utf8("nom;type\nA;Commune\n\"B;Commune\nC;Commune\n"));
        assertThat(unclosed.problem().key()).isEqualTo("directory.import.error.malformed");
        assertThat(unclosed.lines()).isEmpty();
        assertThat(CsvOrganisationImport.read(new byte[] {(byte) 0xFF, (byte) 0xFE, 'n', 0}).problem().key())
                .isEqualTo("directory.import.error.utf16");
        assertThat(CsvOrganisationImport.read(new byte[] {'%', 'P', 'D', 'F', 0, 1, 2}).problem().key())
                .isEqualTo("directory.import.error.binary");
    }
}
