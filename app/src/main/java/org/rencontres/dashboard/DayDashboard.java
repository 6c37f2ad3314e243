package org.rencontres.dashboard;

import java.util.List;

/**
 * What the dashboard shows for one day.
 *
 * @param byState registrations per state (states with none left out)
 * @param byOrganisation the organisations with the most registrations, most first
 * @param byKind registrations per kind of employer, typed employers as "hors annuaire"
 * @param funnel the approval steps, each with how many registrations passed it
 * @param halves attendance per half-day (of every day of the session, in order)
 * @param days for a session of several days, attendance per day with its morning and afternoon (null
 *             when the day has no such half-day); empty for a journée
 * @param walkIns people present without a registration
 * @param noShows confirmed registrations present at no half-day
 * @param confirmedSeen confirmed registrations present at some half-day (the hot survey's people asked)
 */
record DayDashboard(int total, List<Count> byState, List<Count> byOrganisation, List<Count> byKind,
                           List<Step> funnel, List<Half> halves, List<DayRow> days, int walkIns, int noShows,
                           int confirmedSeen) {

    /** A label and a number. */
    public record Count(String label, long count) {
    }

    /** A step of the approval funnel and its share of the requests, in whole percent. */
    public record Step(String label, long count, int percent) {
    }

    /** Confirmed registrations present at a half-day, out of all confirmed ones, and the walk-ins seen. */
    public record Half(String label, int present, int confirmed, int rate, int walkIns) {
    }

    /** A day of the session and the attendance of its morning and afternoon (either may be null). */
    public record DayRow(String label, Half morning, Half afternoon) {
    }

    static int percent(long part, long whole) {
        return whole == 0 ? 0 : (int) Math.round(100.0 * part / whole);
    }
}
