package org.rencontres.networking;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.event.ManagedDay;
import org.rencontres.event.SessionDay;
import org.rencontres.programme.Programmes;
import org.rencontres.programme.Slot;
import org.springframework.stereotype.Component;

/**
 * The day of the session a rotation takes place on: its programme slot's. On a session of several
 * days a rotation may be on any of them; its prints and its welcome-desk arrivals are that day's, not
 * the first day's.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class RotationDay {

    private final Programmes programmes;

    /**
     * The slot's date as its pages show it ("mercredi 17 mars 2027") when the session has several
     * days; null when it has one (the pages then say the hours only, as they always did).
     */
    static String shown(ManagedDay day, Slot slot) {
        return day.days().isSingle() ? null
                : day.days().byId(slot.sessionDayId()).map(SessionDay::frenchDate).orElse(null);
    }

    /** The rotation's day; the session's first day when its slot is gone from the programme. */
    SessionDay of(ManagedDay day, NetworkingSession session) {
        return programmes.outline(day.id()).stream().filter(s -> s.id() == session.slotId()).findFirst()
                .flatMap(s -> day.days().byId(s.sessionDayId())).orElse(day.days().first());
    }
}
