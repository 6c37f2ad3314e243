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
 */
public record CheckIn(HalfDay halfDay, String actor, UUID key, boolean signatureAsked, String signaturePng,
                      Instant presentAt) {

    public static CheckIn plain(HalfDay halfDay, String actor) {
        return new CheckIn(halfDay, actor, null, false, null, null);
    }
}
