package org.rencontres.attendance;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.rencontres.attendance.CheckInOutcome.Kind;
import org.rencontres.audit.AuditTrail;
import org.rencontres.event.Day;
import org.rencontres.event.Days;
import org.rencontres.event.SessionDay;
import org.rencontres.registration.CheckInCodes;
import org.rencontres.registration.Registration;
import org.rencontres.registration.RegistrationState;
import org.rencontres.registration.Registrations;
import org.rencontres.security.Organiser;
import org.rencontres.shared.FieldProblem;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Attendance at a session, per day of the session and half-day ({@link HalfDays}). A row of
 * {@code attendance} means present; none means absent.
 * Only CONFIRMED registrations of the day (and walk-ins) may check in at the desk; a second check-in
 * of the same person for the same half-day of the same day is refused by a unique index (several desks at once never
 * double count), and a check-in sent again with the same idempotency key is answered as already
 * done. Corrections by an organiser need a reason and go to the audit trail in the same transaction.
 */
@Service
public class Attendances {

    /** Times as the desk and the attendance pages show them. */
    static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");
    /** The largest signature image accepted (a pad's PNG is a few kilobytes). */
    static final int SIGNATURE_MAX_BYTES = 512 * 1024;
    private static final String PNG_DATA_URL = "data:image/png;base64,";

    private final JdbcClient jdbc;
    private final Days days;
    private final Registrations registrations;
    private final CheckInCodes codes;
    private final AuditTrail audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Attendances(JdbcClient jdbc, Days days, Registrations registrations, CheckInCodes codes, AuditTrail audit,
                ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.days = days;
        this.registrations = registrations;
        this.codes = codes;
        this.audit = audit;
        this.clock = Clock.systemUTC();
    }

    /** The half-days of a session, day by day, with its afternoon boundary (13:00 unless set otherwise). */
    public HalfDays halfDays(long dayId) {
        Day day = days.find(dayId).orElseThrow(() -> new IllegalArgumentException("No day " + dayId));
        LocalTime afternoon = jdbc.sql("SELECT afternoon_starts FROM attendance_setting WHERE day_id = ?")
                .param(dayId).query(LocalTime.class).optional().orElse(HalfDays.DEFAULT_AFTERNOON);
        return new HalfDays(dayId, day.days(), afternoon);
    }

    /** The day of the session the desk is on by default: today's, else the first. */
    public SessionDay deskDay(long dayId) {
        return halfDays(dayId).dayAt(clock.instant());
    }

    /** The half-day the desk is in now, on its default day ({@link #deskDay}). */
    public HalfDay current(long dayId) {
        HalfDays h = halfDays(dayId);
        return h.at(h.dayAt(clock.instant()), clock.instant()).half();
    }

    /** The half-day of that day of the session the desk is in now (its only one for a half-day). */
    public SessionHalfDay current(long dayId, SessionDay day) {
        return halfDays(dayId).at(day, clock.instant());
    }

    /**
     * Sets when the afternoon starts (audited), as an organiser typed it ("13:30", "13h30", "14h").
     *
     * @return what is wrong (field {@code apresMidi}), changing nothing, when it is not a time strictly
     *     inside the day; empty once set
     */
    @Transactional
    public List<FieldProblem> setAfternoonStart(long dayId, String typed, Organiser who) {
        HalfDays h = halfDays(dayId);
        LocalTime afternoon = time(typed).orElse(null);
        if (afternoon == null || !afternoon.isAfter(h.earliestStart()) || !afternoon.isBefore(h.latestEnd())) {
            return List.of(FieldProblem.of("apresMidi", "attendance.afternoon.error", HOUR.format(h.earliestStart()),
                    HOUR.format(h.latestEnd())));
        }
        jdbc.sql("""
                INSERT INTO attendance_setting (day_id, afternoon_starts) VALUES (?, ?)
                ON CONFLICT (day_id) DO UPDATE SET afternoon_starts = EXCLUDED.afternoon_starts""")
                .params(dayId, afternoon).update();
        audit.record(dayId, who.accountId(), who.displayName(), "attendance", "afternoon",
                "Début de l'après-midi : " + afternoon);
        return List.of();
    }

