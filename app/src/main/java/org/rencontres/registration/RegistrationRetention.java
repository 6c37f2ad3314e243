package org.rencontres.registration;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.event.EndedSessions;
import org.rencontres.shared.RetainedData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What registration keeps of people (issue 17, retention): refused or withdrawn requests, counted from
 * their decision; registrations, counted from the session's last day; scanned paper forms, from the same
 * day. A registration is anonymised, never deleted (the dashboard counts it by state, employer and step of
 * the chain): its names, e-mail, phone, position, needs, answers and the agent's own words in its trail
 * are cleared; its state, employer and transitions stay. A paper form is deleted.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class RegistrationRetention implements RetainedData {

    static final String REFUSED = "registration.refused";
    static final String REGISTRATION = "registration.registration";
    static final String PAPER_FORM = "registration.paper-form";

    private static final String DECIDED_BEFORE = """
            state IN ('REFUSED', 'WITHDRAWN') AND anonymised_at IS NULL
            AND (SELECT max(t.at) FROM registration_transition t WHERE t.registration_id = registration.id) < :cutoff""";
    private static final String OF_ENDED = """
            state NOT IN ('REFUSED', 'WITHDRAWN') AND anonymised_at IS NULL AND event_day_id IN (:days)""";

    private final JdbcClient jdbc;
    private final EndedSessions ended;
    private final RegistrationAnonymiser anonymiser;

    @Override
    public List<Kind> kinds() {
        return List.of(
                new Kind(REFUSED, Period.ofYears(1), "privacy.retention.kind.refused", "privacy.retention.reason.refused"),
                new Kind(REGISTRATION, Period.ofYears(3), "privacy.retention.kind.registration",
                        "privacy.retention.reason.registration"),
                new Kind(PAPER_FORM, Period.ofYears(1), "privacy.retention.kind.paper-form",
                        "privacy.retention.reason.paper-form"));
    }

    @Override
    public long countExpired(String kind, Instant cutoff) {
        return switch (kind) {
            case REFUSED -> jdbc.sql("SELECT count(*) FROM registration WHERE " + DECIDED_BEFORE)
                    .param("cutoff", at(cutoff)).query(Long.class).single();
            case REGISTRATION -> withEnded(cutoff, days -> jdbc.sql("SELECT count(*) FROM registration WHERE " + OF_ENDED)
                    .param("days", days).query(Long.class).single());
            case PAPER_FORM -> withEnded(cutoff, days -> jdbc.sql("""
                            SELECT count(*) FROM registration_paper_form f JOIN registration r ON r.id = f.registration_id
                            WHERE r.event_day_id IN (:days)""")
                    .param("days", days).query(Long.class).single());
            default -> throw new IllegalArgumentException(kind);
        };
    }

    @Override
    public long purge(String kind, Instant cutoff) {
        return switch (kind) {
            case REFUSED -> anonymise(jdbc.sql("SELECT id FROM registration WHERE " + DECIDED_BEFORE + " FOR UPDATE")
                    .param("cutoff", at(cutoff)).query(Long.class).list());
            case REGISTRATION -> withEnded(cutoff, days -> anonymise(
                    jdbc.sql("SELECT id FROM registration WHERE " + OF_ENDED + " FOR UPDATE")
                            .param("days", days).query(Long.class).list()));
            case PAPER_FORM -> withEnded(cutoff, days -> (long) jdbc.sql("""
                            DELETE FROM registration_paper_form f USING registration r
                            WHERE r.id = f.registration_id AND r.event_day_id IN (:days)""")
                    .param("days", days).update());
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private long anonymise(List<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        // A refusal must have a reason (a constraint): its words may name the agent, a dash replaces them.
        jdbc.sql("""
                UPDATE registration_transition SET reason = CASE WHEN to_state = 'REFUSED' THEN '—' END
                WHERE registration_id IN (:ids) AND reason IS NOT NULL""").param("ids", ids).update();
        return anonymiser.anonymise(ids);
    }

    private long withEnded(Instant cutoff, java.util.function.ToLongFunction<List<Long>> query) {
        List<Long> days = ended.endedBefore(cutoff);
        return days.isEmpty() ? 0 : query.applyAsLong(days);
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
