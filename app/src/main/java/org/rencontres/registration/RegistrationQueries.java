package org.rencontres.registration;

import static org.rencontres.registration.RegistrationRows.CAPACITY_COLUMNS;
import static org.rencontres.registration.RegistrationRows.COLUMNS;

import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.registration.needs.Arrangement;
import org.rencontres.registration.needs.ArrangementState;
import org.rencontres.registration.questions.Questions;
import org.rencontres.shared.FrenchSearch;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The read side of registrations: queries only, no lock taken, nothing written. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class RegistrationQueries {

    private final JdbcClient jdbc;

    Optional<Registration> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM registration WHERE id = ?").param(id)
                .query(RegistrationRows::registrationOf).optional();
    }

    List<Registration> ofDay(long dayId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM registration WHERE event_day_id = ? ORDER BY id").param(dayId)
                .query(RegistrationRows::registrationOf).list();
    }

    List<Registrations.Person> peopleOfDay(long dayId, String text) {
        FrenchSearch search = FrenchSearch.of(text);
        Map<String, Object> params = new HashMap<>(search.params());
        params.put("day", dayId);
        return jdbc.sql("SELECT id, surname, given_name, employer_name, state, "
                        + (search.isEmpty() ? "true" : QueuePages.STORED.contains()) + " AS found"
                        + " FROM registration WHERE event_day_id = :day ORDER BY id").params(params)
                .query((rs, n) -> new Registrations.Person(rs.getLong("id"), rs.getString("surname"),
                        rs.getString("given_name"), rs.getString("employer_name"),
                        RegistrationState.valueOf(rs.getString("state")), rs.getBoolean("found")))
                .list();
    }

    /** How many rows a cursor over registrations brings from the database at a time. */
    static final int WINDOW = 500;

    /**
     * The session's registrations (only those given that workshop, when one is named) by name, case
     * aside (surname, given name, id: the order of index registration_day_name_idx), one window of
     * rows at a time: on PostgreSQL the fetch size makes a cursor, within the caller's transaction. Each
     * comes with what the participant lists add, read in the same statement: the arrangement planned for
     * its accessibility needs, and its answers to the session's questions (in their order, each answer's
     * texts joined by « , »), so that nothing of the session is gathered in memory first.
     */
    void eachOfDayByName(long dayId, Long workshopId, Consumer<Registrations.Listed> each) {
        jdbc.sql("SELECT " + COLUMNS + ", n.arrangement_state, n.arrangement_text, n.arrangement_reason, ARRAY(SELECT array_to_string(a.answer, ', ')"
                        + " FROM registration_question q LEFT JOIN registration_answer a ON a.question_id = q.id"
                        + " AND a.registration_id = registration.id WHERE q.event_day_id = registration.event_day_id"
                        + " ORDER BY " + Questions.ORDER + ") AS answers"
                        + " FROM registration LEFT JOIN (SELECT registration_id AS of_registration, state AS arrangement_state,"
                        + " arrangement AS arrangement_text, reason AS arrangement_reason FROM registration_needs) n"
                        + " ON n.of_registration = registration.id"
                        + " WHERE registration.event_day_id = ?"
                        + (workshopId == null ? "" : " AND EXISTS (SELECT 1 FROM registration_workshop w"
                                + " WHERE w.registration_id = registration.id AND w.workshop_id = ?)")
                        + " ORDER BY lower(surname) COLLATE \"C\", lower(given_name) COLLATE \"C\", id")
                .params(workshopId == null ? List.of(dayId) : List.of(dayId, workshopId))
                .withFetchSize(WINDOW)
                .query((ResultSet rs) -> {
                    String state = rs.getString("arrangement_state");
                    Arrangement arrangement = state == null ? null : new Arrangement(ArrangementState.valueOf(state),
                            rs.getString("arrangement_text"), rs.getString("arrangement_reason"));
                    each.accept(new Registrations.Listed(RegistrationRows.registrationOf(rs, rs.getRow()), arrangement,
                            Arrays.asList((String[]) rs.getArray("answers").getArray())));
                });
    }

    List<Registration> ofAgent(String email) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM registration WHERE lower(btrim(email)) = lower(btrim(?)) ORDER BY id")
                .param(email).query(RegistrationRows::registrationOf).list();
    }

    List<Registration> ofEmployer(long organisationId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM registration WHERE employer_organisation_id = ? ORDER BY id DESC LIMIT 500")
                .param(organisationId).query(RegistrationRows::registrationOf).list();
    }

    List<Registration> waitingList(long dayId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM registration WHERE event_day_id = ? AND state = 'WAITING_LIST'"
                        + " ORDER BY waiting_position, id").param(dayId)
                .query(RegistrationRows::registrationOf).list();
    }

    List<Transition> history(long id) {
        return jdbc.sql("""
                SELECT registration_id, from_state, to_state, at, actor, reason, in_place FROM registration_transition
                WHERE registration_id = ? ORDER BY id""")
                .param(id)
                .query((rs, n) -> new Transition(rs.getLong("registration_id"),
                        rs.getString("from_state") == null ? null : RegistrationState.valueOf(rs.getString("from_state")),
                        RegistrationState.valueOf(rs.getString("to_state")),
                        rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("actor"),
                        rs.getString("reason"), rs.getBoolean("in_place")))
                .list();
    }

    /** When the registration entered its present state (its last transition). */
    Optional<java.time.Instant> since(long id) {
        return jdbc.sql("SELECT max(at) FROM registration_transition WHERE registration_id = ?")
                .param(id).query((rs, n) -> rs.getObject(1, OffsetDateTime.class)).optional()
                .filter(java.util.Objects::nonNull).map(OffsetDateTime::toInstant);
    }

    /** When each registration of the day entered its present state, by id. */
    Map<Long, java.time.Instant> sinceOfDay(long dayId) {
        Map<Long, java.time.Instant> since = new HashMap<>();
        jdbc.sql("""
                SELECT t.registration_id, max(t.at) FROM registration_transition t
                  JOIN registration r ON r.id = t.registration_id
                 WHERE r.event_day_id = ? GROUP BY t.registration_id""")
                .param(dayId)
                .query((ResultSet rs) -> {
                    since.put(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant());
                });
        return since;
    }

    /**
     * The rank of each waiting-listed registration of the day among those still waiting (1 is served
     * first): the stored positions keep gaps when people leave the list, the ranks shown do not.
     */
    Map<Long, Integer> waitingRanks(long dayId) {
        Map<Long, Integer> ranks = new HashMap<>();
        int rank = 1;
        for (Registration r : waitingList(dayId)) {
            ranks.put(r.id(), rank++);
        }
        return ranks;
    }

    boolean hasLiveRequest(long dayId, String email) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM registration WHERE event_day_id = ? AND lower(btrim(email)) = lower(btrim(?))
                    AND state NOT IN ('REFUSED', 'WITHDRAWN', 'CANCELLED', 'EXPIRED'))""")
                .params(dayId, email).query(Boolean.class).single();
    }

    Map<Long, List<Long>> workshopChoicesOfDay(long dayId) {
        Map<Long, List<Long>> choices = new HashMap<>();
        jdbc.sql("""
                SELECT c.registration_id, c.workshop_id FROM registration_workshop_choice c
                  JOIN registration r ON r.id = c.registration_id
                 WHERE r.event_day_id = ? ORDER BY c.registration_id, c.rank""")
                .param(dayId)
                .query((ResultSet rs) -> {
                    choices.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
                });
        return choices;
    }

    List<Long> workshopChoices(long id) {
        return jdbc.sql("SELECT workshop_id FROM registration_workshop_choice WHERE registration_id = ? ORDER BY rank")
                .param(id).query(Long.class).list();
    }

    Optional<Capacity> capacity(long dayId) {
        return jdbc.sql("SELECT " + CAPACITY_COLUMNS + " FROM registration_capacity WHERE event_day_id = ?")
                .param(dayId).query(RegistrationRows::capacityOf).optional();
    }
}
