package org.rencontres.writing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.attendance.Attendances;
import org.rencontres.attendance.Attendee;
import org.rencontres.attendance.HalfDay;
import org.rencontres.audit.AuditTrail;
import org.rencontres.event.Days;
import org.rencontres.event.SessionDays;
import org.rencontres.programme.Programmes;
import org.rencontres.programme.Slot;
import org.rencontres.registration.Registration;
import org.rencontres.registration.Registrations;
import org.rencontres.security.Organiser;
import org.rencontres.shared.FieldProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Small groups ("échanges en petits groupes"): the registered participants present at a half-day,
 * split into groups of a chosen size mixing organisations ({@link GroupSplitter}), each group with its
 * own shared document that only its members (and the organisers) may write in. Walk-ins are left out:
 * they have no agent's space to open a document from. Creating and deleting a split are audited.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class WritingGroups {

    static final int SIZE_MIN = 2;
    static final int SIZE_MAX = 50;

    /** A split of a day, with its groups in order. */
    record GroupSet(long id, long dayId, Long slotId, String slotLabel, String title, int groupSize,
                    DocumentTemplate template, Instant createdAt, List<Group> groups, HalfDay halfDay,
                    List<Member> late) {

        public int people() {
            return groups.stream().mapToInt(g -> g.members().size()).sum();
        }
    }

    record Group(long id, int number, Long documentId, List<Member> members) {
    }

    record Member(long registrationId, String name, String organisation) {
    }

    /** What the organiser asked for, already checked by the controller's form. */
    record Request(String title, Long slotId, int groupSize, HalfDay halfDay, DocumentTemplate template) {
    }

    private final JdbcClient jdbc;
    private final WritingDocuments documents;
    private final Attendances attendances;
    private final Registrations registrations;
    private final Programmes programmes;
    private final AuditTrail audit;
    private final Days days;

    /** The day's slots a split may be tied to, in the programme's order. */
    List<Slot> slots(long dayId) {
        return programmes.outline(dayId);
    }

    /**
     * How the page names each slot: "10:00–11:00 · Échanges", with its day first when the session has
     * several ("mercredi 17 mars 2027, 10:00–11:00 · Échanges": the same hours come back each day).
     */
    Map<Long, String> slotLabels(long dayId) {
        Optional<SessionDays> sessionDays = days.days(dayId).filter(d -> !d.isSingle());
        Map<Long, String> labels = new LinkedHashMap<>();
        for (Slot s : slots(dayId)) {
            String day = sessionDays.flatMap(d -> d.byId(s.sessionDayId())).map(d -> d.frenchDate() + ", ").orElse("");
            labels.put(s.id(), day + s.startsAt() + "–" + s.endsAt() + (s.title() == null ? "" : " · " + s.title()));
        }
        return labels;
    }

    /** The people a split of that half-day would share out: registered, confirmed and marked present. */
    List<Attendee> splittable(long dayId, HalfDay half) {
        return splittable(dayId, null, half);
    }

    /**
     * The same on one day of the session (on a session of several days, being checked in on Tuesday says
     * nothing of Wednesday); without a day, the one the welcome desk opens on.
     */
    private List<Attendee> splittable(long dayId, Long sessionDayId, HalfDay half) {
        return (sessionDayId == null ? attendances.attendees(dayId, half)
                : attendances.attendees(dayId, sessionDayId, half)).stream()
                .filter(a -> !a.walkIn() && a.registrationId() != null && a.confirmed() && a.present())
                .toList();
    }

    /** The day of the session the split's slot falls on; without a slot, the desk's day ({@link #splittable}). */
    private Long sessionDayOf(long dayId, Long slotId) {
        return slotId == null ? null
                : slots(dayId).stream().filter(x -> x.id() == slotId).findFirst().map(Slot::sessionDayId).orElse(null);
    }

    /** A new split's id, or what is wrong with its form (nothing created). */
    record Created(Long setId, List<FieldProblem> problems) {
    }

    /**
     * Splits the present participants and gives each group its document, all in one transaction; refused
     * when the form is wrong or when nobody registered is present at the half-day.
     */
    @Transactional
    Created create(long dayId, GroupSetForm form, Organiser by) {
        List<FieldProblem> problems = form.problems(slots(dayId).stream().map(Slot::id).toList());
        if (!problems.isEmpty()) {
            return new Created(null, problems);
        }
        Request request = form.request();
        List<Attendee> present = splittable(dayId, sessionDayOf(dayId, request.slotId()), request.halfDay());
        if (present.isEmpty()) {
            return new Created(null, List.of(FieldProblem.of("demi-journee", "writing.groups.error.nobody")));
        }
        if (request.slotId() != null && slots(dayId).stream().noneMatch(s -> s.id() == request.slotId())) {
            throw new IllegalArgumentException("Slot " + request.slotId() + " is not one of day " + dayId);
        }
        String title = request.title().strip();
        List<List<Long>> split = GroupSplitter.split(present.stream()
                .map(a -> new GroupSplitter.Person(a.registrationId(), a.organisation())).toList(), request.groupSize());
        long setId = jdbc.sql("""
                INSERT INTO writing_group_set (event_day_id, slot_id, title, group_size, template, half_day)
                VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(dayId, request.slotId(), title, request.groupSize(), request.template().name(),
                        request.halfDay().name())
                .query(Long.class).single();
        for (int i = 0; i < split.size(); i++) {
            int number = i + 1;
            long groupId = jdbc.sql("INSERT INTO writing_group (group_set_id, number) VALUES (?, ?) RETURNING id")
                    .params(setId, number).query(Long.class).single();
            for (long registrationId : split.get(i)) {
                jdbc.sql("INSERT INTO writing_group_member (group_id, registration_id) VALUES (?, ?)")
                        .params(groupId, registrationId).update();
            }
            documents.create(dayId, groupId, title + " – groupe " + number, request.template());
        }
        audit.record(dayId, by.accountId(), by.displayName(), "writing", "writing.groups.created",
                "Petits groupes créés : " + title + " (" + present.size() + " présents, " + split.size()
                        + " groupes de " + request.groupSize() + " au plus)");
        return new Created(setId, List.of());
    }

    /** What adding the late arrivals did: how many joined, and the numbers of the groups opened for them. */
    record LateAdded(int people, List<Integer> newGroups) {
    }

    /**
     * Adds the people marked present at the split's half-day since it was made (registered and
     * confirmed, in none of its groups) to its groups ({@link GroupSplitter#place}: mixing
     * organisations, the groups' size kept, a new group with its document when they are many).
     * Serialised per split by locking its row.
     *
     * @return what was done, or empty when there is no such split
     */
    @Transactional
    Optional<LateAdded> addLate(long dayId, long setId, Organiser by) {
        Optional<Long> locked = jdbc.sql("SELECT id FROM writing_group_set WHERE id = ? AND event_day_id = ? FOR UPDATE")
                .params(setId, dayId).query(Long.class).optional();
        if (locked.isEmpty()) {
            return Optional.empty();
        }
        GroupSet set = find(dayId, setId).orElseThrow();
        // A split made before the half-day was recorded keeps the one inferred now, for good.
        jdbc.sql("UPDATE writing_group_set SET half_day = ? WHERE id = ? AND half_day IS NULL")
                .params(set.halfDay().name(), setId).update();
        if (set.late().isEmpty()) {
            return Optional.of(new LateAdded(0, List.of()));
        }
        List<List<GroupSplitter.Person>> groups = set.groups().stream().map(g -> g.members().stream()
                .map(m -> new GroupSplitter.Person(m.registrationId(), m.organisation())).toList()).toList();
        List<GroupSplitter.Person> newcomers = set.late().stream()
                .map(m -> new GroupSplitter.Person(m.registrationId(), m.organisation())).toList();
        List<List<Long>> gained = GroupSplitter.place(groups, newcomers, set.groupSize());
        List<Integer> opened = new ArrayList<>();
        int number = set.groups().stream().mapToInt(Group::number).max().orElse(0);
        for (int i = 0; i < gained.size(); i++) {
            long groupId;
            if (i < set.groups().size()) {
                groupId = set.groups().get(i).id();
            } else {
                number++;
                groupId = jdbc.sql("INSERT INTO writing_group (group_set_id, number) VALUES (?, ?) RETURNING id")
                        .params(setId, number).query(Long.class).single();
                documents.create(dayId, groupId, set.title() + " – groupe " + number, set.template());
                opened.add(number);
            }
            for (long registrationId : gained.get(i)) {
                jdbc.sql("INSERT INTO writing_group_member (group_id, registration_id) VALUES (?, ?)")
                        .params(groupId, registrationId).update();
            }
        }
        audit.record(dayId, by.accountId(), by.displayName(), "writing", "writing.groups.late",
                "Arrivées tardives ajoutées aux petits groupes « " + set.title() + " » : " + newcomers.size()
                        + " personne(s)" + (opened.isEmpty() ? "" : ", nouveau(x) groupe(s) n° "
                        + opened.stream().map(String::valueOf).collect(Collectors.joining(", "))));
        return Optional.of(new LateAdded(newcomers.size(), List.copyOf(opened)));
    }

    /**
     * The half-day of a split made before it was recorded: the one at which most of its members are
     * marked present (they were split from that half-day's attendance); on a tie, the one its slot
     * falls in (the day's own afternoon start), else the morning.
     */
    private HalfDay inferred(long dayId, Set<Long> members, Slot slot, Map<HalfDay, List<Attendee>> present) {
        long morning = present.computeIfAbsent(HalfDay.MORNING, h -> splittable(dayId, h)).stream()
                .filter(a -> members.contains(a.registrationId())).count();
        long afternoon = present.computeIfAbsent(HalfDay.AFTERNOON, h -> splittable(dayId, h)).stream()
                .filter(a -> members.contains(a.registrationId())).count();
        if (morning != afternoon) {
            return morning > afternoon ? HalfDay.MORNING : HalfDay.AFTERNOON;
        }
        return slot != null && !slot.startsAt().isBefore(attendances.halfDays(dayId).afternoonStarts())
                ? HalfDay.AFTERNOON : HalfDay.MORNING;
    }

    /**
     * Deletes a split of the day, its groups and their documents (texts included).
     *
     * @return the deleted documents' ids, or empty when there was no such split
     */
    @Transactional
    Optional<List<Long>> delete(long dayId, long setId, Organiser by) {
        Optional<String> title = jdbc.sql("SELECT title FROM writing_group_set WHERE id = ? AND event_day_id = ?")
                .params(setId, dayId).query(String.class).optional();
        if (title.isEmpty()) {
            return Optional.empty();
        }
        List<Long> documents = jdbc.sql("""
                SELECT d.id FROM writing_document d JOIN writing_group g ON g.id = d.group_id WHERE g.group_set_id = ?""")
                .param(setId).query(Long.class).list();
        // The documents go with their groups (ON DELETE CASCADE), and their updates and keys with them.
        jdbc.sql("DELETE FROM writing_group_set WHERE id = ?").param(setId).update();
        audit.record(dayId, by.accountId(), by.displayName(), "writing", "writing.groups.deleted",
                "Petits groupes supprimés, avec leurs documents : " + title.get());
        return Optional.of(documents);
    }

    Optional<GroupSet> find(long dayId, long setId) {
        return ofDay(dayId).stream().filter(s -> s.id() == setId).findFirst();
    }

    /** The day's splits, the latest first, each with its groups, members and documents. */
    List<GroupSet> ofDay(long dayId) {
        record SetRow(long id, Long slotId, String title, int groupSize, String template, Instant createdAt,
                      String halfDay) {
        }
        record GroupRow(long id, long groupSetId, int number, Long documentId) {
        }
        record MemberRow(long groupId, long registrationId) {
        }
        List<SetRow> sets = jdbc.sql("""
                SELECT id, slot_id, title, group_size, template, created_at, half_day FROM writing_group_set
                WHERE event_day_id = ? ORDER BY created_at DESC, id DESC""").param(dayId).query(SetRow.class).list();
        if (sets.isEmpty()) {
            return List.of();
        }
        List<GroupRow> groups = jdbc.sql("""
                SELECT g.id, g.group_set_id, g.number, d.id AS document_id
                  FROM writing_group g JOIN writing_group_set s ON s.id = g.group_set_id
                  LEFT JOIN writing_document d ON d.group_id = g.id
                 WHERE s.event_day_id = ? ORDER BY g.group_set_id, g.number""").param(dayId).query(GroupRow.class).list();
        Map<Long, List<Long>> members = jdbc.sql("""
                SELECT m.group_id, m.registration_id FROM writing_group_member m
                  JOIN writing_group g ON g.id = m.group_id JOIN writing_group_set s ON s.id = g.group_set_id
                 WHERE s.event_day_id = ?""").param(dayId).query(MemberRow.class).list().stream()
                .collect(Collectors.groupingBy(MemberRow::groupId,
                        Collectors.mapping(MemberRow::registrationId, Collectors.toList())));
        Map<Long, Registration> people = registrations.ofDay(dayId).stream()
                .collect(Collectors.toMap(Registration::id, Function.identity()));
        Map<Long, String> slotLabels = slotLabels(dayId);
        Map<Long, Slot> slotsById = new LinkedHashMap<>();
        for (Slot s : slots(dayId)) {
            slotsById.put(s.id(), s);
        }
        Map<HalfDay, List<Attendee>> present = new EnumMap<>(HalfDay.class);
        Map<Long, List<Group>> groupsBySet = new LinkedHashMap<>();
        for (GroupRow g : groups) {
            List<Member> list = new ArrayList<>();
            for (long id : members.getOrDefault(g.id(), List.of())) {
                Registration r = people.get(id);
                list.add(r == null ? new Member(id, "?", null)
                        : new Member(id, r.givenName() + " " + r.surname(), r.employerName()));
            }
            list.sort(Comparator.comparing(Member::name, String.CASE_INSENSITIVE_ORDER));
            groupsBySet.computeIfAbsent(g.groupSetId(), k -> new ArrayList<>())
                    .add(new Group(g.id(), g.number(), g.documentId(), list));
        }
        return sets.stream().map(s -> {
            List<Group> inSet = groupsBySet.getOrDefault(s.id(), List.of());
            Set<Long> inGroups = inSet.stream().flatMap(g -> g.members().stream())
                    .map(Member::registrationId).collect(Collectors.toSet());
            HalfDay half = s.halfDay() != null ? HalfDay.valueOf(s.halfDay())
                    : inferred(dayId, inGroups, s.slotId() == null ? null : slotsById.get(s.slotId()), present);
            Slot slot = s.slotId() == null ? null : slotsById.get(s.slotId());
            List<Member> late = (slot == null ? present.computeIfAbsent(half, h -> splittable(dayId, h))
                    : splittable(dayId, slot.sessionDayId(), half)).stream()
                    .filter(a -> !inGroups.contains(a.registrationId()))
                    .map(a -> new Member(a.registrationId(), a.givenName() + " " + a.surname(), a.organisation()))
                    .sorted(Comparator.comparing(Member::name, String.CASE_INSENSITIVE_ORDER)).toList();
            return new GroupSet(s.id(), dayId, s.slotId(), s.slotId() == null ? null : slotLabels.get(s.slotId()),
                    s.title(), s.groupSize(), DocumentTemplate.valueOf(s.template()), s.createdAt(), inSet, half, late);
        }).toList();
    }
}
