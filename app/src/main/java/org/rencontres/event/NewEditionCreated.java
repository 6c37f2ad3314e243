package org.rencontres.event;

import java.util.Map;

/**
 * An organiser duplicated a day as a new edition (a draft, at a new date). Published inside the
 * transaction that creates it, with the new edition's day for each day of the source: the modules that own a part of a day (programme, networking,
 * workshops) copy theirs in plain, synchronous listeners, so that a failed copy rolls the new
 * edition back with everything else.
 */
public record NewEditionCreated(long fromDayId, long toDayId, Map<Long, Long> sessionDays) {

    public NewEditionCreated {
        sessionDays = Map.copyOf(sessionDays);
    }

    /** The new edition's day that copies this day of the source session (same rank, shifted). */
    public long sessionDay(long fromSessionDayId) {
        Long to = sessionDays.get(fromSessionDayId);
        if (to == null) {
            throw new IllegalArgumentException("No day " + fromSessionDayId + " in session " + fromDayId);
        }
        return to;
    }
}
