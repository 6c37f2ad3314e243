package org.rencontres.shared;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The one way the application writes tables for spreadsheet programs (CSV and XLSX), so that a cell
 * typed by someone (a visitor's name, an employer) can never run as a formula when an organiser
 * opens the file.
 *
 * <p>CSV: a text cell that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a
 * carriage return is prefixed with a single quote (OWASP's rule against CSV injection), and every
 * text cell is quoted, so that a program splitting on another separator (',' in an English Excel)
 * cannot make a new cell start inside it. Numbers are the application's own (counts, rates): they
 * are written as numbers, neither quoted nor prefixed, so a negative count stays a number; a number
 * someone typed arrives as text and is prefixed like any text ("-12" becomes "'-12").
 *
 * <p>XLSX: a text cell is written as a string cell (an inline string), never as a formula (fastexcel
 * writes a formula only through {@code Worksheet.formula}, which this class never calls), so its text
 * is shown as typed and no quote is added: there the quote would only be a stray character.
 *
 * <p>Both are written as the rows come ({@link #csv(OutputStream, Table)}, {@link #xlsx(OutputStream, List)}):
 * a database cursor can feed an HTTP response of any size with one window of rows in memory; the
 * forms taking a list write through them.
 */
public final class Spreadsheets {

    /** The first characters that make Excel, LibreOffice or Google Sheets read a cell as a formula. */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setDelimiter(';').setRecordSeparator("\r\n")
            .setQuoteMode(QuoteMode.NON_NUMERIC).get();

    private Spreadsheets() {
    }

    /** The text as a CSV cell that no spreadsheet program runs as a formula. */
    public static String neutralise(String text) {
        if (text != null && !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    /** How many rows of a worksheet are kept in memory before they are written out. */
    static final int XLSX_WINDOW = 500;

    /** Takes a table's rows one at a time; a cell is text, a number, or null (empty). */
    @FunctionalInterface
    public interface RowSink {
        void row(List<?> cells);
    }

    /** Writes a table's rows, the header first, into the sink it is given (e.g. from a database cursor). */
    @FunctionalInterface
    public interface Table {
        void writeTo(RowSink sink);
    }

    /**
     * A CSV file for French spreadsheet programs: UTF-8 with a byte order mark, ';' between cells,
     * CRLF between lines. The first row is the header; a cell is text (neutralised), a number, or
     * null (empty).
     */
    public static String csv(List<? extends List<?>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        csv(out, sink -> rows.forEach(sink::row));
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * The same CSV written to a stream as the rows come: a window of a few kilobytes is buffered, so
     * the first lines leave before the last row is produced, whatever the size of the table. The
     * stream is flushed, not closed.
     */
    public static void csv(OutputStream stream, Table table) {
        Writer out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 8192);
        try {
            out.write('\uFEFF');
            CSVPrinter printer = new CSVPrinter(out, CSV);
            table.writeTo(row -> {
                List<Object> cells = new ArrayList<>(row.size());
                for (Object cell : row) {
                    cells.add(cell instanceof Number || cell == null ? cell : neutralise(cell.toString()));
                }
                try {
                    printer.printRecord(cells);
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            });
            printer.flush();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** A sheet of a workbook: its name, and its rows, the first being the header. */
    public record Sheet(String name, List<? extends List<?>> rows) {
    }

    /** A sheet of a workbook written as its rows come: its name, and its table (header first). */
    public record StreamedSheet(String name, Table table) {
    }

    /**
     * An Excel workbook of one sheet: the first row is the header, in bold and frozen; a cell is text
     * (a string cell), a number, or null (empty).
     */
    public static byte[] xlsx(String sheetName, List<? extends List<?>> rows) {
        return xlsx(List.of(new Sheet(sheetName, rows)));
    }

    /** An Excel workbook of these sheets, in order, each written as {@link #xlsx(String, List)} writes its one. */
    public static byte[] xlsx(List<Sheet> sheets) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        xlsx(out, sheets.stream().map(s -> new StreamedSheet(s.name(), sink -> s.rows().forEach(sink::row))).toList());
        return out.toByteArray();
    }

    /**
     * The same workbook written to a stream as the rows come: each sheet is written out every
     * {@value #XLSX_WINDOW} rows and its text cells are inline strings (no table of shared strings
     * growing with the file), so memory holds one window of rows whatever the size. Sheets are
     * written one after the other. The stream is flushed, not closed.
     */
    public static void xlsx(OutputStream stream, List<StreamedSheet> sheets) {
        try {
            Workbook workbook = new Workbook(stream, "Rencontres", "1.0");
            for (StreamedSheet s : sheets) {
                Worksheet sheet = workbook.newWorksheet(s.name());
                write(sheet, s.table());
                sheet.finish();
            }
            workbook.finish();
            stream.flush();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void write(Worksheet sheet, Table table) {
        int[] r = {0};
        table.writeTo(row -> {
            for (int c = 0; c < row.size(); c++) {
                Object cell = row.get(c);
                if (cell instanceof Number number) {
                    sheet.value(r[0], c, number);
                } else if (cell != null) {
                    sheet.inlineString(r[0], c, cell.toString());
                }
            }
            if (r[0] == 0) {
                // The header: bold and frozen, set before the first rows are written out.
                sheet.range(0, 0, 0, Math.max(row.size(), 1) - 1).style().bold().set();
                sheet.freezePane(0, 1);
            }
            r[0]++;
            if (r[0] % XLSX_WINDOW == 0) {
                try {
                    sheet.flush();
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            }
        });
    }
}
