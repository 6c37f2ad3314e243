package org.rencontres.attendance;

import java.time.Instant;
import java.util.List;

/**
 * An attendance certificate as stored: the half-days the person was present and their hours, fixed
 * when the certificate was issued.
 *
 * @param registrationId the registration it is for, or null for a walk-in
 * @param walkInId the walk-in it is for (someone added at the desk who gave an e-mail), or null
 * @param code the random verification code (also the key of the public PDF)
 * @param minutes the time attended, in minutes
 * @param emailedAt when it was queued for e-mail, or null
 */
record Certificate(long id, long dayId, Long registrationId, Long walkInId, String code, int minutes, List<AttendedHalfDay> halfDays,
                   Instant createdAt, Instant emailedAt) {
}
