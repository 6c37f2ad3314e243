package org.rencontres.registration;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.rencontres.event.DayDraft;
import org.rencontres.event.SessionDayDraft;
import org.rencontres.event.Days;
import org.rencontres.event.SessionCode;

/** Days and requests of the registration tests: days in 2016, never among the catalogue's upcoming days. */
final class TestDays {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 10_000_000);

    private TestDays() {
    }

    static long create(Days days, String title) {
        long n = SEQUENCE.incrementAndGet();
        return days.create(new DayDraft(new SessionCode("ZREG " + n), title, null, null, List.of(new SessionDayDraft(LocalDate.of(2016, 3, 15), LocalTime.of(9, 0), LocalTime.of(17, 0))), "Journée de test des inscriptions.", null, null, null, false,
                null, "INSET de Test inscriptions", null, List.of(), List.of(), List.of()));
    }

    static RequestDraft agent(String givenName, String email) {
        return new RequestDraft("Agent", givenName, email, "01 60 79 74 00", "Chargée de mission, service RH",
                null, "Commune de Test-sur-Seine", "chef@test-sur-seine.fr", null, null, Instant.parse("2016-01-10T10:00:00Z"));
    }
}
