package org.rencontres.attendance;

import java.time.Instant;
import java.util.List;

/**
 * An attendance certificate as stored: the half-days the person was present and their hours, fixed
 * when the certificate was issued.
 *
 * @param code the random verification code (also the key of the public PDF)
 * @param minutes the time attended, in minutes
 * @param emailedAt when it was queued for e-mail, or null
 */
record Certificate(long id, long dayId, long registrationId, String code, int minutes, List<AttendedHalfDay> halfDays,
                   Instant createdAt, Instant emailedAt) {
}
