package org.rencontres.programme;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.event.ManagedDay;
import org.rencontres.programme.ProgrammeImport.SheetDay;
import org.rencontres.programme.ProgrammeSheet.Column;
import org.rencontres.shared.FrenchTime;
import org.rencontres.shared.Spreadsheets;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/** The spreadsheet an organiser fills to import a programme: the session's days, two example lines, each column's help. */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ProgrammeTemplate {

    private final MessageSource messages;
    private final ProgrammeImport imports;

    /** The template for this session: its header, two example lines on its days, and what each column takes. */
    byte[] templateXlsx(ManagedDay day) {
        List<List<Object>> help = new ArrayList<>();
        help.add(List.of(text("sheet.template.help.column"), text("sheet.template.help.meaning")));
        help(day).forEach((column, meaning) -> help.add(List.of(column.header(), meaning)));
        return Spreadsheets.xlsx(List.of(new Spreadsheets.Sheet(text("sheet.template.sheet"), templateRows(day)),
                new Spreadsheets.Sheet(text("sheet.template.help.sheet"), help)));
    }

    /** The same as CSV; what each column takes follows as comment lines ("#"), which the import skips. */
    String templateCsv(ManagedDay day) {
        StringBuilder csv = new StringBuilder(Spreadsheets.csv(templateRows(day)));
        help(day).forEach((column, meaning) -> csv.append("# ").append(column.header()).append("\u00a0: ")
                .append(meaning).append("\r\n"));
        csv.append("# ").append(text("sheet.template.help.comments")).append("\r\n");
        return csv.toString();
    }

    private List<List<Object>> templateRows(ManagedDay day) {
        List<SheetDay> days = ProgrammeImport.days(day);
        SheetDay first = days.get(0);
        SheetDay last = days.get(days.size() - 1);
        LocalTime welcomeEnd = earliest(first.startsAt().plusMinutes(30), first.endsAt());
        LocalTime talkStart = days.size() == 1 ? welcomeEnd : last.startsAt();
        LocalTime talkEnd = earliest(talkStart.plusHours(1), last.endsAt());
        List<List<Object>> rows = new ArrayList<>();
        rows.add(Arrays.stream(Column.values()).map(c -> (Object) c.header()).toList());
        rows.add(Arrays.asList(1, FrenchTime.clock(first.startsAt()), FrenchTime.clock(welcomeEnd),
                imports.label(SlotKind.WELCOME), text("sheet.template.example.welcome"), null, null,
                text("sheet.template.example.welcome.description")));
        rows.add(Arrays.asList(last.date().format(DateTimeFormatter.ofPattern("dd/MM/yyyy")),
                FrenchTime.clock(talkStart), FrenchTime.clock(talkEnd), imports.label(SlotKind.TALK),
                text("sheet.template.example.talk"), text("sheet.template.example.people"), null, null));
        return rows;
    }

    private Map<Column, String> help(ManagedDay day) {
        String sessionDays = ProgrammeImport.days(day).stream().map(d -> messages.getMessage("sheet.template.day",
                new Object[] {d.number(), FrenchTime.longDate(d.date()), FrenchTime.clock(d.startsAt()),
                        FrenchTime.clock(d.endsAt())}, Locale.FRENCH)).collect(Collectors.joining("\u00a0; "));
        Map<Column, String> help = new LinkedHashMap<>();
        for (Column column : Column.values()) {
            help.put(column, switch (column) {
                case DAY -> messages.getMessage("sheet.template.help.DAY", new Object[] {sessionDays}, Locale.FRENCH);
                case KIND -> messages.getMessage("sheet.column.KIND", new Object[] {imports.kindLabels()}, Locale.FRENCH);
                default -> text("sheet.column." + column.name());
            });
        }
        return help;
    }

    private static LocalTime earliest(LocalTime a, LocalTime b) {
        return a.isBefore(b) ? a : b;
    }

    private String text(String code) {
        return messages.getMessage(code, null, Locale.FRENCH);
    }
}
