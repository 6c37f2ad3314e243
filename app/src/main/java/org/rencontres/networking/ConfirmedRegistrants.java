package org.rencontres.networking;

import java.util.List;

import org.rencontres.event.SessionDay;

/**
 * Where the rotation's participants come from when the organiser imports them: the day's confirmed
 * registrants ({@link RegistrantsForNetworking} reads them from registration and attendance).
 */
interface ConfirmedRegistrants {

    /** The day's confirmed registrants who take part in the networking rotation. */
    List<Registrant> confirmed(long dayId);

    /**
     * On the day: those of {@link #confirmed} who have been checked in at the welcome desk on the
     * rotation's day {@code on} of the session (for any half-day so far).
     */
    List<Registrant> checkedIn(long dayId, SessionDay on);

    /**
     * A confirmed registrant.
     *
     * @param organisation the employer's name, or null
     */
    record Registrant(long registrationId, String name, String organisation) {
    }
}
