package org.rencontres.registrants;

import java.util.List;

import org.rencontres.networking.ConfirmedRegistrants;
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

    RegistrantsForNetworking(Registrations registrations) {
        this.registrations = registrations;
    }

    @Override
    public List<Registrant> confirmed(long dayId) {
        return registrations.ofDay(dayId).stream().filter(r -> r.state() == RegistrationState.CONFIRMED && r.networkingOptIn())
                .map(r -> new Registrant(r.id(), (r.givenName() + " " + r.surname()).strip(),
                        r.employerName() == null || r.employerName().isBlank() ? null : r.employerName().strip()))
                .toList();
    }
}
