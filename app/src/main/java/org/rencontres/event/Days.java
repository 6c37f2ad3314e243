package org.rencontres.event;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.shared.RichText;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The event module's operations on days. */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Days {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final SessionChangeNotices notices;

    /** Records a new day, as a draft, with its venue, contacts, partners and resources. */
    @Transactional
    public long create(DayDraft d) {
        if (exists(d.sessionCode())) {
            throw new DuplicateSessionCodeException(d.sessionCode());
        }
        long id = jdbc.sql("""
                INSERT INTO event_day (session_code, title, subtitle, theme, first_date, last_date,
                    context, audience, registration_instructions, registration_url, programme_provisional,
                    organiser_id, organising_unit, meal_offered)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(d.sessionCode().value(), d.title(), d.subtitle(), d.theme(), d.days().get(0).date(),
                        d.days().get(0).date(), d.context(), d.audience(), d.registrationInstructions(),
                        d.registrationUrl(), d.programmeProvisional(), d.organiserId(), d.organisingUnit(),
                        d.mealOffered())
                .query(Long.class).single();
        for (SessionDayDraft day : d.days()) {
            insertDay(id, day);
        }
        datesChanged(id);
        saveVenue(id, d.venue());
        int position = 0;
        for (Contact c : d.contacts()) {
            addContact(id, c, position++);
        }
        position = 0;
        for (Partner p : d.partners()) {
            addPartner(id, p, position++);
        }
        position = 0;
        for (Resource r : d.resources()) {
            addResource(id, r, position++);
        }
        return id;
    }

    /**
     * Saves the day's own fields and its venue (contacts, partners and resources have their own
     * operations) if nobody saved it since {@code expectedVersion} was read.
     *
     * @throws DayConflictException when someone else saved it in between
     * @throws DuplicateSessionCodeException when the new session code belongs to another day
     */
    @Transactional
    public void update(long id, int expectedVersion, DayDraft d) {
        Long other = jdbc.sql("SELECT id FROM event_day WHERE upper(replace(session_code, ' ', '')) = ? AND id <> ?")
                .params(d.sessionCode().slug(), id).query(Long.class).optional().orElse(null);
        if (other != null) {
            throw new DuplicateSessionCodeException(d.sessionCode());
        }
        int updated = jdbc.sql("""
                UPDATE event_day SET session_code = ?, title = ?, subtitle = ?, theme = ?, context = ?, audience = ?,
                    registration_instructions = ?, registration_url = ?,
                    programme_provisional = ?, organiser_id = ?, organising_unit = ?, meal_offered = ?,
                    version = version + 1,
                    updated_at = now()
                WHERE id = ? AND version = ?""")
                .params(d.sessionCode().value(), d.title(), d.subtitle(), d.theme(),
                        d.context(), d.audience(), d.registrationInstructions(), d.registrationUrl(),
                        d.programmeProvisional(), d.organiserId(), d.organisingUnit(), d.mealOffered(), id,
                        expectedVersion)
                .update();
        if (updated != 1) {
            throw new DayConflictException(id);
        }
        SessionDays daysBefore = currentDays(id);
        Venue venueBefore = venue(id);
        jdbc.sql("DELETE FROM event_venue WHERE event_day_id = ?").param(id).update();
        saveVenue(id, d.venue());
        rescheduled(id, daysBefore, venueBefore);
        events.publishEvent(new DayChanged(id));
    }

    /**
     * Moves a day to another status when {@link DayStatus#mayBecome} allows it.
     *
     * @param cancellationMessage shown on the public page of a cancelled day
     */
    @Transactional
    public void moveTo(long id, DayStatus target, String cancellationMessage) {
        DayStatus current = jdbc.sql("SELECT status FROM event_day WHERE id = ? FOR UPDATE").param(id)
                .query(DayStatus.class).optional().orElseThrow(() -> new IllegalArgumentException("No day " + id));
        if (!current.mayBecome(target)) {
            throw new IllegalStateException("A day cannot go from " + current + " to " + target);
        }
        jdbc.sql("""
                UPDATE event_day SET status = ?, cancellation_message = ?, version = version + 1, updated_at = now()
                WHERE id = ?""")
                .params(target.name(), target == DayStatus.CANCELLED ? cancellationMessage : null, id).update();
        if (target == DayStatus.CANCELLED) {
            notices.cancelled(id, cancellationMessage);
        } else if (current == DayStatus.CANCELLED && target == DayStatus.PUBLISHED) {
            notices.reinstated(id);
        } else if (current == DayStatus.DRAFT && target == DayStatus.PUBLISHED) {
            events.publishEvent(new SessionPublished(id));
        }
        events.publishEvent(new DayChanged(id));
    }

    /** Deletes a day that was never published; published days are cancelled or archived instead. */
    @Transactional
    public void deleteDraft(long id) {
        int deleted = jdbc.sql("DELETE FROM event_day WHERE id = ? AND status = 'DRAFT'").param(id).update();
        if (deleted != 1) {
            throw new IllegalStateException("Only a draft can be deleted");
        }
        events.publishEvent(new DayChanged(id));
    }

    /**
     * Adds a day to the session.
     *
     * @throws SessionDayConflictException when the session already has a day on that date
     */
    @Transactional
    public long addDay(long dayId, SessionDayDraft day) {
        lockSession(dayId);
        if (dateTaken(dayId, day.date(), null)) {
            throw new SessionDayConflictException(day.date());
        }
        SessionDays before = currentDays(dayId);
        long id = insertDay(dayId, day);
        datesChanged(dayId);
        rescheduled(dayId, before, venue(dayId));
        touched(dayId);
        return id;
    }

    /**
     * Moves a day of the session to another date or other hours; its programme, attendance and
     * rotations stay with it.
     *
     * @throws SessionDayConflictException when the session already has another day on that date
     */
    @Transactional
    public void changeDay(long dayId, long sessionDayId, SessionDayDraft day) {
        lockSession(dayId);
        if (dateTaken(dayId, day.date(), sessionDayId)) {
            throw new SessionDayConflictException(day.date());
        }
        SessionDays before = currentDays(dayId);
        int updated = jdbc.sql("""
                UPDATE event_session_day SET day_date = ?, starts_at = ?, ends_at = ?
                WHERE id = ? AND event_day_id = ?""")
                .params(day.date(), day.startsAt(), day.endsAt(), sessionDayId, dayId).update();
        if (updated != 1) {
            throw new IllegalArgumentException("No day " + sessionDayId + " in session " + dayId);
        }
        datesChanged(dayId);
        rescheduled(dayId, before, venue(dayId));
        touched(dayId);
    }

    /**
     * Removes a day of the session with its programme slots (the database cascades); modules that
     * keep rows of that day (attendance) hear {@link SessionDayRemoved}. The last day of a session
     * cannot be removed.
     */
    @Transactional
    public void removeDay(long dayId, long sessionDayId) {
        lockSession(dayId);
        int count = jdbc.sql("SELECT count(*) FROM event_session_day WHERE event_day_id = ?").param(dayId)
                .query(Integer.class).single();
        if (count <= 1) {
            throw new IllegalStateException("A session keeps at least one day");
        }
        SessionDays before = currentDays(dayId);
        int deleted = jdbc.sql("DELETE FROM event_session_day WHERE id = ? AND event_day_id = ?")
                .params(sessionDayId, dayId).update();
        if (deleted != 1) {
            throw new IllegalArgumentException("No day " + sessionDayId + " in session " + dayId);
        }
        datesChanged(dayId);
        events.publishEvent(new SessionDayRemoved(dayId, sessionDayId));
        rescheduled(dayId, before, venue(dayId));
        touched(dayId);
    }

    /** The days of a session, for modules that only need its dates. */
    public Optional<SessionDays> days(long dayId) {
        return Optional.ofNullable(daysOf(List.of(dayId)).get(dayId));
    }

    /** The SEQUENCE of the session's calendar files ({@link SessionChangeNotices}). */
    public int calendarSequence(long dayId) {
        return notices.calendarSequence(dayId);
    }

    private void rescheduled(long dayId, SessionDays before, Venue venueBefore) {
        notices.rescheduled(dayId, before, currentDays(dayId), venueBefore);
    }

    private SessionDays currentDays(long dayId) {
        return daysOf(List.of(dayId)).get(dayId);
    }

    private Venue venue(long dayId) {
        return notices.venue(dayId);
    }

    private void lockSession(long dayId) {
        jdbc.sql("SELECT id FROM event_day WHERE id = ? FOR UPDATE").param(dayId).query(Long.class).optional()
                .orElseThrow(() -> new IllegalArgumentException("No day " + dayId));
    }

    private boolean dateTaken(long dayId, LocalDate date, Long except) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM event_session_day WHERE event_day_id = ? AND day_date = ?
                               AND id IS DISTINCT FROM ?)""")
                .params(dayId, date, except).query(Boolean.class).single();
    }

    private long insertDay(long dayId, SessionDayDraft day) {
        return jdbc.sql("""
                INSERT INTO event_session_day (event_day_id, day_date, starts_at, ends_at) VALUES (?, ?, ?, ?)
                RETURNING id""")
                .params(dayId, day.date(), day.startsAt(), day.endsAt()).query(Long.class).single();
    }

    /** The session's first and last dates, kept on event_day for the catalogue, follow its days. */
    private void datesChanged(long dayId) {
        jdbc.sql("""
                UPDATE event_day d SET first_date = s.first, last_date = s.last
                FROM (SELECT min(day_date) AS first, max(day_date) AS last FROM event_session_day
                      WHERE event_day_id = ?) s
                WHERE d.id = ?""").params(dayId, dayId).update();
    }

    /** The days of these sessions, by session id. */
    private Map<Long, SessionDays> daysOf(Collection<Long> dayIds) {
        if (dayIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<SessionDay>> days = new HashMap<>();
        Map<Long, ZoneId> zones = new HashMap<>();
        jdbc.sql("""
                SELECT s.event_day_id, s.id, s.day_date, s.starts_at, s.ends_at, d.time_zone
                FROM event_session_day s JOIN event_day d ON d.id = s.event_day_id
                WHERE s.event_day_id = ANY (?) ORDER BY s.event_day_id, s.day_date""")
                .param(dayIds.toArray(Long[]::new))
                .query(rs -> {
                    long dayId = rs.getLong("event_day_id");
                    zones.put(dayId, ZoneId.of(rs.getString("time_zone")));
                    days.computeIfAbsent(dayId, k -> new ArrayList<>()).add(new SessionDay(rs.getLong("id"),
                            rs.getObject("day_date", LocalDate.class), rs.getObject("starts_at", LocalTime.class),
                            rs.getObject("ends_at", LocalTime.class)));
                });
        Map<Long, SessionDays> result = new HashMap<>();
        days.forEach((id, list) -> result.put(id, new SessionDays(list, zones.get(id))));
        return result;
    }

    @Transactional
    public void addContact(long dayId, Contact c) {
        addContact(dayId, c, nextPosition("event_contact", dayId));
        touched(dayId);
    }

    @Transactional
    public void addPartner(long dayId, Partner p) {
        addPartner(dayId, p, nextPosition("event_partner", dayId));
        touched(dayId);
    }

    @Transactional
    public void addResource(long dayId, Resource r) {
        addResource(dayId, r, nextPosition("event_resource", dayId));
        touched(dayId);
    }

    /** Removes the contact, partner or resource at that position (0 is the first). */
    @Transactional
    public boolean remove(long dayId, Part part, int index) {
        Long rowId = jdbc.sql("SELECT id FROM " + part.table + " WHERE event_day_id = ? ORDER BY position OFFSET ? LIMIT 1")
                .params(dayId, index).query(Long.class).optional().orElse(null);
        if (rowId == null) {
            return false;
        }
        jdbc.sql("DELETE FROM " + part.table + " WHERE id = ?").param(rowId).update();
        touched(dayId);
        return true;
    }

    /** The lists of a day that organisers edit one line at a time. */
    public enum Part {
        CONTACT("event_contact"), PARTNER("event_partner"), RESOURCE("event_resource");

        private final String table;

        Part(String table) {
            this.table = table;
        }
    }

    private int nextPosition(String table, long dayId) {
        return jdbc.sql("SELECT coalesce(max(position) + 1, 0) FROM " + table + " WHERE event_day_id = ?")
                .param(dayId).query(Integer.class).single();
    }

    private void touched(long dayId) {
        jdbc.sql("UPDATE event_day SET version = version + 1, updated_at = now() WHERE id = ?").param(dayId).update();
        events.publishEvent(new DayChanged(dayId));
    }

    private void addContact(long id, Contact c, int position) {
        jdbc.sql("""
                INSERT INTO event_contact (event_day_id, purpose, name, role, organisation, phone, email, position)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, c.purpose().name(), c.name(), c.role(), c.organisation(), c.phone(), c.email(), position)
                .update();
    }

    private void addPartner(long id, Partner p, int position) {
        jdbc.sql("INSERT INTO event_partner (event_day_id, organisation_id, contribution, position) VALUES (?, ?, ?, ?)")
                .params(id, p.organisationId(), p.contribution(), position)
                .update();
    }

    private void addResource(long id, Resource r, int position) {
        jdbc.sql("""
                INSERT INTO event_resource (event_day_id, kind, title, description, url, stored_file, position, visibility)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, r.kind().name(), r.title(), r.description(), r.url(), r.storedFile(), position,
                        r.visibility().name())
                .update();
    }

    private void saveVenue(long id, Venue v) {
        if (v != null) {
            jdbc.sql("""
                    INSERT INTO event_venue (event_day_id, name, building, street, postcode, city, postal_address,
                        latitude, longitude, access_notes)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, v.name(), v.building(), v.street(), v.postcode(), v.city(), v.postalAddress(),
                            v.latitude(), v.longitude(), v.accessNotes())
                    .update();
        }
    }

    @Transactional
    public void changeStatus(long dayId, DayStatus status) {
        int updated = jdbc.sql("""
                UPDATE event_day SET status = ?, version = version + 1, updated_at = now() WHERE id = ?""")
                .params(status.name(), dayId).update();
        if (updated != 1) {
            throw new IllegalArgumentException("No day " + dayId);
        }
        events.publishEvent(new DayChanged(dayId));
    }

    public boolean exists(SessionCode code) {
        return jdbc.sql("SELECT count(*) FROM event_day WHERE upper(replace(session_code, ' ', '')) = ?")
                .param(code.slug()).query(Long.class).single() > 0;
    }

    /** The day at that address, whatever the case and spacing of the code, if the public may see it. */
    public Optional<Day> findPublic(String slug) {
        return find(slug).filter(day -> day.status().isPublic());
    }

    /** The day with this id, whatever its status. */
    public Optional<Day> find(long id) {
        return jdbc.sql("SELECT id FROM event_day WHERE id = ?").param(id).query(Long.class).optional()
                .map(this::load);
    }

    public Optional<Day> find(String slug) {
        return jdbc.sql("SELECT * FROM event_day WHERE upper(replace(session_code, ' ', '')) = upper(replace(?, ' ', ''))")
                .param(slug).query((rs, n) -> rs.getLong("id")).optional()
                .map(this::load);
    }

    private Day load(long id) {
        Venue venue = jdbc.sql("SELECT * FROM event_venue WHERE event_day_id = ?").param(id)
                .query(Venue.class).optional().orElse(null);
        List<Contact> contacts = jdbc.sql("SELECT * FROM event_contact WHERE event_day_id = ? ORDER BY position")
                .param(id).query(Contact.class).list();
        List<Partner> partners = jdbc.sql("SELECT * FROM event_partner WHERE event_day_id = ? ORDER BY position")
                .param(id).query(Partner.class).list();
        List<Resource> resources = jdbc.sql("SELECT * FROM event_resource WHERE event_day_id = ? ORDER BY position")
                .param(id).query(Resource.class).list();
        SessionDays days = daysOf(List.of(id)).get(id);
        return jdbc.sql("SELECT * FROM event_day WHERE id = ?").param(id)
                .query((rs, n) -> day(rs, days, venue, contacts, partners, resources)).single();
    }

    private static Day day(ResultSet rs, SessionDays days, Venue venue, List<Contact> contacts, List<Partner> partners,
                           List<Resource> resources) throws SQLException {
        return new Day(
                rs.getLong("id"),
                new SessionCode(rs.getString("session_code")),
                rs.getString("title"),
                rs.getString("subtitle"),
                rs.getString("theme"),
                days,
                DayStatus.valueOf(rs.getString("status")),
                rs.getString("cancellation_message"),
                RichText.of(rs.getString("context")),
                rs.getString("audience"),
                rs.getString("registration_instructions"),
                rs.getString("registration_url"),
                rs.getBoolean("programme_provisional"),
                (Long) rs.getObject("organiser_id"),
                rs.getString("organising_unit"),
                venue, contacts, partners, resources, rs.getInt("version"), rs.getBoolean("meal_offered"));
    }

    public List<String> tags(long dayId) {
        return jdbc.sql("SELECT tag FROM event_day_tag WHERE event_day_id = ? ORDER BY tag").param(dayId)
                .query(String.class).list();
    }

    /** Replaces the day's tags. */
    @Transactional
    public void tag(long dayId, Collection<String> tags) {
        jdbc.sql("DELETE FROM event_day_tag WHERE event_day_id = ?").param(dayId).update();
        for (String tag : new TreeSet<>(tags)) {
            jdbc.sql("INSERT INTO event_day_tag (event_day_id, tag) VALUES (?, ?) ON CONFLICT DO NOTHING")
                    .params(dayId, tag).update();
        }
        events.publishEvent(new DayChanged(dayId));
    }

    /** Every day, drafts included, of one organising unit (or of all when null), latest first. */
    public List<DaySummary> forOrganisers(String organisingUnit) {
        return summaries(jdbc.sql("""
                SELECT d.id, d.session_code, d.title, d.subtitle, d.theme, d.status, v.city
                FROM event_day d LEFT JOIN event_venue v ON v.event_day_id = d.id
                WHERE CAST(? AS TEXT) IS NULL OR lower(d.organising_unit) = lower(?)
                ORDER BY d.first_date DESC, d.id DESC""")
                .params(organisingUnit, organisingUnit));
    }

    /** The lines of a list of sessions, each with its days, in the order of the query. */
    List<DaySummary> summaries(JdbcClient.StatementSpec query) {
        record Row(long id, String sessionCode, String title, String subtitle, String theme, DayStatus status,
                   String city) {
        }
        List<Row> rows = query.query(Row.class).list();
        Map<Long, SessionDays> days = daysOf(rows.stream().map(Row::id).toList());
        return rows.stream().map(r -> new DaySummary(r.id(), r.sessionCode(), r.title(), r.subtitle(), r.theme(),
                days.get(r.id()), r.status(), r.city())).toList();
    }

}
