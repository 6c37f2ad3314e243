package org.rencontres.networking;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.attendance.Attendances;
import org.rencontres.attendance.HalfDay;
import org.rencontres.event.SessionDay;
import org.rencontres.registration.RegistrationState;
import org.rencontres.registration.Registrations;
import org.springframework.stereotype.Component;

/**
 * The day's CONFIRMED registrations of agents who asked, on the request form, to take part in the
 * networking time, with the employer's name as organisation.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class RegistrantsForNetworking implements ConfirmedRegistrants {

    private final Registrations registrations;
    private final Attendances attendances;

    @Override
    public List<Registrant> checkedIn(long dayId, SessionDay on) {
        Set<Long> present = new HashSet<>();
        for (HalfDay half : HalfDay.values()) {
            attendances.attendees(dayId, on.id(), half).stream().filter(a -> a.present() && a.registrationId() != null)
                    .forEach(a -> present.add(a.registrationId()));
        }
        return confirmed(dayId).stream().filter(r -> present.contains(r.registrationId())).toList();
    }

    @Override
    public List<Registrant> confirmed(long dayId) {
        return registrations.ofDay(dayId).stream().filter(r -> r.state() == RegistrationState.CONFIRMED && r.networkingOptIn())
                .map(r -> new Registrant(r.id(), (r.givenName() + " " + r.surname()).strip(),
                        r.employerName() == null || r.employerName().isBlank() ? null : r.employerName().strip()))
                .toList();
    }
}
