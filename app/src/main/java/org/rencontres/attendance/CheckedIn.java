package org.rencontres.attendance;

import java.time.Instant;

/**
 * Someone was marked present for a half-day (a registrant, or a walk-in when {@code registrationId} is null):
 * published in the check-in's transaction, only when the presence is new (not a replay, not already present).
 */
public record CheckedIn(long dayId, Long registrationId, Long walkInId, long sessionDayId, HalfDay halfDay,
                        Instant presentAt) {
}
