package org.rencontres.event;

/**
 * A cancelled session was published again: its registrants, told of the cancellation, hear that it takes place
 * after all (published in the change's transaction).
 *
 * @param sequence the session's calendar sequence after the change ({@link Days#calendarSequence})
 */
public record SessionReinstated(long dayId, int sequence) {
}
