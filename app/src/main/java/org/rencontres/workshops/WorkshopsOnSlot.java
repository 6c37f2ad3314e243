package org.rencontres.workshops;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.programme.SlotDependents;
import org.springframework.stereotype.Component;

/** A workshop slot carries its workshops: the programme must not turn it into another kind. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class WorkshopsOnSlot implements SlotDependents {

    private final Workshops workshops;

    @Override
    public Optional<String> on(long dayId, long slotId) {
        List<Workshop> list = workshops.ofSlot(dayId, slotId);
        if (list.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(list.stream().map(w -> "l'atelier n°" + w.number() + " « " + w.title() + " »")
                .collect(Collectors.joining(", ")));
    }
}
