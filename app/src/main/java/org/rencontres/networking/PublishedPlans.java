package org.rencontres.networking;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.networking.RotationData.Member;
import org.rencontres.networking.RotationData.RoomTable;
import org.rencontres.networking.RotationData.SeatRow;
import org.rencontres.networking.RotationData.Settings;
import org.rencontres.programme.Programmes;
import org.rencontres.programme.Slot;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The published plans of the rotations: what the conductor screen and the printed material follow. */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class PublishedPlans {

    private final RotationStore store;
    private final NetworkingSessions sessions;
    private final Programmes programmes;

    /** The rotation's plan when it is published, or empty (no such rotation, no plan, or not published). */
    @Transactional(readOnly = true)
    Optional<PublishedPlan> published(long sessionId) {
        Optional<long[]> dayAndSlot = store.dayAndSlot(sessionId);
        if (dayAndSlot.isEmpty()) {
            return Optional.empty();
        }
        RotationData.PlanStatus status = store.status(sessionId);
        if (!status.published() || !status.done()) {
            return Optional.empty();
        }
        long dayId = dayAndSlot.get()[0];
        long slotId = dayAndSlot.get()[1];
        NetworkingSession session = sessions.ofDay(dayId).stream().filter(s -> s.id() == sessionId).findFirst()
                .orElseThrow();
        Slot slot = programmes.programmeOf(dayId).slots().stream().filter(s -> s.id() == slotId).findFirst()
                .orElseThrow();
        Settings settings = store.settings(session);
        List<RoomTable> tables = store.tables(sessionId);
        Map<Long, Member> members = new HashMap<>();
        store.members(sessionId).forEach(m -> members.put(m.id(), m));
        List<SeatRow> seats = store.seats(sessionId);
        List<PlannedRound> rounds = new ArrayList<>();
        for (int r = 0; r < status.rounds(); r++) {
            List<TableSeats> round = new ArrayList<>();
            for (RoomTable t : tables) {
                int number = r;
                List<Seat> at = seats.stream().filter(s -> s.round() == number && s.tableId() == t.id())
                        .map(s -> members.get(s.participantId()))
                        .sorted(Comparator.comparing((Member m) -> m.name().toLowerCase()).thenComparing(Member::id))
                        .map(m -> new Seat(m.id(), m.registrationId(), m.name(), m.organisation())).toList();
                round.add(new TableSeats(t.name(), t.place(), t.theme(), t.hostName(), at));
            }
            rounds.add(new PlannedRound(r, round));
        }
        return Optional.of(new PublishedPlan(sessionId, dayId, settings.rotationMinutes(), settings.changeoverMinutes(),
                slot.startsAt(), rounds));
    }

    /** A participant's personal page of a published rotation. */
    public record PersonalPage(long sessionId, String title, String path) {
    }

    /** The personal pages of the registration's agent, in the rotations whose plan is published. */
    @Transactional(readOnly = true)
    public List<PersonalPage> personalPages(long registrationId) {
        return store.participationsOf(registrationId).stream()
                .filter(p -> store.status(p.sessionId()).published())
                .map(p -> new PersonalPage(p.sessionId(), p.title(),
                        "/reseautage/direct/" + p.sessionId() + "/participant/" + p.key()))
                .toList();
    }
}
