package org.rencontres.event;

/**
 * A session was cancelled, with the organiser's message: published in the change's transaction so that
 * the modules above tell the people concerned.
 *
 * @param sequence the session's calendar sequence after the change ({@link Days#calendarSequence})
 */
public record SessionCancelled(long dayId, String message, int sequence) {
}
