package org.rencontres.event;

/**
 * The dates, hours or venue of a session changed (a day added, moved, re-timed or removed; another
 * place): published in the change's transaction so that the modules above tell the people concerned.
 * Nothing is published when an edit leaves all of them as they were.
 *
 * @param venueBefore the venue before, or null when there was none
 * @param venueAfter the venue after, or null
 * @param sequence the session's calendar sequence after the change ({@link Days#calendarSequence})
 */
public record SessionRescheduled(long dayId, SessionDays before, SessionDays after, Venue venueBefore,
                                 Venue venueAfter, int sequence) {

    public boolean datesChanged() {
        return !before.frenchDates().equals(after.frenchDates());
    }

    /** Some day's hours differ (a day added or removed changes the dates, and may change the hours too). */
    public boolean hoursChanged() {
        return !before.all().stream().map(SessionDay::frenchHours).toList()
                .equals(after.all().stream().map(SessionDay::frenchHours).toList());
    }

    public boolean venueChanged() {
        return !Venue.samePlace(venueBefore, venueAfter);
    }
}
