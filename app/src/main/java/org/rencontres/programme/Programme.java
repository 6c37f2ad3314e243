package org.rencontres.programme;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The programme of a session: its slots, and their arrangement as a timeline. A session of several
 * days shows one programme per day: {@link #day(long)}.
 */
public record Programme(long dayId, List<Slot> slots) {

    public Programme {
        slots = slots.stream()
                .sorted(Comparator.comparing(Slot::sessionDayId).thenComparing(Slot::startsAt)
                        .thenComparing(Slot::position))
                .toList();
    }

    /** The programme of one day of the session. */
    public Programme day(long sessionDayId) {
        return new Programme(dayId, slots.stream().filter(s -> s.sessionDayId() == sessionDayId).toList());
    }

    /**
     * The timeline: one entry per moment of the day. Slots that start together on the same track
     * follow one another in an entry; a slot of another track that starts during an entry runs in
     * parallel with it and joins it, so that the page shows them side by side.
     */
    public List<Entry> timeline() {
        List<Entry> entries = new ArrayList<>();
        for (Slot slot : slots) {
            Entry last = entries.isEmpty() ? null : entries.get(entries.size() - 1);
            if (last != null && last.slots.get(0).sessionDayId() == slot.sessionDayId()
                    && (slot.startsAt().equals(last.startsAt())
                    || (last.startsAt().isBefore(slot.startsAt()) && slot.startsAt().isBefore(last.endsAt())
                        && !last.tracks().contains(slot.track())))) {
                last.slots.add(slot);
            } else {
                entries.add(new Entry(new ArrayList<>(List.of(slot))));
            }
        }
        return entries;
    }

    /** The slots of one moment; several tracks mean parallel activities. */
    public record Entry(List<Slot> slots) {

        public LocalTime startsAt() {
            return slots.get(0).startsAt();
        }

        public LocalTime endsAt() {
            return slots.stream().map(Slot::endsAt).max(Comparator.naturalOrder()).orElseThrow();
        }

        public List<String> tracks() {
            return slots.stream().map(Slot::track).distinct().toList();
        }

        public boolean isParallel() {
            return tracks().size() > 1;
        }

        /** The slots grouped by track, in order of appearance; the main track (null key) first. */
        public Map<String, List<Slot>> byTrack() {
            Map<String, List<Slot>> groups = new LinkedHashMap<>();
            slots.stream().filter(Slot::isMainTrack).forEach(s -> groups.computeIfAbsent(null, k -> new ArrayList<>()).add(s));
            slots.stream().filter(s -> !s.isMainTrack())
                    .forEach(s -> groups.computeIfAbsent(s.track(), k -> new ArrayList<>()).add(s));
            return groups;
        }

        /** Tracks as a list of groups, for templates that cannot iterate a map with a null key. */
        public List<Track> trackGroups() {
            return byTrack().entrySet().stream().map(e -> new Track(e.getKey(), e.getValue())).toList();
        }
    }

    /** The slots of one track within an entry. */
    public record Track(String name, List<Slot> slots) {
        public boolean isMain() {
            return name == null;
        }

        public LocalTime startsAt() {
            return slots.get(0).startsAt();
        }

        public boolean startsWithEntry(Entry entry) {
            return Objects.equals(startsAt(), entry.startsAt());
        }
    }
}
