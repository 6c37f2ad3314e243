package org.rencontres.privacy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.audit.AuditTrail;
import org.rencontres.shared.FieldProblem;
import org.rencontres.shared.RetainedData;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The retention of personal data (issue 17, point 1): the kinds that the modules declare ({@link RetainedData}
 * beans), each with the period an administrator set or its module's default, what the next purge would remove,
 * and the purge itself, which asks each module to remove what is older than now minus its period. Every
 * change of a period and every run is in the audit trail.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class Retention {

    /** The longest period that may be set: twenty years. */
    static final int MAX_MONTHS = 240;

    /** How many of the latest audited changes and runs the page lists. */
    static final int HISTORY = 10;

    private final List<RetainedData> modules;
    private final PrivacySettings settings;
    private final AuditTrail audit;

    /** A kind of personal data, its module and its period now. */
    record RetainedKind(RetainedData.Kind kind, RetainedData owner, int defaultMonths, int months) {

        public String code() {
            return kind.code();
        }

        /** The form field of its period. */
        public String field() {
            return "mois-" + kind.code().replace('.', '-');
        }

        /** What is older than this is expired at that instant. */
        public Instant cutoff(Instant now) {
            return now.atOffset(ZoneOffset.UTC).minusMonths(months).toInstant();
        }
    }

    /** A kind, the cutoff of a run and how many items it removes (or would remove). */
    record Expiry(RetainedKind kind, Instant cutoff, long count) {
    }

    /** Every kind, in the order of their codes (module by module). */
    List<RetainedKind> kinds() {
        Map<String, Integer> set = settings.months();
        return modules.stream()
                .flatMap(m -> m.kinds().stream().map(k -> {
                    int byDefault = (int) k.defaultPeriod().toTotalMonths();
                    return new RetainedKind(k, m, byDefault, set.getOrDefault(k.code(), byDefault));
                }))
                .sorted(Comparator.comparing(RetainedKind::code))
                .toList();
    }

    /** What a purge at that instant would remove. */
    @Transactional(readOnly = true)
    List<Expiry> preview(Instant now) {
        return kinds().stream()
                .map(k -> new Expiry(k, k.cutoff(now), k.owner().countExpired(k.code(), k.cutoff(now))))
                .toList();
    }

    /**
     * Removes, kind by kind, what is expired at that instant, in one transaction with its audit entry.
     *
     * @param accountId the administrator who asked for it, or null for the daily job
     */
    @Transactional
    List<Expiry> run(Instant now, Long accountId, String actor) {
        List<Expiry> done = new ArrayList<>();
        for (RetainedKind k : kinds()) {
            Instant cutoff = k.cutoff(now);
            done.add(new Expiry(k, cutoff, k.owner().purge(k.code(), cutoff)));
        }
        audit.recordPrivacy(accountId, actor, "privacy.purge", done.stream()
                .map(e -> e.kind().code() + "=" + e.count())
                .collect(Collectors.joining(", ")));
        return done;
    }

    /**
     * Sets the periods typed (months, by form field) and the controller's identity; nothing when one is wrong.
     *
     * @return what is wrong, empty when all was saved
     */
    @Transactional
    List<FieldProblem> change(Map<String, String> typed, PrivacySettings.Controller controller, long accountId,
                              String actor) {
        List<FieldProblem> problems = new ArrayList<>();
        List<String> changes = new ArrayList<>();
        List<Runnable> writes = new ArrayList<>();
        for (RetainedKind k : kinds()) {
            String value = typed.getOrDefault(k.field(), "").strip();
            Integer months = months(value);
            if (months == null) {
                problems.add(FieldProblem.of(k.field(), "privacy.retention.error.months", MAX_MONTHS));
            } else if (months != k.months()) {
                changes.add(k.code() + ": " + k.months() + " → " + months);
                writes.add(() -> settings.setMonths(k.code(), months, actor));
            }
        }
        problems.addAll(ControllerRules.problems(controller));
        if (!problems.isEmpty()) {
            return problems;
        }
        writes.forEach(Runnable::run);
        if (!changes.isEmpty()) {
            audit.recordPrivacy(accountId, actor, "privacy.retention.changed", String.join(", ", changes));
        }
        if (!controller.equals(settings.controller())) {
            settings.setController(controller, actor);
            audit.recordPrivacy(accountId, actor, "privacy.controller.changed",
                    controller.bodyName() + " · " + controller.dpoEmail());
        }
        return List.of();
    }

    /** The latest changes of the settings and runs of the purge, latest first. */
    List<org.rencontres.audit.AuditEntry> history() {
        return audit.ofPrivacy(HISTORY);
    }

    PrivacySettings.Controller controller() {
        return settings.controller();
    }

    /** A whole number of months from 1 to {@link #MAX_MONTHS}, or null. */
    static Integer months(String typed) {
        if (!typed.matches("[0-9]{1,3}")) {
            return null;
        }
        int months = Integer.parseInt(typed);
        return months >= 1 && months <= MAX_MONTHS ? months : null;
    }

    /** The rules of the controller's identity. */
    static final class ControllerRules {

        private ControllerRules() {
        }

        static List<FieldProblem> problems(PrivacySettings.Controller c) {
            List<FieldProblem> problems = new ArrayList<>();
            if (c.bodyName().isBlank() || c.bodyName().length() > 300) {
                problems.add(FieldProblem.of("organisme", "privacy.retention.error.body"));
            }
            if (c.address().isBlank() || c.address().length() > 1000) {
                problems.add(FieldProblem.of("adresse", "privacy.retention.error.address"));
            }
            if (!org.rencontres.shared.EmailAddress.isValid(c.dpoEmail())) {
                problems.add(FieldProblem.of("courriel-dpd", "privacy.retention.error.dpo"));
            }
            return problems;
        }
    }
}
