package org.rencontres.exchange;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.programme.ProgrammeRules;
import org.rencontres.programme.Slot;
import org.rencontres.programme.SlotKind;
import org.rencontres.shared.EmailAddress;
import org.rencontres.shared.FieldProblem;
import org.rencontres.shared.FrenchTime;
import org.rencontres.shared.Phone;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an uploaded session document, and says everything that is wrong with it before anything is
 * saved: not JSON, another version of the format, what the schema refuses (each problem with its JSON
 * path), then the rules the schema cannot say (a slot within its day's hours and not overlapping
 * another of its track, as the programme editor's {@link ProgrammeRules}; a workshop number once; a
 * table's theme among its rotation's…).
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class DocumentCheck {

    /** The one time zone sessions are stored in today (event's {@code event_day.time_zone} default). */
    static final ZoneId SESSION_ZONE = FrenchTime.PARIS;

    static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final SessionSchema schema;

    /** The document read, or its problems (never both). */
    record Checked(SessionDocument document, List<DocumentProblem> problems) {
        boolean isValid() {
            return problems.isEmpty();
        }

        static Checked refused(List<DocumentProblem> problems) {
            return new Checked(null, List.copyOf(problems));
        }
    }

    Checked check(byte[] content) {
        if (content == null || new String(content, StandardCharsets.UTF_8).isBlank()) {
            return Checked.refused(List.of(DocumentProblem.at("$", "exchange.check.empty")));
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(content);
        } catch (JacksonException e) {
            TokenStreamLocation where = e.getLocation();
            return Checked.refused(List.of(where == null || where.getLineNr() < 1
                    ? DocumentProblem.at("$", "exchange.check.json")
                    : DocumentProblem.at("$", "exchange.check.json.at", where.getLineNr(), where.getColumnNr())));
        }
        JsonNode format = tree.isObject() ? tree.get("format") : null;
        if (format != null && format.isString() && format.asString().startsWith(SessionDocument.FORMAT_FAMILY)
                && !format.asString().equals(SessionDocument.FORMAT)) {
            return Checked.refused(List.of(DocumentProblem.at("$.format", "exchange.check.version",
                    format.asString(), SessionDocument.FORMAT)));
        }
        List<DocumentProblem> problems = schema.check(tree);
        if (!problems.isEmpty()) {
            return Checked.refused(problems);
        }
        SessionDocument document = JSON.treeToValue(tree, SessionDocument.class);
        problems = rules(document);
        return problems.isEmpty() ? new Checked(document, List.of()) : Checked.refused(problems);
    }

    // ---- the rules the schema cannot say

    private static List<DocumentProblem> rules(SessionDocument d) {
        List<DocumentProblem> problems = new ArrayList<>();
        ZoneId zone;
        try {
            zone = ZoneId.of(d.timeZone());
        } catch (DateTimeException e) {
            problems.add(DocumentProblem.at("$.timeZone", "exchange.check.zone", d.timeZone()));
            return problems;
        }
        if (!zone.equals(SESSION_ZONE)) {
            problems.add(DocumentProblem.at("$.timeZone", "exchange.check.zone.other", d.timeZone(),
                    SESSION_ZONE.getId()));
            return problems;
        }
        partners(d, problems);
        disabilityContact(d, problems);
        Set<LocalDate> dates = new HashSet<>();
        Map<Integer, String> workshopNumbers = new HashMap<>();
        for (int i = 0; i < d.days().size(); i++) {
            SessionDocument.Day day = d.days().get(i);
            String at = "$.days[" + i + "]";
            LocalDate date;
            try {
                date = LocalDate.parse(day.date());
            } catch (DateTimeException e) {
                problems.add(DocumentProblem.at(at + ".date", "exchange.schema.format.date", day.date()));
                continue;
            }
            if (!dates.add(date)) {
                problems.add(DocumentProblem.at(at + ".date", "exchange.check.day.twice", longDate(date)));
            }
            LocalTime start = time(day.start(), date, zone, at + ".start", problems);
            LocalTime end = time(day.end(), date, zone, at + ".end", problems);
            if (start == null || end == null) {
                continue;
            }
            if (!end.isAfter(start)) {
                problems.add(DocumentProblem.at(at + ".end", "exchange.check.day.end"));
                continue;
            }
            slots(day, i, at, date, zone, start, end, workshopNumbers, problems);
        }
        return problems;
    }

    /** The disability contact's e-mail and phone by the platform's own rules ({@link EmailAddress}, {@link Phone}). */
    private static void disabilityContact(SessionDocument d, List<DocumentProblem> problems) {
        SessionDocument.DisabilityContact c = d.publicInfo() == null ? null : d.publicInfo().disabilityContact();
        if (c == null) {
            return;
        }
        if (c.email() != null && !EmailAddress.isValid(c.email())) {
            problems.add(DocumentProblem.at("$.publicInfo.disabilityContact.email", "exchange.check.email", c.email()));
        }
        if (c.phone() != null && !Phone.isValid(c.phone())) {
            problems.add(DocumentProblem.at("$.publicInfo.disabilityContact.phone", "exchange.check.phone", c.phone()));
        }
    }

    private static void partners(SessionDocument d, List<DocumentProblem> problems) {
        Set<String> seen = new HashSet<>();
        List<SessionDocument.Partner> partners = SessionDocument.orEmpty(d.partners());
        for (int i = 0; i < partners.size(); i++) {
            String name = partners.get(i).organisation().name().strip().toLowerCase(Locale.ROOT);
            if (!seen.add(name)) {
                problems.add(DocumentProblem.at("$.partners[" + i + "].organisation", "exchange.check.partner.twice",
                        partners.get(i).organisation().name()));
            }
        }
    }

    private static void slots(SessionDocument.Day day, long dayIndex, String dayPath, LocalDate date, ZoneId zone,
                              LocalTime dayStart, LocalTime dayEnd, Map<Integer, String> workshopNumbers,
                              List<DocumentProblem> problems) {
        List<Slot> placed = new ArrayList<>();
        for (int j = 0; j < day.slots().size(); j++) {
            SessionDocument.Slot s = day.slots().get(j);
            String at = dayPath + ".slots[" + j + "]";
            LocalTime start = time(s.start(), date, zone, at + ".start", problems);
            LocalTime end = time(s.end(), date, zone, at + ".end", problems);
            if (start == null || end == null) {
                continue;
            }
            SlotKind kind = SlotKind.valueOf(s.kind());
            String track = blankToNull(s.track());
            for (FieldProblem p : ProgrammeRules.checkTimes(null, start, end, kind, track, dayStart, dayEnd, placed)) {
                problems.add(new DocumentProblem(at + ("fin".equals(p.field()) ? ".end" : ".start"), p.code(), p.args()));
            }
            placed.add(new Slot(j, dayIndex, start, end, kind, null, s.title(), null, track, j, false, false, List.of(),
                    List.of()));
            people(s, at, problems);
            if (s.networking() != null) {
                networking(s.networking(), at + ".networking", problems);
            }
            List<SessionDocument.Workshop> workshops = SessionDocument.orEmpty(s.workshops());
            for (int k = 0; k < workshops.size(); k++) {
                String path = at + ".workshops[" + k + "].number";
                String first = workshopNumbers.putIfAbsent(workshops.get(k).number(), path);
                if (first != null) {
                    problems.add(DocumentProblem.at(path, "exchange.check.workshop.number", workshops.get(k).number(),
                            first));
                }
            }
        }
    }

    private static void people(SessionDocument.Slot s, String slotPath, List<DocumentProblem> problems) {
        Set<String> seen = new HashSet<>();
        List<SessionDocument.SlotPerson> people = SessionDocument.orEmpty(s.people());
        for (int k = 0; k < people.size(); k++) {
            SessionDocument.SlotPerson p = people.get(k);
            if (!seen.add(PersonKey.of(p.person()) + "/" + p.role())) {
                problems.add(DocumentProblem.at(slotPath + ".people[" + k + "]", "exchange.check.person.twice",
                        p.person().givenName() + " " + p.person().familyName()));
            }
        }
    }

    private static void networking(SessionDocument.Networking n, String at, List<DocumentProblem> problems) {
        if (n.rotationMaxMinutes() < n.rotationMinMinutes()) {
            problems.add(DocumentProblem.at(at + ".rotationMaxMinutes", "exchange.check.rotation.range",
                    n.rotationMinMinutes()));
        }
        List<String> themes = SessionDocument.orEmpty(n.themes());
        Set<String> names = new HashSet<>();
        List<SessionDocument.Table> tables = SessionDocument.orEmpty(n.tables());
        for (int k = 0; k < tables.size(); k++) {
            SessionDocument.Table t = tables.get(k);
            if (!names.add(t.name().strip().toLowerCase(Locale.ROOT))) {
                problems.add(DocumentProblem.at(at + ".tables[" + k + "].name", "exchange.check.table.twice", t.name()));
            }
            if (t.theme() != null && !themes.contains(t.theme())) {
                problems.add(DocumentProblem.at(at + ".tables[" + k + "].theme", "exchange.check.table.theme",
                        t.theme()));
            }
        }
    }

    /** The time of day of an ISO date-time in the session's zone, if it falls on that date. */
    private static LocalTime time(String iso, LocalDate date, ZoneId zone, String at, List<DocumentProblem> problems) {
        LocalDateTime local;
        try {
            local = OffsetDateTime.parse(iso).atZoneSameInstant(zone).toLocalDateTime();
        } catch (DateTimeException e) {
            // RFC 3339 allows what java.time does not read ("t" and "z" in lower case, a leap second).
            problems.add(DocumentProblem.at(at, "exchange.schema.format.date-time", iso));
            return null;
        }
        if (!local.toLocalDate().equals(date)) {
            problems.add(DocumentProblem.at(at, "exchange.check.date", iso, longDate(date)));
            return null;
        }
        return local.toLocalTime();
    }

    private static String longDate(LocalDate date) {
        return FrenchTime.longDate(date);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
