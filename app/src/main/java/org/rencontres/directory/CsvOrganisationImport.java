package org.rencontres.directory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.rencontres.shared.EmailAddress;

/**
 * Reads a CSV file of organisations as spreadsheets write it: UTF-8 (with or without its byte-order
 * mark) or Windows-1252, cells separated by ";" (French Excel) or ",", quoted or not; the header
 * line names the columns in any order, whatever their case and accents. Every line is checked
 * here; nothing touches the database.
 */
final class CsvOrganisationImport {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** The columns an import knows, with the header names that mean each (compared after {@link Texts#fold}). */
    enum Column {
        NAME("nom", "name", "raison sociale", "denomination"),
        SHORT_NAME("sigle", "nom court", "short name"),
        KIND("type", "kind", "nature"),
        SIREN("siren", "n siren", "numero siren"),
        STREET("adresse", "rue", "address", "street"),
        POSTCODE("code postal", "codepostal", "cp", "postcode"),
        CITY("ville", "city", "localite"),
        WEBSITE("site", "site web", "site internet", "website"),
        TRAINING_EMAILS("courriel formation", "courriels formation", "courriel service formation",
                "courriels service formation", "email formation", "e mail formation", "mel formation");

        private final Set<String> names;

        Column(String... names) {
            this.names = Set.of(names);
        }

        static Column named(String header) {
            String folded = Texts.fold(header);
            return Arrays.stream(values()).filter(c -> c.names.contains(folded)).findFirst().orElse(null);
        }
    }

    private CsvOrganisationImport() {
    }

    static ImportFile read(byte[] content) {
        if (content.length >= 2 && ((content[0] == (byte) 0xFF && content[1] == (byte) 0xFE)
                || (content[0] == (byte) 0xFE && content[1] == (byte) 0xFF))) {
            return ImportFile.unreadable("UTF-16", ';', ImportProblem.of("directory.import.error.utf16"));
        }
        for (byte b : content) {
            if (b == 0) {
                return ImportFile.unreadable("?", ';', ImportProblem.of("directory.import.error.binary"));
            }
        }
        Charset charset = encoding(content);
        String text = new String(content, charset);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        char delimiter = delimiter(text);
        if (text.isBlank()) {
            return ImportFile.unreadable(charset.name(), delimiter, ImportProblem.of("directory.import.error.empty"));
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false)
                .setIgnoreSurroundingSpaces(true).setTrim(true).get();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            return read(parser, charset.name(), delimiter);
        } catch (IOException | UncheckedIOException e) {
            // An unbalanced quote and such: the parser cannot resynchronise, so the file as a whole is refused.
            return ImportFile.unreadable(charset.name(), delimiter, ImportProblem.of("directory.import.error.malformed",
                    lineOf(e.getMessage())));
        }
    }

    /** UTF-8 when the file starts with its byte-order mark or decodes as UTF-8 without error; Windows-1252 otherwise. */
    static Charset encoding(byte[] content) {
        if (content.length >= 3 && content[0] == (byte) 0xEF && content[1] == (byte) 0xBB && content[2] == (byte) 0xBF) {
            return StandardCharsets.UTF_8;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return WINDOWS_1252;
        }
    }

    /** The separator of the header line: ";" when it has more of them than ",", "," otherwise. */
    static char delimiter(String text) {
        int end = text.indexOf('\n');
        String header = end < 0 ? text : text.substring(0, end);
        long semicolons = header.chars().filter(c -> c == ';').count();
        long commas = header.chars().filter(c -> c == ',').count();
        return commas > semicolons ? ',' : ';';
    }

    private static ImportFile read(CSVParser parser, String encoding, char delimiter) {
        Map<Column, Integer> columns = new EnumMap<>(Column.class);
        List<String> ignored = new ArrayList<>();
        List<ImportLine> lines = new ArrayList<>();
        Map<String, Integer> names = new HashMap<>();
        Map<String, Integer> sirens = new HashMap<>();
        int width = 0;
        long previousEnd = 0;
        boolean header = true;
        for (CSVRecord record : parser) {
            int line = (int) previousEnd + 1;
            previousEnd = parser.getCurrentLineNumber();
            if (blank(record)) {
                continue;
            }
            if (header) {
                header = false;
                width = record.size();
                for (int i = 0; i < record.size(); i++) {
                    String title = record.get(i);
                    Column column = Column.named(title);
                    if (column == null) {
                        if (!title.isBlank()) {
                            ignored.add(title);
                        }
                    } else if (columns.putIfAbsent(column, i) != null) {
                        return ImportFile.unreadable(encoding, delimiter,
                                ImportProblem.of("directory.import.error.header.twice", title));
                    }
                }
                if (!columns.containsKey(Column.NAME) || !columns.containsKey(Column.KIND)) {
                    return ImportFile.unreadable(encoding, delimiter, ImportProblem.of("directory.import.error.header"));
                }
                continue;
            }
            lines.add(line(line, record, columns, width, names, sirens));
        }
        if (header) {
            return ImportFile.unreadable(encoding, delimiter, ImportProblem.of("directory.import.error.empty"));
        }
        if (lines.isEmpty()) {
            return ImportFile.unreadable(encoding, delimiter, ImportProblem.of("directory.import.error.nolines"));
        }
        return new ImportFile(encoding, delimiter, lines, ignored, null);
    }

    private static ImportLine line(int line, CSVRecord record, Map<Column, Integer> columns, int width,
                                   Map<String, Integer> names, Map<String, Integer> sirens) {
        List<ImportProblem> problems = new ArrayList<>();
        for (int i = width; i < record.size(); i++) {
            if (!record.get(i).isBlank()) {
                problems.add(ImportProblem.of("directory.import.error.columns", width));
                break;
            }
        }
        String name = cell(record, columns, Column.NAME);
        if (name == null) {
            problems.add(ImportProblem.of("directory.import.error.name"));
        } else if (name.length() > OrganisationForm.MAX_NAME) {
            problems.add(ImportProblem.of("directory.import.error.name.long"));
        } else {
            Integer first = names.putIfAbsent(name.toLowerCase(Locale.ROOT), line);
            if (first != null) {
                problems.add(ImportProblem.of("directory.import.error.name.twice", first));
            }
        }
        String kindText = cell(record, columns, Column.KIND);
        OrganisationKind kind = kindText == null ? null : OrganisationKinds.parse(kindText).orElse(null);
        if (kindText == null) {
            problems.add(ImportProblem.of("directory.import.error.kind.missing"));
        } else if (kind == null) {
            problems.add(ImportProblem.of("directory.import.error.kind", kindText));
        }
        String siren = cell(record, columns, Column.SIREN);
        if (siren != null) {
            if (!Siren.isValid(siren)) {
                problems.add(ImportProblem.of("directory.import.error.siren", siren));
            } else {
                siren = Siren.normalise(siren);
                Integer first = sirens.putIfAbsent(siren, line);
                if (first != null) {
                    problems.add(ImportProblem.of("directory.import.error.siren.twice", first));
                }
            }
        }
        String postcode = cell(record, columns, Column.POSTCODE);
        if (postcode != null) {
            if (Postcode.isValid(postcode)) {
                postcode = Postcode.normalise(postcode);
            } else {
                problems.add(ImportProblem.of("directory.import.error.postcode", postcode));
            }
        }
        String website = cell(record, columns, Column.WEBSITE);
        if (website != null) {
            if (Website.isValid(website)) {
                website = Website.normalise(website);
            } else {
                problems.add(ImportProblem.of("directory.import.error.website", website));
            }
        }
        Set<String> emails = new LinkedHashSet<>();
        String emailCell = cell(record, columns, Column.TRAINING_EMAILS);
        if (emailCell != null) {
            for (String email : emailCell.split("[\\s|;,]+")) {
                if (email.isEmpty()) {
                    continue;
                }
                if (EmailAddress.isValid(email)) {
                    emails.add(email);
                } else {
                    problems.add(ImportProblem.of("directory.import.error.email", email));
                }
            }
        }
        return new ImportLine(line, name, cell(record, columns, Column.SHORT_NAME), kindText, kind, siren,
                cell(record, columns, Column.STREET), postcode, cell(record, columns, Column.CITY), website,
                List.copyOf(emails), problems, problems.isEmpty() ? ImportStatus.NEW : ImportStatus.ERROR, null);
    }

    private static String cell(CSVRecord record, Map<Column, Integer> columns, Column column) {
        Integer index = columns.get(column);
        if (index == null || index >= record.size()) {
            return null;
        }
        return Texts.trimmed(record.get(index));
    }

    private static boolean blank(CSVRecord record) {
        for (String value : record) {
            if (!value.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** The line number in a Commons CSV error message ("(line 12) invalid char…"), or "?" when there is none. */
    private static String lineOf(String message) {
        if (message != null) {
            Matcher m = Pattern.compile("line (\\d+)").matcher(message);
            if (m.find()) {
                return m.group(1);
            }
        }
        return "?";
    }
}
