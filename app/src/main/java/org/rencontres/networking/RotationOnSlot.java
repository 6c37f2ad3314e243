package org.rencontres.networking;

import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.programme.SlotDependents;
import org.springframework.stereotype.Component;

/** A networking slot carries its rotation: the programme must not turn it into another kind. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class RotationOnSlot implements SlotDependents {

    private final NetworkingSessions sessions;

    @Override
    public Optional<String> on(long dayId, long slotId) {
        return sessions.ofSlot(dayId, slotId).map(s -> "le speed dating « " + s.title() + " »");
    }
}
