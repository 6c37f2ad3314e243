package org.rencontres.audit;

import java.time.Instant;
import java.time.Period;

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
class AuditRetention implements RetainedData.OfOneKind {

    static final String ENTRIES = "audit.entries";

    private final JdbcClient jdbc;

    @Override
    public Kind kind() {
        return new Kind(ENTRIES, Period.ofYears(1), "privacy.retention.kind.audit",
                "privacy.retention.reason.audit");
    }

    @Override
    public long countExpired(Instant cutoff) {
        return jdbc.sql("SELECT count(*) FROM audit_entry WHERE at < ?").param(RetainedData.utc(cutoff))
                .query(Long.class).single();
    }

    @Override
    public long purge(Instant cutoff) {
        return jdbc.sql("DELETE FROM audit_entry WHERE at < ?").param(RetainedData.utc(cutoff)).update();
    }
}
