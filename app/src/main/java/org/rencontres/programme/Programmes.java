package org.rencontres.programme;

import java.sql.ResultSet;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.directory.Directory;
import org.rencontres.directory.Organisation;
import org.rencontres.directory.Person;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The programme module's operations. */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Programmes {

    private final JdbcClient jdbc;
    private final Directory directory;

    /** Adds a slot at the end of the day's programme and returns its id. */
    @Transactional
    public long addSlot(long dayId, SlotDraft s) {
        int position = jdbc.sql("SELECT coalesce(max(position) + 1, 0) FROM programme_slot WHERE event_day_id = ?")
                .param(dayId).query(Integer.class).single();
        long slotId = jdbc.sql("""
                INSERT INTO programme_slot (event_day_id, session_day_id, starts_at, ends_at, kind, format_label, title,
                    description, track, position, provisional, topics_provisional)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(dayId, s.sessionDayId(), s.startsAt(), s.endsAt(), s.kind().name(), s.formatLabel(), s.title(), s.description(),
                        s.track(), position, s.provisional(), s.topicsProvisional())
                .query(Long.class).single();
        int n = 0;
        for (String topic : s.topics()) {
            jdbc.sql("INSERT INTO programme_topic (slot_id, title, position) VALUES (?, ?, ?)")
                    .params(slotId, topic, n++).update();
        }
        n = 0;
        for (SlotPersonDraft p : s.people()) {
            jdbc.sql("""
                    INSERT INTO programme_slot_person (slot_id, person_id, role, description, organisation_id,
                        representative_text, position)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(slotId, p.personId(), p.role().name(), p.description(), p.organisationId(),
                            p.representative(), n++)
                    .update();
        }
        return slotId;
    }

    /**
     * The day's slots in the programme's order, without their topics and people (one query): for the
     * modules that need only the times, kinds and titles.
     */
    public List<Slot> outline(long dayId) {
        return jdbc.sql("SELECT * FROM programme_slot WHERE event_day_id = ? ORDER BY starts_at, position")
                .param(dayId).query(SlotRow.class).list().stream()
                .map(r -> new Slot(r.id(), r.sessionDayId(), r.startsAt(), r.endsAt(), r.kind(), r.formatLabel(), r.title(),
                        r.description(), r.track(), r.position(), r.provisional(), r.topicsProvisional(), List.of(),
                        List.of()))
                .toList();
    }

    /** The day's programme, its people resolved through the directory. */
    public Programme programmeOf(long dayId) {
        List<SlotRow> rows = jdbc.sql("SELECT * FROM programme_slot WHERE event_day_id = ? ORDER BY starts_at, position")
                .param(dayId).query(SlotRow.class).list();
        Map<Long, List<String>> topics = new HashMap<>();
        jdbc.sql("""
                SELECT t.slot_id, t.title FROM programme_topic t JOIN programme_slot s ON s.id = t.slot_id
                WHERE s.event_day_id = ? ORDER BY t.slot_id, t.position""")
                .param(dayId)
                .query((ResultSet rs) -> {
                    topics.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        List<PersonRow> personRows = jdbc.sql("""
                SELECT p.* FROM programme_slot_person p JOIN programme_slot s ON s.id = p.slot_id
                WHERE s.event_day_id = ? ORDER BY p.slot_id, p.position""")
                .param(dayId).query(PersonRow.class).list();
        Set<Long> personIds = new HashSet<>();
        Set<Long> organisationIds = new HashSet<>();
        personRows.forEach(r -> {
            personIds.add(r.personId());
            if (r.organisationId() != null) {
                organisationIds.add(r.organisationId());
            }
        });
        Map<Long, Person> people = directory.people(personIds);
        people.values().stream().map(Person::organisationId).filter(Objects::nonNull)
                .forEach(organisationIds::add);
        Map<Long, Organisation> organisations = directory.organisations(organisationIds);
        Map<Long, List<SlotPerson>> peopleBySlot = new HashMap<>();
        for (PersonRow r : personRows) {
            Person person = people.get(r.personId());
            Long organisationId = r.organisationId() != null ? r.organisationId() : person.organisationId();
            Organisation organisation = organisationId == null ? null : organisations.get(organisationId);
            String description = r.description() != null ? r.description() : person.jobTitle();
            peopleBySlot.computeIfAbsent(r.slotId(), k -> new ArrayList<>()).add(new SlotPerson(
                    person.id(), person.givenName(), person.familyName(), r.role(), description,
                    organisation == null ? null : organisation.name(), r.representativeText()));
        }
        List<Slot> slots = rows.stream().map(r -> new Slot(r.id(), r.sessionDayId(), r.startsAt(), r.endsAt(), r.kind(), r.formatLabel(),
                r.title(), r.description(), r.track(), r.position(), r.provisional(), r.topicsProvisional(),
                topics.getOrDefault(r.id(), List.of()), peopleBySlot.getOrDefault(r.id(), List.of()))).toList();
        return new Programme(dayId, slots);
    }

    record SlotRow(long id, long sessionDayId, LocalTime startsAt, LocalTime endsAt, SlotKind kind, String formatLabel, String title,
                   String description, String track, int position, boolean provisional, boolean topicsProvisional) {
    }

    record PersonRow(long slotId, long personId, SlotRole role, String description, Long organisationId,
                     String representativeText) {
    }

}
