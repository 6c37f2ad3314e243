package org.rencontres.programme;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.rencontres.shared.FieldProblem;
import org.rencontres.shared.FrenchTime;

/**
 * A programme as a spreadsheet: the columns of the template (named in French, in any order, whatever
 * their case and accents), and the reading of an XLSX or CSV file into lines of text cells, each with
 * the line number a spreadsheet program shows. Nothing here knows the session or the directory: the
 * cells are checked by {@link ProgrammeImport}.
 */
final class ProgrammeSheet {

    /** The most lines of slots a file may have: a three-day session with parallel tracks has about a hundred. */
    static final int MAX_LINES = 300;

    /**
     * The most rows read at all, blank ones included: a sheet of a million empty rows is refused as too
     * long rather than read to its end.
     */
    static final int MAX_ROWS = 10 * MAX_LINES;

    /** The columns of the template, with the header names that mean each (compared after {@link #fold}). */
    enum Column {
        DAY("Jour", true, "jour", "date", "day"),
        START("Début", true, "debut", "heure de debut", "start"),
        END("Fin", true, "fin", "heure de fin", "end"),
        KIND("Type", true, "type", "nature", "kind"),
        TITLE("Titre", true, "titre", "title"),
        PEOPLE("Intervenants", false, "intervenants", "intervenant", "intervenantes", "personnes", "people"),
        ROOM("Salle", false, "salle", "piste", "salle ou piste", "room", "track"),
        DESCRIPTION("Description", false, "description");

        private final String header;
        private final boolean required;
        private final Set<String> names;

        Column(String header, boolean required, String... names) {
            this.header = header;
            this.required = required;
            this.names = Set.of(names);
        }

        /** The name of the column in the template, in French (public: the import page reads it). */
        public String header() {
            return header;
        }

        static Column named(String title) {
            String folded = fold(title);
            return Arrays.stream(values()).filter(c -> c.names.contains(folded)).findFirst().orElse(null);
        }
    }

    /** A line of the file: its number as a spreadsheet program shows it, and its cells as text (never null). */
    record Line(int number, Map<Column, String> cells) implements Serializable {
        Line {
            cells = Map.copyOf(cells);
        }

        String cell(Column column) {
            return cells.getOrDefault(column, "");
        }
    }

    /** What was read: the lines, or why the file as a whole cannot be read (a problem without a field). */
    record Table(List<Line> lines, FieldProblem problem) implements Serializable {
        static Table unreadable(String code, Object... args) {
            return new Table(List.of(), FieldProblem.general(code, args));
        }

        boolean readable() {
            return problem == null;
        }
    }

    private ProgrammeSheet() {
    }

