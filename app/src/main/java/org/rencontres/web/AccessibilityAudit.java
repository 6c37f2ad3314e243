package org.rencontres.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The RGAA audit behind the accessibility statement, read from one file kept in the repository and served as it is:
 * {@code static/accessibilite/audit-rgaa.csv} (one line a criterion: criterion, theme, title, pages, result C / NC / NA,
 * how it was checked, the test or the reason). The rate and the conformity state of the statement and of every page's
 * footer come from here only: rate = criteria met / criteria applicable on the sample; 100 % is « totalement
 * conforme », 50 % or more « partiellement conforme », less « non conforme » (RGAA 4.1, obligations).
 */
@Component("accessibilityAudit")
public class AccessibilityAudit {

    /** The date of the audit the file records (the statement says it). */
    public static final LocalDate DATE = LocalDate.of(2026, 12, 7);

    static final String FILE = "static/accessibilite/audit-rgaa.csv";

    /** One criterion of the grid. */
    public record Criterion(String number, String theme, String title, String pages, Result result, String method,
                            String evidence) {
    }

    /** The result of a criterion on the sample. */
    public enum Result { C, NC, NA }

    /** The conformity state, its message key being {@code accessibility.state.<name in lower case>}. */
    public enum State { TOTAL, PARTIAL, NONE }

    private final List<Criterion> criteria;

    AccessibilityAudit() {
        this(read(new ClassPathResource(FILE)));
    }

    AccessibilityAudit(List<Criterion> criteria) {
        this.criteria = List.copyOf(criteria);
    }

    static List<Criterion> parse(String csv) {
        return csv.lines().skip(1).filter(line -> !line.isBlank()).map(line -> {
            String[] f = line.split(";", -1);
            if (f.length != 7) {
                throw new IllegalStateException("Audit line of " + f.length + " fields, 7 expected: " + line);
            }
            return new Criterion(f[0], f[1], f[2], f[3], Result.valueOf(f[4]), f[5], f[6]);
        }).toList();
    }

    private static List<Criterion> read(ClassPathResource file) {
        try (InputStream in = file.getInputStream()) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("The RGAA audit grid " + FILE + " cannot be read", e);
        }
    }

    public List<Criterion> criteria() {
        return criteria;
    }

    public long count(Result result) {
        return criteria.stream().filter(c -> c.result() == result).count();
    }

    public long applicable() {
        return count(Result.C) + count(Result.NC);
    }

    /** Criteria met over criteria applicable, in whole percent rounded down (never rounded up to 100). */
    public int rate() {
        return applicable() == 0 ? 0 : (int) (100 * count(Result.C) / applicable());
    }

    public State state() {
        if (count(Result.NC) == 0 && applicable() > 0) {
            return State.TOTAL;
        }
        return rate() >= 50 ? State.PARTIAL : State.NONE;
    }

    /** The criteria not met, for the statement's list of non-accessible content. */
    public List<Criterion> failed() {
        return criteria.stream().filter(c -> c.result() == Result.NC).toList();
    }

    public LocalDate date() {
        return DATE;
    }
}
