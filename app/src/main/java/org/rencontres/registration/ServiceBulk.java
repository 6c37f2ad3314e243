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

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.rencontres.directory.Organisation;
import org.rencontres.event.Day;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A training service registers several of its agents for a day at once: one agent a line,
 * "surname; first name; e-mail; phone; position and service" (semicolons or tabs, as pasted from a
 * spreadsheet). Every line is checked first; a single bad line records nothing, and each problem is
 * reported with its line number.
 */
@Service
class ServiceBulk {

    /** A problem of one line: its number (1-based) and the key of the French message. */
    record LineProblem(int line, String messageKey) {
    }

    /** The outcome: the registrations made, or the problems (then nothing was recorded). */
    record Outcome(List<Long> registered, List<LineProblem> problems, String formProblem) {
        boolean done() {
            return problems.isEmpty() && formProblem == null;
        }
    }

    static final int MAX_LINES = 200;

    private final Registrations registrations;
    private final Clock clock;

    ServiceBulk(Registrations registrations, Optional<Clock> clock) {
        this.registrations = registrations;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @Transactional
    public Outcome register(Day day, Organisation employer, String serviceEmail, String lines, boolean informed) {
        if (!informed) {
            return new Outcome(List.of(), List.of(), "registration.service.error.informed");
        }
        if (lines == null || lines.isBlank()) {
            return new Outcome(List.of(), List.of(), "registration.service.error.empty");
        }
        List<CSVRecord> records;
        try {
            String text = lines.strip();
            char delimiter = text.indexOf('\t') >= 0 && text.indexOf(';') < 0 ? '\t' : ';';
            records = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setTrim(true).setIgnoreEmptyLines(true)
                    .get().parse(new StringReader(text)).getRecords();
        } catch (IOException | RuntimeException e) {
            return new Outcome(List.of(), List.of(), "registration.service.error.unreadable");
        }
        if (records.size() > MAX_LINES) {
            return new Outcome(List.of(), List.of(), "registration.service.error.too.many");
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
                        employer.id(), employer.name(), null, null, null, clock.instant());
            } catch (IllegalArgumentException e) {
                problems.add(new LineProblem(n, "registration.service.error." + e.getMessage().split(":")[0]));
                continue;
            }
            if (!seen.add(draft.email().toLowerCase(Locale.ROOT))) {
                problems.add(new LineProblem(n, "registration.service.error.twice"));
            } else if (registrations.hasLiveRequest(day.id(), draft.email())) {
                problems.add(new LineProblem(n, "registration.error.duplicate"));
            } else {
                drafts.add(draft);
            }
        }
        if (!problems.isEmpty()) {
            return new Outcome(List.of(), problems, null);
        }
        List<Long> ids = new ArrayList<>();
        for (RequestDraft draft : drafts) {
            ids.add(registrations.registerByService(day.id(), draft, serviceEmail, List.of()));
        }
        return new Outcome(ids, List.of(), null);
    }
}
