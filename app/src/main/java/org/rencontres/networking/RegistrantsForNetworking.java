package org.rencontres.networking;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.rencontres.attendance.Attendances;
import org.rencontres.attendance.Attendee;
import org.rencontres.attendance.HalfDay;
import org.rencontres.event.SessionDay;
import org.rencontres.event.SessionDays;
import org.rencontres.registration.RegistrationState;
import org.rencontres.registration.Registrations;
import org.springframework.stereotype.Component;

/**
 * The day's CONFIRMED registrations of agents who asked, on the request form, to take part in the
 * networking time, with the employer's name as organisation.
 */
@Component
class RegistrantsForNetworking implements ConfirmedRegistrants {

    private final Registrations registrations;
    private final Attendances attendances;

    RegistrantsForNetworking(Registrations registrations, Attendances attendances) {
        this.registrations = registrations;
        this.attendances = attendances;
    }

    @Override
    public List<Registrant> checkedIn(long dayId, SessionDays days, SessionDay on) {
        Set<Long> present = new HashSet<>();
        for (HalfDay half : HalfDay.values()) {
            attendances.attendees(dayId, half).stream().filter(a -> a.present() && a.registrationId() != null)
                    .filter(a -> days.isSingle() || checkedInOn(a, days, on))
                    .forEach(a -> present.add(a.registrationId()));
        }
        return confirmed(dayId).stream().filter(r -> present.contains(r.registrationId())).toList();
    }

    /**
     * Whether that presence was recorded on the rotation's day: on a session of several days, being
     * checked in on Tuesday says nothing of Wednesday. The welcome desk records a check-in when the
     * person arrives, so its date is the day's. (Attendance keeps the session day of each row; once it
     * offers the people of one session day, ask it for {@code on} instead.)
     */
    private static boolean checkedInOn(Attendee a, SessionDays days, SessionDay on) {
        return a.presentAt() != null && a.presentAt().atZone(days.zone()).toLocalDate().equals(on.date());
    }

    @Override
    public List<Registrant> confirmed(long dayId) {
        return registrations.ofDay(dayId).stream().filter(r -> r.state() == RegistrationState.CONFIRMED && r.networkingOptIn())
                .map(r -> new Registrant(r.id(), (r.givenName() + " " + r.surname()).strip(),
                        r.employerName() == null || r.employerName().isBlank() ? null : r.employerName().strip()))
                .toList();
    }
}
