package org.rencontres.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpreadsheetsTest {

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"https://exemple.invalid\";\"Cliquez\")", "+1+1", "-2+3", "@SUM(A1:A9)",
            "\t=1+1", "\r=1+1", "=", "-"})
    void a_cell_that_a_spreadsheet_would_read_as_a_formula_gets_a_quote_first(String typed) throws Exception {
        assertThat(Spreadsheets.neutralise(typed)).isEqualTo("'" + typed);

        List<CSVRecord> read = csv(List.of(List.of("Nom"), List.of(typed)));
        assertThat(read.get(1).get(0)).isEqualTo("'" + typed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Dupont", "Évry-Courcouronnes", "ana.alpha@test.fr", "01 60 79 74 00", "12", "1=1", "a+b",
            "Marie-Hélène", " =1+1", "'déjà cité", ""})
    void a_cell_that_starts_otherwise_is_written_as_typed(String typed) throws Exception {
        assertThat(Spreadsheets.neutralise(typed)).isEqualTo(typed);

        List<CSVRecord> read = csv(List.of(List.of("Nom"), List.of(typed)));
        assertThat(read.get(1).get(0)).isEqualTo(typed);
    }

    @Test
    void numbers_of_the_application_stay_numbers_but_a_number_typed_as_text_is_neutralised() throws Exception {
        String file = Spreadsheets.csv(List.of(List.of("Inscrits", "Écart", "Taux", "Saisi"),
                List.of(12, -3, new BigDecimal("-0.5"), "-12")));

        assertThat(file).startsWith("\uFEFF").endsWith("\r\n");
        assertThat(file.substring(1).split("\r\n")[1]).isEqualTo("12;-3;-0.5;\"'-12\"");
    }

    @Test
    void every_text_cell_is_quoted_so_that_another_separator_cannot_start_a_new_cell() throws Exception {
        String file = Spreadsheets.csv(List.of(List.of("Nom", "Employeur"), List.of("Dupont,=1+1", "a;@SUM(A1)")));

        assertThat(csv(file, ';').get(1).values()).containsExactly("Dupont,=1+1", "a;@SUM(A1)");
        // Quoted, the cell keeps its ',' even for a program that splits on ',' (an English Excel).
        assertThat(file.substring(1).split("\r\n")[1]).isEqualTo("\"Dupont,=1+1\";\"a;@SUM(A1)\"");
    }

    @Test
    void a_null_cell_is_empty() throws Exception {
        assertThat(csv(List.of(List.of("a", "b"), Arrays.asList(null, "x"))).get(1).values()).containsExactly("", "x");
    }

    @Test
    void the_workbook_holds_text_as_text_never_as_a_formula_and_numbers_as_numbers() throws Exception {
        List<String> typed = List.of("=HYPERLINK(\"https://exemple.invalid\";\"Cliquez\")", "+1+1", "-2", "@SUM(A1:A9)",
                "\t=1+1", "Dupont");
        byte[] workbook = Spreadsheets.xlsx("Inscriptions", List.of(List.of("a", "b", "c", "d", "e", "f", "n"),
                java.util.stream.Stream.concat(typed.stream(), java.util.stream.Stream.of(-3)).toList()));

        try (ReadableWorkbook read = new ReadableWorkbook(new ByteArrayInputStream(workbook))) {
            assertThat(read.getFirstSheet().getName()).isEqualTo("Inscriptions");
            List<Row> rows = read.getFirstSheet().read();
            assertThat(rows).hasSize(2);
            Row line = rows.get(1);
            for (int c = 0; c < typed.size(); c++) {
                Cell cell = line.getCell(c);
                assertThat(cell.getType()).as("cell %s", c).isEqualTo(CellType.STRING);
                assertThat(cell.getFormula()).isNull();
                // As typed, without a quote: a string cell is never evaluated.
                assertThat(cell.asString()).isEqualTo(typed.get(c));
            }
            assertThat(line.getCell(typed.size()).getType()).isEqualTo(CellType.NUMBER);
            assertThat(line.getCell(typed.size()).asNumber()).isEqualByComparingTo("-3");
        }
    }

    private static List<CSVRecord> csv(List<? extends List<?>> rows) throws Exception {
        return csv(Spreadsheets.csv(rows), ';');
    }

    private static List<CSVRecord> csv(String file, char delimiter) throws Exception {
        assertThat(file).startsWith("\uFEFF");
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get()
                .parse(new StringReader(file.substring(1)))) {
            return parser.getRecords();
        }
    }
}
