package org.rencontres.dashboard;

import java.util.List;

/**
 * What the dashboard shows for one day.
 *
 * @param byState registrations per state (states with none left out)
 * @param byOrganisation the organisations with the most registrations, most first
 * @param byKind registrations per kind of employer, typed employers as "hors annuaire"
 * @param funnel the approval steps, each with how many registrations passed it
 * @param halves attendance per half-day
 * @param walkIns people present without a registration
 * @param noShows confirmed registrations present at no half-day
 */
record DayDashboard(int total, List<Count> byState, List<Count> byOrganisation, List<Count> byKind,
                           List<Step> funnel, List<Half> halves, int walkIns, int noShows) {

    /** A label and a number. */
    public record Count(String label, long count) {
    }

    /** A step of the approval funnel and its share of the requests, in whole percent. */
    public record Step(String label, long count, int percent) {
    }

    /** Confirmed registrations present at a half-day, out of all confirmed ones, and the walk-ins seen. */
    public record Half(String label, int present, int confirmed, int rate, int walkIns) {
    }

    static int percent(long part, long whole) {
        return whole == 0 ? 0 : (int) Math.round(100.0 * part / whole);
    }
}
