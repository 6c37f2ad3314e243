package org.rencontres.security;

import java.time.Instant;

/**
 * An account of the back office.
 *
 * @param organisingUnit when set, the organiser manages only the days of that unit
 */
public record Account(long id, String email, String displayName, Role role, String organisingUnit, boolean enabled,
                      int failedAttempts, Instant lockedUntil) {

    public boolean isLocked(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
