package org.rencontres.programme;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.event.SessionDayDependents;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The slots of a day of the session, and what hangs on them, go with the day when it moves or goes. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class SlotsOfSessionDay implements SessionDayDependents {

    private final Programmes programmes;
    private final List<SlotDependents> dependents;
    private final MessageSource messages;

    @Override
    public Optional<String> on(long dayId, long sessionDayId, Locale locale) {
        List<Slot> slots = programmes.outline(dayId).stream().filter(s -> s.sessionDayId() == sessionDayId).toList();
        if (slots.isEmpty()) {
            return Optional.empty();
        }
        List<String> carried = slots.stream().flatMap(s -> dependents.stream().map(d -> d.on(dayId, s.id())))
                .flatMap(Optional::stream).toList();
        String count = messages.getMessage("programme.session.day.slots", new Object[] {slots.size()}, locale);
        return Optional.of(carried.isEmpty() ? count
                : messages.getMessage("programme.session.day.slots.with", new Object[] {count, String.join(", ", carried)},
                        locale));
    }
}
