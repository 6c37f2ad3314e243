package org.rencontres.shared;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;

/**
 * What a module keeps of personal data and how it lets go of it (issue 17, retention): each module that
 * keeps such data declares one bean of this type; the {@code privacy} module collects them, lets an
 * administrator set each kind's period and runs the daily purge. Each module decides the date an item is
 * measured from (a refused request: its decision; a registration: the session's last day) and whether an
 * expired item is deleted or anonymised: rows that the dashboard counts are anonymised, never deleted, so
 * that the statistics stay the same after a purge.
 */
public interface RetainedData {

    /**
     * A kind of personal data.
     *
     * @param code a stable identifier, {@code module.kind} ("registration.refused")
     * @param defaultPeriod how long it is kept when no administrator changed it
     * @param labelKey the message code of its name, in the owning module's messages
     * @param reasonKey the message code of why the default is that long
     */
    record Kind(String code, Period defaultPeriod, String labelKey, String reasonKey) {
    }

    List<Kind> kinds();

    /** How many items of that kind are older than the cutoff: what the next purge would remove. */
    long countExpired(String kind, Instant cutoff);

    /** Deletes or anonymises the items of that kind older than the cutoff, in the caller's transaction. */
    long purge(String kind, Instant cutoff);

    /** An instant as a parameter of a {@code timestamptz} column. */
    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /**
     * A module that keeps one kind of personal data: it says which, counts and purges; a call for another kind
     * is refused (IllegalArgumentException).
     */
    interface OfOneKind extends RetainedData {

        Kind kind();

        /** How many items are older than the cutoff. */
        long countExpired(Instant cutoff);

        /** Deletes or anonymises the items older than the cutoff, in the caller's transaction. */
        long purge(Instant cutoff);

        @Override
        default List<Kind> kinds() {
            return List.of(kind());
        }

        @Override
        default long countExpired(String kind, Instant cutoff) {
            return countExpired(checked(kind, cutoff));
        }

        @Override
        default long purge(String kind, Instant cutoff) {
            return purge(checked(kind, cutoff));
        }

        private Instant checked(String kind, Instant cutoff) {
            if (!kind().code().equals(kind)) {
                throw new IllegalArgumentException(kind);
            }
            return cutoff;
        }
    }
}
