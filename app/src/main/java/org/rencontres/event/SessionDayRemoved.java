package org.rencontres.event;

/** A day was removed from a session: modules that keep rows of it delete them (same transaction). */
public record SessionDayRemoved(long dayId, long sessionDayId) {
}