    /** A time as typed: "13:30", "9:05", "13h30", "14h". */
    static Optional<LocalTime> time(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String t = typed.strip().replace('h', ':').replace('H', ':');
        if (t.endsWith(":")) {
            t = t + "00";
        }
        if (t.matches("\\d:\\d\\d")) {
            t = "0" + t;
        }
        try {
            return Optional.of(LocalTime.parse(t));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Checks in a registration of the day: it must be CONFIRMED. */
    public CheckInOutcome checkIn(long dayId, long registrationId, CheckIn checkIn) {
        Optional<Registration> found = registrations.find(registrationId);
        if (found.isEmpty()) {
            return CheckInOutcome.refused(Kind.NO_SUCH_PERSON, null);
        }
        return checkIn(dayId, found.get(), checkIn);
    }

    /** Checks in the registration a scanned convocation QR code stands for. */
    public CheckInOutcome checkInCode(long dayId, String scanned, CheckIn checkIn) {
        Optional<Registration> found = scanned == null ? Optional.empty() : codes.registrationOf(scanned.strip());
        if (found.isEmpty()) {
            return CheckInOutcome.refused(Kind.UNKNOWN_CODE, null);
        }
        return checkIn(dayId, found.get(), checkIn);
    }

    private CheckInOutcome checkIn(long dayId, Registration r, CheckIn checkIn) {
        String name = r.givenName() + " " + r.surname();
        if (r.dayId() != dayId) {
            return CheckInOutcome.refused(Kind.OTHER_DAY, name);
        }
        if (r.state() != RegistrationState.CONFIRMED) {
            return CheckInOutcome.refused(Kind.NOT_CONFIRMED, name);
        }
        return record(dayId, r.id(), null, name, checkIn);
    }

    /** Adds someone who came without a registration and marks them present (check {@link #problems} first). */
    @Transactional
    public CheckInOutcome checkInWalkIn(long dayId, WalkIn w, CheckIn checkIn) {
        String name = w.givenName().strip() + " " + w.surname().strip();
        Optional<CheckInOutcome> replay = replayed(checkIn.key(), name);
        if (replay.isPresent()) {
            return replay.get();
        }
        long walkInId = jdbc.sql("""
                INSERT INTO attendance_walk_in (day_id, surname, given_name, organisation, email, created_by)
                VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(dayId, w.surname().strip(), w.givenName().strip(), blankToNull(w.organisation()),
                        blankToNull(w.email()), checkIn.actor())
                .query(Long.class).single();
        CheckInOutcome outcome = record(dayId, null, walkInId, name, checkIn);
        if (outcome.kind() != Kind.RECORDED) {
            // The same key arrived twice at once: the other one recorded; drop this copy of the walk-in.
            jdbc.sql("DELETE FROM attendance_walk_in WHERE id = ?").param(walkInId).update();
        }
        return outcome;
    }

    private CheckInOutcome record(long dayId, Long registrationId, Long walkInId, String name, CheckIn checkIn) {
        HalfDays halfDays = halfDays(dayId);
        long sessionDayId = checkIn.sessionDayId() != null ? checkIn.sessionDayId()
                : halfDays.dayAt(clock.instant()).id();
        if (halfDays.find(sessionDayId, checkIn.halfDay()).isEmpty()) {
            // Another session's day, or a half-day the day does not have (the afternoon of a morning).
            return CheckInOutcome.refused(Kind.NO_SUCH_HALF_DAY, name);
        }
        byte[] signature = null;
        if (checkIn.signaturePng() != null && !checkIn.signaturePng().isBlank()) {
            Optional<byte[]> png = png(checkIn.signaturePng());
            if (png.isEmpty()) {
                return CheckInOutcome.refused(Kind.SIGNATURE_INVALID, name);
            }
            if (inked(png.get())) {
                signature = png.get();
            }
        }
        if (checkIn.signatureAsked() && signature == null) {
            return CheckInOutcome.refused(Kind.SIGNATURE_EMPTY, name);
        }
        Instant now = clock.instant();
        Instant at = checkIn.presentAt() != null && !checkIn.presentAt().isAfter(now.plus(Duration.ofMinutes(5)))
                && checkIn.presentAt().isAfter(now.minus(Duration.ofDays(2))) ? checkIn.presentAt() : now;
        Optional<OffsetDateTime> inserted = jdbc.sql("""
                INSERT INTO attendance (day_id, session_day_id, half_day, registration_id, walk_in_id, present_at,
                                        recorded_by, signature, signed_at, client_key)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING
                RETURNING present_at""")
                .params(dayId, sessionDayId, checkIn.halfDay().name(), registrationId, walkInId, Timestamp.from(at), checkIn.actor(),
                        signature, signature == null ? null : Timestamp.from(at), checkIn.key())
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class)).optional();
        if (inserted.isPresent()) {
            events.publishEvent(new CheckedIn(dayId, registrationId, walkInId, sessionDayId, checkIn.halfDay(),
                    inserted.get().toInstant()));
            return new CheckInOutcome(Kind.RECORDED, name, local(dayId, inserted.get().toInstant()));
        }
        Optional<CheckInOutcome> replay = replayed(checkIn.key(), name);
        if (replay.isPresent()) {
            return replay.get();
        }
        Optional<OffsetDateTime> already = jdbc.sql("""
                SELECT present_at FROM attendance WHERE day_id = ? AND session_day_id = ? AND half_day = ?
                AND (registration_id = ? OR walk_in_id = ?)""")
                .params(dayId, sessionDayId, checkIn.halfDay().name(), registrationId, walkInId)
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class)).optional();
        return new CheckInOutcome(Kind.ALREADY_PRESENT, name, already.map(t -> local(dayId, t.toInstant())).orElse(null));
    }

    private Optional<CheckInOutcome> replayed(UUID key, String name) {
        if (key == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT day_id, present_at FROM attendance WHERE client_key = ?").param(key)
                .query((rs, n) -> new CheckInOutcome(Kind.REPLAYED, name,
                        local(rs.getLong("day_id"), rs.getObject("present_at", OffsetDateTime.class).toInstant())))
                .optional();
    }

    private LocalTime local(long dayId, Instant at) {
        ZoneId zone = days.find(dayId).map(Day::zone).orElse(ZoneId.of("Europe/Paris"));
        return at.atZone(zone).toLocalTime().withSecond(0).withNano(0);
    }

    /** The PNG a pad sent, if it is one. */
    static Optional<byte[]> png(String dataUrl) {
        if (!dataUrl.startsWith(PNG_DATA_URL) || dataUrl.length() > SIGNATURE_MAX_BYTES * 4 / 3 + 64) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(dataUrl.substring(PNG_DATA_URL.length()));
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            return image == null ? Optional.empty() : Optional.of(bytes);
        } catch (IllegalArgumentException | IOException e) {
            return Optional.empty();
        }
    }

    /** Whether a signature image has any ink: a pad left empty is all transparent (or all white). */
    static boolean inked(byte[] png) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    int argb = image.getRGB(x, y);
                    int alpha = argb >>> 24;
                    int r = (argb >> 16) & 0xff, g = (argb >> 8) & 0xff, b = argb & 0xff;
                    if (alpha > 32 && (r < 200 || g < 200 || b < 200)) {
                        return true;
                    }
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The people of a session for a half-day of its default day ({@link #deskDay}): confirmed
     * registrations, anyone already marked present (even if no longer confirmed) and walk-ins, by name.
     */
    public List<Attendee> attendees(long dayId, HalfDay half) {
        return people(dayId, deskDay(dayId).id(), half, true);
    }

    /** The same for a half-day of a given day of the session. */
    public List<Attendee> attendees(long dayId, long sessionDayId, HalfDay half) {
        return people(dayId, sessionDayId, half, true);
    }

    /** Every registration of the session (any state) and every walk-in, with their presence for a half-day. */
    public List<Attendee> everyone(long dayId, long sessionDayId, HalfDay half) {
        return people(dayId, sessionDayId, half, false);
    }

    private List<Attendee> people(long dayId, long sessionDayId, HalfDay half, boolean expectedOnly) {
        Map<Long, Row> byRegistration = new HashMap<>();
        Map<Long, Row> byWalkIn = new HashMap<>();
        for (Row row : rows(dayId, sessionDayId, half)) {
            if (row.registrationId() != null) {
                byRegistration.put(row.registrationId(), row);
            } else {
                byWalkIn.put(row.walkInId(), row);
            }
        }
        List<Attendee> people = new ArrayList<>();
        for (Registration r : registrations.ofDay(dayId)) {
            Row row = byRegistration.get(r.id());
            if (expectedOnly && r.state() != RegistrationState.CONFIRMED && row == null) {
                continue;
            }
            people.add(new Attendee(r.id(), null, r.surname(), r.givenName(), r.employerName(), r.state().name(),
                    row == null ? null : row.id(), row == null ? null : row.presentAt(),
                    row == null ? null : row.recordedBy(), row == null ? null : row.signedAt(),
                    row == null ? null : row.correction()));
        }
        jdbc.sql("SELECT id, surname, given_name, organisation FROM attendance_walk_in WHERE day_id = ?")
                .param(dayId)
                .query((rs, n) -> {
                    Row row = byWalkIn.get(rs.getLong("id"));
                    return new Attendee(null, rs.getLong("id"), rs.getString("surname"), rs.getString("given_name"),
                            rs.getString("organisation"), null, row == null ? null : row.id(),
                            row == null ? null : row.presentAt(), row == null ? null : row.recordedBy(),
                            row == null ? null : row.signedAt(), row == null ? null : row.correction());
                }).list().forEach(people::add);
        people.sort(Comparator.comparing((Attendee a) -> fold(a.surname())).thenComparing(a -> fold(a.givenName())));
        return people;
    }

    private record Row(long id, Long registrationId, Long walkInId, Instant presentAt, String recordedBy,
                       Instant signedAt, String correction) {
    }

    private List<Row> rows(long dayId, long sessionDayId, HalfDay half) {
        return jdbc.sql("""
                SELECT id, registration_id, walk_in_id, present_at, recorded_by, signed_at, correction
                FROM attendance WHERE day_id = ? AND session_day_id = ? AND half_day = ?""")
                .params(dayId, sessionDayId, half.name())
                .query((rs, n) -> new Row(rs.getLong("id"), (Long) rs.getObject("registration_id"),
                        (Long) rs.getObject("walk_in_id"), rs.getObject("present_at", OffsetDateTime.class).toInstant(),
                        rs.getString("recorded_by"),
                        Optional.ofNullable(rs.getObject("signed_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant).orElse(null),
                        rs.getString("correction")))
                .list();
    }

    /** Present and expected (confirmed registrations) for a half-day; walk-ins count as present. */
    public record Counts(int present, int expected, int walkIns) {
    }

    public Counts counts(long dayId, long sessionDayId, HalfDay half) {
        int present = jdbc.sql("SELECT count(*) FROM attendance WHERE day_id = ? AND session_day_id = ? AND half_day = ?")
                .params(dayId, sessionDayId, half.name()).query(Integer.class).single();
        int walkIns = jdbc.sql("""
                SELECT count(*) FROM attendance WHERE day_id = ? AND session_day_id = ? AND half_day = ?
                AND walk_in_id IS NOT NULL""")
                .params(dayId, sessionDayId, half.name()).query(Integer.class).single();
        int expected = registrations.countsByState(dayId).getOrDefault(RegistrationState.CONFIRMED, 0);
        return new Counts(present, expected, walkIns);
    }

    /** The outcome of a correction. */
    public enum Correction { CORRECTED, UNCHANGED, REASON_REQUIRED, REASON_TOO_LONG, NO_SUCH_PERSON }

    /** The longest reason of a correction. */
    static final int MAX_REASON = 1000;

    /**
     * An organiser marks a person present or absent for a half-day, with a reason, audited in the same
     * transaction. Marking present a registration of the day works whatever its state (the organiser
     * saw the person); marking absent removes the presence and its signature.
     *
     * @param ref the person: "inscription-12" or "sans-inscription-3" ({@link Attendee#ref()})
     */
    @Transactional
    public Correction correct(long dayId, long sessionDayId, HalfDay half, String ref, boolean present, String reason,
                              Organiser who) {
        HalfDays halfDays = halfDays(dayId);
        if (halfDays.find(sessionDayId, half).isEmpty()) {
            return Correction.NO_SUCH_PERSON;
        }
        Optional<Attendee> person = people(dayId, sessionDayId, half, false).stream().filter(a -> a.ref().equals(ref)).findFirst();
        if (person.isEmpty()) {
            return Correction.NO_SUCH_PERSON;
        }
        if (reason == null || reason.isBlank()) {
            return Correction.REASON_REQUIRED;
        }
        if (reason.length() > MAX_REASON) {
            return Correction.REASON_TOO_LONG;
        }
        Attendee a = person.get();
        String halfName = (half == HalfDay.MORNING ? "matin" : "après-midi") + (halfDays.days().isSingle() ? ""
                : " du " + halfDays.days().byId(sessionDayId).orElseThrow().frenchDate());
        String subject = (a.walkIn() ? "Sans inscription n° " + a.walkInId() : "Inscription n° " + a.registrationId())
                + " (" + a.name() + "), " + halfName;
        if (present) {
            if (a.present()) {
                return Correction.UNCHANGED;
            }
            int added = jdbc.sql("""
                    INSERT INTO attendance (day_id, session_day_id, half_day, registration_id, walk_in_id, present_at,
                                            recorded_by, correction)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                    .params(dayId, sessionDayId, half.name(), a.registrationId(), a.walkInId(), Timestamp.from(clock.instant()),
                            who.displayName(), reason.strip())
                    .update();
            if (added == 0) {
                return Correction.UNCHANGED;
            }
            audit.record(dayId, who.accountId(), who.displayName(), "attendance", "present",
                    subject + " marqué présent : " + reason.strip());
        } else {
            int removed = jdbc.sql("""
                    DELETE FROM attendance WHERE day_id = ? AND session_day_id = ? AND half_day = ?
                    AND (registration_id = ? OR walk_in_id = ?)""")
                    .params(dayId, sessionDayId, half.name(), a.registrationId(), a.walkInId()).update();
            if (removed == 0) {
                return Correction.UNCHANGED;
            }
            audit.record(dayId, who.accountId(), who.displayName(), "attendance", "absent",
                    subject + " marqué absent : " + reason.strip());
        }
        return Correction.CORRECTED;
    }

    /** The registrations of the session present at least one half-day of any of its days (walk-ins aside). */
    public Set<Long> presentRegistrations(long dayId) {
        return Set.copyOf(jdbc.sql("SELECT DISTINCT registration_id FROM attendance WHERE day_id = ? AND registration_id IS NOT NULL")
                .param(dayId).query(Long.class).list());
    }

    /** Whether that registration was present at least one half-day of any day of the session. */
    public boolean wasPresent(long dayId, long registrationId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM attendance WHERE day_id = ? AND registration_id = ?)")
                .params(dayId, registrationId).query(Boolean.class).single();
    }

    /** The signature kept with a presence of that day, as PNG. */
    public Optional<byte[]> signature(long dayId, long presenceId) {
        return jdbc.sql("SELECT signature FROM attendance WHERE id = ? AND day_id = ? AND signature IS NOT NULL")
                .params(presenceId, dayId).query((rs, n) -> rs.getBytes(1)).optional();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
