package org.rencontres;

import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;

import org.rencontres.event.DayDraft;
import org.rencontres.event.Days;
import org.rencontres.event.SessionCode;
import org.rencontres.event.SessionDayDraft;
import org.rencontres.registration.Capacity;
import org.rencontres.registration.Registrations;
import org.rencontres.registration.RequestDraft;
import org.rencontres.security.Accounts;
import org.rencontres.security.NewAccount;
import org.rencontres.security.Role;

/**
 * What the tests of sessions over several days set up alike: an organiser of a unit signed in, a session of given days
 * with seats, confirmed agents. The reference session of two days is Tuesday 16 March 2027 09:00–17:00 and Wednesday
 * 17 March 09:00–12:30; the half-day session, Tuesday's morning.
 */
public final class TestSessions {

    public static final String PASSWORD = "correct horse battery";
    public static final LocalDate TUESDAY = LocalDate.of(2027, 3, 16);
    public static final LocalDate WEDNESDAY = LocalDate.of(2027, 3, 17);

    private TestSessions() {
    }

    /** Tuesday 09:00–17:00 and Wednesday 09:00–12:30. */
    public static SessionDayDraft[] twoDays() {
        return new SessionDayDraft[] {new SessionDayDraft(TUESDAY, LocalTime.of(9, 0), LocalTime.of(17, 0)),
                new SessionDayDraft(WEDNESDAY, LocalTime.of(9, 0), LocalTime.of(12, 30))};
    }

    /** Tuesday 09:00–12:30. */
    public static SessionDayDraft halfDay() {
        return new SessionDayDraft(TUESDAY, LocalTime.of(9, 0), LocalTime.of(12, 30));
    }

    /** A new organiser account of that unit, signed in. */
    public static WebSession organiser(Accounts accounts, int port, String email, String name, String unit)
            throws Exception {
        accounts.create(new NewAccount(email, name, Role.ORGANISER, unit, PASSWORD));
        WebSession session = new WebSession(port);
        session.signIn(email, PASSWORD);
        return session;
    }

    /** A draft session of the unit on these days, with 50 seats. */
    public static long session(Days days, Registrations registrations, SessionCode code, String title, String unit,
                               SessionDayDraft... sessionDays) {
        long id = days.create(new DayDraft(code, title, null, null, List.of(sessionDays), "Une session de test.", null,
                null, null, false, null, unit, null, List.of(), List.of(), List.of()));
        registrations.setCapacity(new Capacity(id, 50, 48, false));
        return id;
    }

    /** An agent's request taken through the chain to confirmed, by the organiser. */
    public static long confirmed(Registrations registrations, long dayId, String givenName, String surname) {
        long id = registrations.request(dayId, new RequestDraft(surname, givenName,
                Normalizer.normalize(givenName, Normalizer.Form.NFD).replaceAll("[^A-Za-z]", "").toLowerCase(Locale.ROOT) + "." + System.nanoTime() + "@test.fr", "01 60 79 74 00", "Juriste",
                null, "Commune de Test-sur-Seine", null, null, null, Instant.parse("2026-06-10T10:00:00Z")));
        registrations.advance(id, "orga@cnfpt.fr", null);
        registrations.advance(id, "orga@cnfpt.fr", null);
        registrations.confirm(id, "orga@cnfpt.fr");
        return id;
    }
}