    /** Reads an XLSX workbook (its first sheet). */
    static Table xlsx(byte[] content) {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(content))) {
            boolean date1904 = workbook.isDate1904();
            try (Stream<Row> rows = workbook.getFirstSheet().openStream()) {
                Iterator<Row> it = rows.iterator();
                return read(new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return it.hasNext();
                    }

                    @Override
                    public RawLine next() {
                        Row row = it.next();
                        List<Cell> cells = new ArrayList<>();
                        row.forEach(cells::add);
                        return new RawLine(row.getRowNum(), column -> {
                            Cell cell = column < row.getCellCount() ? row.getCell(column) : null;
                            return text(cell, date1904);
                        }, row.getCellCount(), cells.stream().anyMatch(c -> !text(c, date1904).isBlank()));
                    }
                });
            }
        } catch (IOException | RuntimeException e) {
            // A damaged workbook (its container was checked by Uploads, its XML may still be wrong).
            return Table.unreadable("sheet.error.xlsx.unreadable");
        }
    }

    /** Reads a CSV file: UTF-8 with or without its byte-order mark (Windows-1252 as spreadsheets of old write it), ";" or ",". */
    static Table csv(byte[] content) {
        String text = new String(content, encoding(content));
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter(text)).setIgnoreEmptyLines(false)
                .setCommentMarker('#').setIgnoreSurroundingSpaces(true).setTrim(true).get();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            Iterator<CSVRecord> records = parser.iterator();
            long[] previousEnd = {0};
            return read(new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return records.hasNext();
                }

                @Override
                public RawLine next() {
                    CSVRecord record = records.next();
                    // The line where the record starts: after the previous record (and any comment line).
                    int line = (int) previousEnd[0] + 1 + (record.hasComment() ? (int) record.getComment().lines().count() : 0);
                    previousEnd[0] = parser.getCurrentLineNumber();
                    boolean content = false;
                    for (String value : record) {
                        content |= !value.isBlank();
                    }
                    return new RawLine(line, column -> column < record.size() ? unquote(record.get(column)) : "",
                            record.size(), content);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // An unbalanced quote: the parser cannot resynchronise, so the file as a whole is refused.
            return Table.unreadable("sheet.error.csv.malformed");
        }
    }

    /** A line as a file gives it: its number, its cells by position. */
    private record RawLine(int number, java.util.function.IntFunction<String> cell, int width, boolean hasContent) {
    }

    private static Table read(Iterator<RawLine> raw) {
        Map<Column, Integer> columns = new EnumMap<>(Column.class);
        List<Line> lines = new ArrayList<>();
        boolean header = true;
        int rows = 0;
        while (raw.hasNext()) {
            if (++rows > MAX_ROWS) {
                return Table.unreadable("sheet.error.lines.many", MAX_LINES);
            }
            RawLine line = raw.next();
            if (!line.hasContent()) {
                continue;
            }
            if (header) {
                header = false;
                for (int i = 0; i < line.width(); i++) {
                    String title = line.cell().apply(i);
                    Column column = Column.named(title);
                    if (column != null && columns.putIfAbsent(column, i) != null) {
                        return Table.unreadable("sheet.error.header.twice", column.header());
                    }
                }
                List<String> missing = Arrays.stream(Column.values()).filter(c -> c.required && !columns.containsKey(c))
                        .map(Column::header).toList();
                if (!missing.isEmpty()) {
                    return Table.unreadable("sheet.error.header", String.join(", ", missing));
                }
                continue;
            }
            if (lines.size() == MAX_LINES) {
                return Table.unreadable("sheet.error.lines.many", MAX_LINES);
            }
            Map<Column, String> cells = new EnumMap<>(Column.class);
            columns.forEach((column, index) -> cells.put(column, trim(line.cell().apply(index))));
            lines.add(new Line(line.number(), cells));
        }
        if (header) {
            return Table.unreadable("sheet.error.empty");
        }
        if (lines.isEmpty()) {
            return Table.unreadable("sheet.error.nolines");
        }
        return new Table(List.copyOf(lines), null);
    }

    /**
     * A cell as text. A number typed in Excel arrives as a number: a small whole number is a day's
     * number, a large one a date (days since 1900, or 1904), a fraction a time of day.
     */
    private static String text(Cell cell, boolean date1904) {
        if (cell == null) {
            return "";
        }
        return switch (cell.getType()) {
            case NUMBER -> number(cell.asNumber(), date1904);
            case STRING, BOOLEAN, FORMULA, ERROR -> cell.getRawValue() == null ? "" : cell.getText();
            case EMPTY -> "";
        };
    }

    private static String number(BigDecimal value, boolean date1904) {
        if (value.signum() < 0) {
            return value.toPlainString();
        }
        BigDecimal whole = new BigDecimal(value.toBigInteger());
        BigDecimal fraction = value.subtract(whole);
        if (fraction.signum() == 0) {
            long days = whole.longValueExact();
            if (days < 1000) {
                return String.valueOf(days);
            }
            // Excel's day 0 is 30 December 1899 (its 1900 leap-year bug included); 1904 workbooks count from 1 January 1904.
            LocalDate epoch = date1904 ? LocalDate.of(1904, 1, 1) : LocalDate.of(1899, 12, 30);
            return epoch.plusDays(days).toString();
        }
        if (whole.signum() == 0) {
            long minutes = Math.round(fraction.doubleValue() * 24 * 60);
            return minutes >= 24 * 60 ? value.toPlainString() : FrenchTime.clock(LocalTime.ofSecondOfDay(minutes * 60));
        }
        return value.stripTrailingZeros().toPlainString();
    }

    /** Without the spaces around it, no-break spaces included. */
    private static String trim(String cell) {
        return cell.replaceAll("^[\\s\\u00a0\\u202f]+|[\\s\\u00a0\\u202f]+$", "");
    }

    /** Undoes the quote that {@link org.rencontres.shared.Spreadsheets#neutralise} puts before a formula's first character. */
    private static String unquote(String cell) {
        if (cell.length() > 1 && cell.charAt(0) == '\'' && "=+-@\t\r".indexOf(cell.charAt(1)) >= 0) {
            return cell.substring(1);
        }
        return cell;
    }

    /** UTF-8 when the file decodes as UTF-8 without error (with or without its byte-order mark); Windows-1252 otherwise. */
    static Charset encoding(byte[] content) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return Charset.forName("windows-1252");
        }
    }

    /** The separator of the header line (the first that is not a comment): ";" unless it has more ",". */
    static char delimiter(String text) {
        for (String line : text.split("\\R", -1)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            long semicolons = line.chars().filter(c -> c == ';').count();
            long commas = line.chars().filter(c -> c == ',').count();
            return commas > semicolons ? ',' : ';';
        }
        return ';';
    }

    /** A text compared as organisers mean it: lower case, no accents, single spaces, "-" and "'" as spaces. */
    static String fold(String text) {
        if (text == null) {
            return "";
        }
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[\\s\\u00a0\\u202f'’\\-_.]+", " ").strip();
    }
}
