package org.rencontres.attendance;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.event.Day;
import org.rencontres.event.Days;
import org.rencontres.event.SessionDay;
import org.rencontres.registration.Registration;
import org.rencontres.registration.Registrations;
import org.rencontres.shared.EmailAddress;
import org.rencontres.shared.PersonData;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What attendance holds about an agent: the half-days they were present (and whether they signed, when,
 * never the drawing itself) and their certificates, whether they registered or came as a walk-in who
 * gave that address. All of it is kept on erasure: it is the proof of the training attended.
 */
@Component
@Order(PersonData.BEFORE_REGISTRATION)
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class AttendancePersonData implements PersonData {

    private final Registrations registrations;
    private final Days days;
    private final JdbcClient jdbc;
    private final MessageSource messages;

    private record Presence(long dayId, long sessionDayId, String halfDay, OffsetDateTime signedAt) {
    }

    private record Held(long dayId, String code, String hours) {
    }

    @Override
    public List<Section> of(EmailAddress person, Locale locale) {
        List<Long> registrationIds = registrations.ofAgent(person).stream().map(Registration::id).toList();
        Long[] ids = registrationIds.toArray(Long[]::new);
        List<Presence> presences = jdbc.sql("""
                SELECT a.day_id, a.session_day_id, a.half_day, a.signed_at FROM attendance a
                LEFT JOIN attendance_walk_in w ON w.id = a.walk_in_id
                WHERE a.registration_id = ANY(?) OR lower(btrim(w.email)) = lower(btrim(?))
                ORDER BY a.day_id, a.session_day_id, a.half_day DESC""")
                .params(ids, person.value())
                .query((rs, n) -> new Presence(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class)))
                .list();
        List<Held> certificates = jdbc.sql("""
                SELECT c.event_day_id, c.code, c.hours::text FROM attendance_certificate c
                LEFT JOIN attendance_walk_in w ON w.id = c.walk_in_id
                WHERE c.registration_id = ANY(?) OR lower(btrim(w.email)) = lower(btrim(?))
                ORDER BY c.event_day_id""")
                .params(ids, person.value())
                .query((rs, n) -> new Held(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list();
        if (presences.isEmpty() && certificates.isEmpty()) {
            return List.of();
        }
        List<Entry> entries = new ArrayList<>();
        for (Presence p : presences) {
            Day day = days.find(p.dayId()).orElseThrow();
            String date = day.days().byId(p.sessionDayId()).map(SessionDay::frenchDate).orElse("");
            entries.add(new Entry(text("attendance.persondata.present", locale, day.title()),
                    text("attendance.persondata.half." + p.halfDay(), locale, date)
                            + (p.signedAt() == null ? "" : ", " + text("attendance.persondata.signed", locale,
                            PersonData.at(p.signedAt().toInstant(), locale)))));
        }
        for (Held c : certificates) {
            String title = days.find(c.dayId()).map(Day::title).orElse("");
            entries.add(new Entry(text("attendance.persondata.certificate", locale, title),
                    text("attendance.persondata.certificate.value", locale, c.code(), c.hours())));
        }
        return List.of(new Section(text("attendance.persondata.section", locale), entries));
    }

    @Override
    public Erasure erase(EmailAddress person, Locale locale) {
        if (of(person, locale).isEmpty()) {
            return Erasure.nothing();
        }
        return new Erasure(List.of(), List.of(new Kept(text("attendance.persondata.kept", locale),
                text("attendance.persondata.kept.why", locale))));
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
