package org.rencontres.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.shared.RetainedData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the audit trail keeps of people (issue 17, retention): its entries name who changed what (the
 * organisers' addresses, sometimes an agent's name in the details), counted from when they were written.
 * An expired entry is deleted: the trail is for investigating a recent change, not a statistic.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class AuditRetention implements RetainedData {

    static final String ENTRIES = "audit.entries";

    private final JdbcClient jdbc;

    @Override
    public List<Kind> kinds() {
        return List.of(new Kind(ENTRIES, Period.ofYears(1), "privacy.retention.kind.audit",
                "privacy.retention.reason.audit"));
    }

    @Override
    public long countExpired(String kind, Instant cutoff) {
        check(kind);
        return jdbc.sql("SELECT count(*) FROM audit_entry WHERE at < ?").param(at(cutoff)).query(Long.class).single();
    }

    @Override
    public long purge(String kind, Instant cutoff) {
        check(kind);
        return jdbc.sql("DELETE FROM audit_entry WHERE at < ?").param(at(cutoff)).update();
    }

    private static void check(String kind) {
        if (!ENTRIES.equals(kind)) {
            throw new IllegalArgumentException(kind);
        }
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
