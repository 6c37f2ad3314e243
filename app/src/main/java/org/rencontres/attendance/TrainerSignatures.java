package org.rencontres.attendance;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.directory.Directory;
import org.rencontres.directory.Person;
import org.rencontres.event.Day;
import org.rencontres.event.Days;
import org.rencontres.notification.MailContent;
import org.rencontres.notification.MailTemplates;
import org.rencontres.notification.Message;
import org.rencontres.notification.Outbox;
import org.rencontres.programme.Programmes;
import org.rencontres.programme.Slot;
import org.rencontres.programme.SlotPerson;
import org.rencontres.shared.PublicAddress;
import org.rencontres.shared.Secrets;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Trainers sign the attendance sheet too (Qualiopi: sheets signed per half-day by trainees and by the
 * trainer). A trainer of a half-day is a person of a programme slot of that day (speaker, moderator or
 * host) whose slot overlaps the half-day's hours. They sign at the welcome desk or from their own link,
 * bound to one person and one session and valid until the session ends; only the SHA-256 of a link's
 * key is stored. One signature per person and half-day: a second one is refused, the first kept.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class TrainerSignatures {

    /** A trainer expected on a half-day, and their signature when they signed. */
    record Trainer(long personId, String name, boolean signed, Instant signedAt) {
    }

    /** Where a trainer's link leads: the session, the person, and whether it still works. */
    record Link(long dayId, long personId, String name, boolean expired) {
    }

    /** What became of a signature. */
    enum Outcome { SIGNED, ALREADY_SIGNED, NOT_A_TRAINER, SIGNATURE_EMPTY, SIGNATURE_INVALID }

    private final JdbcClient jdbc;
    private final Programmes programmes;
    private final Directory directory;
    private final Days days;
    private final Attendances attendances;
    private final MailTemplates mails;
    private final Outbox outbox;
    private final PublicAddress address;
    private final Clock clock = Clock.systemUTC();

    /** Every trainer of the session (any slot of any day), by person, in programme order. */
    Map<Long, String> trainersOfSession(long dayId) {
        Map<Long, String> people = new LinkedHashMap<>();
        for (Slot slot : programmes.programmeOf(dayId).slots()) {
            for (SlotPerson p : slot.people()) {
                people.putIfAbsent(p.personId(), p.givenName() + " " + p.familyName());
            }
        }
        return people;
    }

    /**
     * The trainers of a half-day: those of the slots that overlap its hours, then anyone who signed for
     * it without being in the programme any more (a signature is never hidden), with their signatures.
     */
    List<Trainer> trainers(long dayId, SessionHalfDay half) {
        Map<Long, String> expected = new LinkedHashMap<>();
        for (Slot slot : programmes.programmeOf(dayId).slots()) {
            if (slot.sessionDayId() == half.sessionDayId() && overlaps(slot.startsAt(), slot.endsAt(), half)) {
                slot.people().forEach(p -> expected.putIfAbsent(p.personId(), p.givenName() + " " + p.familyName()));
            }
        }
        Map<Long, Trainer> signed = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT person_id, name, signed_at FROM attendance_trainer_signature
                WHERE day_id = ? AND session_day_id = ? AND half_day = ? ORDER BY signed_at""")
                .params(dayId, half.sessionDayId(), half.half().name())
                .query((rs, n) -> new Trainer(rs.getLong(1), rs.getString(2), true, rs.getTimestamp(3).toInstant()))
                .list().forEach(t -> signed.put(t.personId(), t));
        List<Trainer> trainers = new ArrayList<>();
        expected.forEach((id, name) -> trainers.add(signed.containsKey(id)
                ? signed.remove(id) : new Trainer(id, name, false, null)));
        trainers.addAll(signed.values());
        return trainers;
    }

    private static boolean overlaps(LocalTime start, LocalTime end, SessionHalfDay half) {
        // A slot of no duration (a milestone) counts when it falls in the half-day.
        return start.isBefore(half.end()) && (end.isAfter(half.start()) || !start.isBefore(half.start()) && start.equals(end));
    }

    /** A trainer's signature image for a half-day, as PNG. */
    Optional<byte[]> signature(long dayId, SessionHalfDay half, long personId) {
        return jdbc.sql("""
                SELECT signature FROM attendance_trainer_signature
                WHERE day_id = ? AND session_day_id = ? AND half_day = ? AND person_id = ?""")
                .params(dayId, half.sessionDayId(), half.half().name(), personId)
                .query((rs, n) -> rs.getBytes(1)).optional();
    }

    /**
     * Records a trainer's signature for a half-day of the session ({@code via} DESK or LINK; {@code by}
     * the organiser at the desk, else null). Only a trainer of that half-day may sign it.
     */
    @Transactional
    Outcome sign(long dayId, SessionHalfDay half, long personId, String signaturePng, String via, String by) {
        Optional<Trainer> trainer = trainers(dayId, half).stream().filter(t -> t.personId() == personId).findFirst();
        if (trainer.isEmpty()) {
            return Outcome.NOT_A_TRAINER;
        }
        if (trainer.get().signed()) {
            return Outcome.ALREADY_SIGNED;
        }
        if (signaturePng == null || signaturePng.isBlank()) {
            return Outcome.SIGNATURE_EMPTY;
        }
        Optional<byte[]> png = Attendances.png(signaturePng);
        if (png.isEmpty()) {
            return Outcome.SIGNATURE_INVALID;
        }
        if (!Attendances.inked(png.get())) {
            return Outcome.SIGNATURE_EMPTY;
        }
        int added = jdbc.sql("""
                INSERT INTO attendance_trainer_signature (day_id, session_day_id, half_day, person_id, name, signature,
                    signed_at, via, recorded_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(dayId, half.sessionDayId(), half.half().name(), personId, trainer.get().name(), png.get(),
                        Timestamp.from(clock.instant()), via, by)
                .update();
        return added == 1 ? Outcome.SIGNED : Outcome.ALREADY_SIGNED;
    }

    /** A new link for a trainer of the session, valid until its end; returns its key (kept only hashed). */
    @Transactional
    String issueLink(long dayId, long personId) {
        Day day = days.find(dayId).orElseThrow();
        String key = Secrets.randomKey(18);
        jdbc.sql("INSERT INTO attendance_trainer_link (key_sha256, day_id, person_id, expires_at) VALUES (?, ?, ?, ?)")
                .params(Secrets.sha256Hex(key), dayId, personId, Timestamp.from(day.days().end().toInstant()))
                .update();
        return key;
    }

    /** The link of that key, when it was made for that session (another session's key is not found). */
    Optional<Link> link(long dayId, String key) {
        if (key == null || key.length() < 22 || key.length() > 64) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT person_id, expires_at FROM attendance_trainer_link WHERE key_sha256 = ? AND day_id = ?")
                .params(Secrets.sha256Hex(key), dayId)
                .query((rs, n) -> new Link(dayId, rs.getLong(1),
                        trainersOfSession(dayId).getOrDefault(rs.getLong(1), ""),
                        !clock.instant().isBefore(rs.getTimestamp(2).toInstant())))
                .optional();
    }

    /** The half-day a link signs now: the one in progress today, when today is a day of the session. */
    Optional<SessionHalfDay> halfDayNow(long dayId) {
        HalfDays halfDays = attendances.halfDays(dayId);
        Instant now = clock.instant();
        LocalDate today = now.atZone(halfDays.zone()).toLocalDate();
        return halfDays.days().on(today).map(d -> halfDays.at(d, now));
    }

    /**
     * E-mails every trainer of the session who has an address a new link of their own; returns how many
     * were queued. The session's trainers without an e-mail address in the directory are left out.
     */
    @Transactional
    int sendLinks(long dayId) {
        Day day = days.find(dayId).orElseThrow();
        Map<Long, Person> people = directory.people(trainersOfSession(dayId).keySet());
        int sent = 0;
        for (Person person : people.values()) {
            if (person.email() == null || person.email().isBlank()) {
                continue;
            }
            String key = issueLink(dayId, person.id());
            Map<String, Object> v = new HashMap<>();
            v.put("name", person.fullName());
            v.put("title", day.fullTitle());
            v.put("code", day.sessionCode().toString());
            v.put("date", day.days().frenchDates());
            v.put("link", address.of(path(day.sessionCode().slug(), key)));
            MailContent content = mails.render("attendance/mail/trainer-link", Locale.FRENCH, v);
            outbox.send(Message.of(person.email(), content).withDay(dayId));
            sent++;
        }
        return sent;
    }

    static String path(String slug, String key) {
        return "/emargement/" + slug + "/" + key;
    }
}
