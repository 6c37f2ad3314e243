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

    /** How many rows the streaming tests write, the size of a large session's list. */
    private static final int ROWS = 5_000;

    /** An output stream that counts what reached it. */
    private static final class Counting extends java.io.OutputStream {
        final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();

        @Override
        public void write(int b) {
            bytes.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes.write(b, off, len);
        }
    }

    /**
     * A table of {@link #ROWS} lines after its header ("Nom", "Employeur", "Rang"), each employer typed
     * like a formula; before it hands its last row it notes how many bytes had reached the stream.
     */
    private static Spreadsheets.Table large(Counting reached, long[] beforeLast) {
        return sink -> {
            sink.row(List.of("Nom", "Employeur", "Rang"));
            for (int i = 1; i <= ROWS; i++) {
                if (i == ROWS) {
                    beforeLast[0] = reached.bytes.size();
                }
                sink.row(List.of("Agent " + i, "=Commune " + i, i));
            }
        };
    }

    @Test
    void a_large_csv_leaves_before_its_last_row_is_read_and_is_complete() throws Exception {
        Counting reached = new Counting();
        long[] beforeLast = {-1};
        Spreadsheets.csv(reached, large(reached, beforeLast));

        // Written as the rows came: most of the file had left before the last row was produced.
        assertThat(beforeLast[0]).isGreaterThan(reached.bytes.size() / 2);
        List<CSVRecord> records = csv(reached.bytes.toString(java.nio.charset.StandardCharsets.UTF_8), ';');
        assertThat(records).hasSize(ROWS + 1);
        assertThat(records.get(ROWS).values()).containsExactly("Agent 5000", "'=Commune 5000", "5000");
        assertThat(records.get(1).values()).containsExactly("Agent 1", "'=Commune 1", "1");
        // The same file as the form that takes a list.
        List<List<?>> rows = new java.util.ArrayList<>();
        large(new Counting(), new long[1]).writeTo(rows::add);
        assertThat(Spreadsheets.csv(rows)).isEqualTo(reached.bytes.toString(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void the_probe_sees_a_table_held_whole_before_it_is_written() {
        // The check above can fail: behind a buffer that holds the whole file, nothing leaves before the end.
        Counting reached = new Counting();
        long[] beforeLast = {-1};
        java.io.BufferedOutputStream whole = new java.io.BufferedOutputStream(reached, 64 * 1024 * 1024);
        Spreadsheets.csv(whole, large(reached, beforeLast));
        assertThat(beforeLast[0]).isZero();
        assertThat(reached.bytes.size()).isPositive();
    }

    @Test
    void a_large_workbook_leaves_before_its_last_row_is_read_and_is_complete() throws Exception {
        Counting reached = new Counting();
        long[] beforeLast = {-1};
        Spreadsheets.xlsx(reached, List.of(new Spreadsheets.StreamedSheet("Inscriptions", large(reached, beforeLast)),
                new Spreadsheets.StreamedSheet("Deux", sink -> sink.row(List.of("Seule")))));

        assertThat(beforeLast[0]).isGreaterThan(reached.bytes.size() / 2);
        try (ReadableWorkbook read = new ReadableWorkbook(new ByteArrayInputStream(reached.bytes.toByteArray()))) {
            List<org.dhatim.fastexcel.reader.Sheet> sheets = read.getSheets().toList();
            assertThat(sheets).extracting(org.dhatim.fastexcel.reader.Sheet::getName).containsExactly("Inscriptions", "Deux");
            List<Row> rows = sheets.get(0).read();
            assertThat(rows).hasSize(ROWS + 1);
            assertThat(rows.get(0).getCell(0).asString()).isEqualTo("Nom");
            for (int i : new int[] {1, 2_500, ROWS}) {
                Row line = rows.get(i);
                assertThat(line.getCell(0).asString()).isEqualTo("Agent " + i);
                assertThat(line.getCell(1).getType()).isEqualTo(CellType.STRING);
                assertThat(line.getCell(1).getFormula()).isNull();
                assertThat(line.getCell(1).asString()).isEqualTo("=Commune " + i);
                assertThat(line.getCell(2).asNumber()).isEqualByComparingTo(BigDecimal.valueOf(i));
            }
            assertThat(sheets.get(1).read()).extracting(r -> r.getCell(0).asString()).containsExactly("Seule");
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
