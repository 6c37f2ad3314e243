package org.rencontres.registration;

import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.event.Day;
import org.springframework.stereotype.Service;

/** When a session's public form takes requests, by the same rule as the form itself ({@link PublicRequests}). */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class RegistrationWindows {

    private final PublicRequests requests;

    public RegistrationWindow of(Day day) {
        Optional<Capacity> capacity = requests.window(day);
        RegistrationWindow.Phase phase = requests.closed(day)
                .map(c -> c == PublicRequests.Closed.NOT_YET_OPEN
                        ? RegistrationWindow.Phase.NOT_YET_OPEN : RegistrationWindow.Phase.CLOSED)
                .orElse(RegistrationWindow.Phase.OPEN);
        return new RegistrationWindow(phase, capacity.map(Capacity::firstDay).orElse(null),
                capacity.map(Capacity::lastDay).orElse(null));
    }
}
