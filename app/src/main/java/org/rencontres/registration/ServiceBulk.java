package org.rencontres.registration;

import java.io.IOException;
import java.io.StringReader;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.rencontres.directory.Organisation;
import org.rencontres.event.Day;
import org.rencontres.event.Days;
import org.rencontres.shared.FieldProblem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A training service registers several of its agents for a day at once: one agent a line,
 * "surname; first name; e-mail; phone; position and service" (semicolons or tabs, as pasted from a
 * spreadsheet). Every line is checked first; a single bad line records nothing, and each problem is
 * reported with its line number.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ServiceBulk {

    /** A problem of one line: its number (1-based) and the key of the French message. */
    record LineProblem(int line, String messageKey) {
    }

    /**
     * The outcome: the registrations made, or the problems of the form and of each line (then nothing
     * was recorded).
     */
    record Outcome(List<Long> registered, List<FieldProblem> problems, List<LineProblem> lineProblems) {
        boolean done() {
            return problems.isEmpty();
        }

        static Outcome refused(String field, String code) {
            return new Outcome(List.of(), List.of(FieldProblem.of(field, code)), List.of());
        }
    }

    static final int MAX_LINES = 200;

    private final Registrations registrations;
    private final Days days;
    private final PublicRequests requests;
    private final Optional<Clock> clock;

    /**
     * Registers the agents of these lines for the public day of that session code, if it takes
     * requests and the service says its agents are informed.
     */
    @Transactional
    Outcome register(String sessionCode, Organisation employer, String serviceEmail, String lines, boolean informed) {
        String code = sessionCode == null ? "" : sessionCode.strip();
        Optional<Day> day = code.isEmpty() ? Optional.empty() : days.findPublic(code);
        if (day.isEmpty()) {
            return Outcome.refused("code", code.isEmpty() ? "registration.service.error.code.required"
                    : "registration.service.error.code.unknown");
        }
        if (requests.closed(day.get()).isPresent()) {
            return Outcome.refused("code", "registration.service.error.closed");
        }
        if (!informed) {
            return Outcome.refused("informes", "registration.service.error.informed");
        }
        if (lines == null || lines.isBlank()) {
            return Outcome.refused("agents", "registration.service.error.empty");
        }
        List<CSVRecord> records;
        try {
            String text = lines.strip();
            char delimiter = text.indexOf('\t') >= 0 && text.indexOf(';') < 0 ? '\t' : ';';
            records = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setTrim(true).setIgnoreEmptyLines(true)
                    .get().parse(new StringReader(text)).getRecords();
        } catch (IOException | RuntimeException e) {
            return Outcome.refused("agents", "registration.service.error.unreadable");
        }
        if (records.size() > MAX_LINES) {
            return Outcome.refused("agents", "registration.service.error.too.many");
        }
        List<LineProblem> problems = new ArrayList<>();
        List<RequestDraft> drafts = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int n = 0;
        for (CSVRecord record : records) {
            n++;
            if (record.size() < 5) {
                problems.add(new LineProblem(n, "registration.service.error.columns"));
                continue;
            }
            RequestDraft draft;
            try {
                draft = new RequestDraft(record.get(0), record.get(1), record.get(2), record.get(3), record.get(4),
                        employer.id(), employer.name(), null, null, null, clock.orElseGet(Clock::systemUTC).instant());
            } catch (IllegalArgumentException e) {
                problems.add(new LineProblem(n, "registration.service.error." + e.getMessage().split(":")[0]));
                continue;
            }
            if (!seen.add(draft.email().toLowerCase(Locale.ROOT))) {
                problems.add(new LineProblem(n, "registration.service.error.twice"));
            } else if (registrations.hasLiveRequest(day.get().id(), draft.email())) {
                problems.add(new LineProblem(n, "registration.error.duplicate"));
            } else {
                drafts.add(draft);
            }
        }
        if (!problems.isEmpty()) {
            return new Outcome(List.of(), List.of(FieldProblem.of("agents", "registration.service.error.lines")), problems);
        }
        List<Long> ids = new ArrayList<>();
        for (RequestDraft draft : drafts) {
            ids.add(registrations.registerByService(day.get().id(), draft, serviceEmail, List.of()));
        }
        return new Outcome(ids, List.of(), List.of());
    }
}
