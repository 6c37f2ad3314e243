package org.rencontres.shared;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
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
 * <p>XLSX: a text cell is written as a string cell, never as a formula (fastexcel writes a formula
 * only through {@code Worksheet.formula}, which this class never calls), so its text is shown as
 * typed and no quote is added: there the quote would only be a stray character.
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

    /**
     * A CSV file for French spreadsheet programs: UTF-8 with a byte order mark, ';' between cells,
     * CRLF between lines. The first row is the header; a cell is text (neutralised), a number, or
     * null (empty).
     */
    public static String csv(List<? extends List<?>> rows) {
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        try (CSVPrinter printer = new CSVPrinter(out, CSV)) {
            for (List<?> row : rows) {
                List<Object> cells = new ArrayList<>(row.size());
                for (Object cell : row) {
                    cells.add(cell instanceof Number || cell == null ? cell : neutralise(cell.toString()));
                }
                printer.printRecord(cells);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toString();
    }

    /** A sheet of a workbook: its name, and its rows, the first being the header. */
    public record Sheet(String name, List<? extends List<?>> rows) {
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
        try {
            Workbook workbook = new Workbook(out, "Rencontres", "1.0");
            for (Sheet s : sheets) {
                write(workbook.newWorksheet(s.name()), s.rows());
            }
            workbook.finish();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toByteArray();
    }

    private static void write(Worksheet sheet, List<? extends List<?>> rows) {
        int width = 1;
        for (int r = 0; r < rows.size(); r++) {
            List<?> row = rows.get(r);
            width = Math.max(width, row.size());
            for (int c = 0; c < row.size(); c++) {
                Object cell = row.get(c);
                if (cell instanceof Number number) {
                    sheet.value(r, c, number);
                } else if (cell != null) {
                    sheet.value(r, c, cell.toString());
                }
            }
        }
        if (!rows.isEmpty()) {
            sheet.range(0, 0, 0, width - 1).style().bold().set();
            sheet.freezePane(0, 1);
        }
    }
}
