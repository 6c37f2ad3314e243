package org.rencontres.event;

import java.util.Locale;
import java.util.Optional;

/**
 * What a module keeps on one day of a session (its programme slots, its attendance, its rotations),
 * said in the organiser's language: the confirmation before a day is moved or removed lists what
 * goes with it. Implemented by the modules above {@code event}, which it cannot name.
 */
public interface SessionDayDependents {

    /** "4 créneaux du programme", or empty when the module keeps nothing on that day. */
    Optional<String> on(long dayId, long sessionDayId, Locale locale);
}
