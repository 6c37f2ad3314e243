package org.rencontres.attendance;

import java.time.Instant;
import java.util.UUID;

/**
 * A check-in as the desk sends it.
 *
 * @param key the desk's idempotency key (a UUID made by the browser), or null from a plain form
 * @param signatureAsked whether the organiser asked the person to sign (then an empty pad is refused)
 * @param presentAt when the desk saw the person (a check-in queued offline), or null for now; ignored
 *                  when in the future or more than two days old
 * @param signaturePng the signature as sent by the pad: a PNG data URL ("data:image/png;base64,…"), or null
 * @param sessionDayId the day of the session ({@code event_session_day}), or null for the day the desk
 *                     is on by default (today's day of the session, else its first)
 */
public record CheckIn(HalfDay halfDay, String actor, UUID key, boolean signatureAsked, String signaturePng,
                      Instant presentAt, Long sessionDayId) {

    public CheckIn(HalfDay halfDay, String actor, UUID key, boolean signatureAsked, String signaturePng,
                   Instant presentAt) {
        this(halfDay, actor, key, signatureAsked, signaturePng, presentAt, null);
    }

    public static CheckIn plain(HalfDay halfDay, String actor) {
        return new CheckIn(halfDay, actor, null, false, null, null, null);
    }

    /** The same check-in on that day of the session. */
    public CheckIn on(long sessionDayId) {
        return new CheckIn(halfDay, actor, key, signatureAsked, signaturePng, presentAt, sessionDayId);
    }
}
