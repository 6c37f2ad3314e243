package org.rencontres.programme;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.event.NewEditionCreated;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Copies a day's programme to a new edition: slots, their people and topics, at the same times;
 * then tells the modules whose parts hang on slots ({@link ProgrammeCopied}).
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ProgrammeCopies {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    // Synchronous, in the transaction that creates the new edition: a failure here rolls it back.
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(NewEditionCreated edition) {
        Map<Long, Long> slots = copy(edition);
        events.publishEvent(new ProgrammeCopied(edition.fromDayId(), edition.toDayId(), slots));
    }

    /** Copies every slot of a session to its new edition, each on the matching day; returns the new slot id of each old one. */
    private Map<Long, Long> copy(NewEditionCreated edition) {
        record Source(long id, long sessionDay) {
        }
        Map<Long, Long> slots = new HashMap<>();
        List<Source> sources = jdbc.sql("SELECT id, session_day_id FROM programme_slot WHERE event_day_id = ? ORDER BY position")
                .param(edition.fromDayId()).query((rs, n) -> new Source(rs.getLong(1), rs.getLong(2))).list();
        for (Source old : sources) {
            long copy = jdbc.sql("""
                    INSERT INTO programme_slot (event_day_id, session_day_id, starts_at, ends_at, kind, format_label,
                        title, description, track, position, provisional, topics_provisional)
                    SELECT ?, ?, starts_at, ends_at, kind, format_label, title, description, track, position,
                        provisional, topics_provisional
                    FROM programme_slot WHERE id = ? RETURNING id""")
                    .params(edition.toDayId(), edition.sessionDay(old.sessionDay()), old.id()).query(Long.class).single();
            jdbc.sql("""
                    INSERT INTO programme_slot_person (slot_id, person_id, role, description, organisation_id,
                        representative_text, position)
                    SELECT ?, person_id, role, description, organisation_id, representative_text, position
                    FROM programme_slot_person WHERE slot_id = ?""").params(copy, old.id()).update();
            jdbc.sql("""
                    INSERT INTO programme_topic (slot_id, title, position)
                    SELECT ?, title, position FROM programme_topic WHERE slot_id = ?""").params(copy, old.id()).update();
            slots.put(old.id(), copy);
        }
        return slots;
    }
}
