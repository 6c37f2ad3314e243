package org.rencontres.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.TestSessions;
import org.rencontres.attendance.Attendances;
import org.rencontres.attendance.CheckIn;
import org.rencontres.attendance.HalfDay;
import org.rencontres.attendance.WalkIn;
import org.rencontres.event.Days;
import org.rencontres.event.SessionCode;
import org.rencontres.event.SessionDayDraft;
import org.rencontres.registration.Registrations;
import org.rencontres.registration.RequestDraft;
import org.rencontres.shared.RetainedData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A purge keeps the statistics (issue 17, point 1): the dashboard of a session is the same before and after
 * every kind of its personal data was purged, although the names are gone. The session is in 2001 (no other
 * test's data is that old in the shared database), the cutoff a day after it.
 */
@RencontresIntegrationTest
class DashboardAfterPurgeTest {

    static final LocalDate DAY = LocalDate.of(2001, 5, 15);
    static final Instant CUTOFF = Instant.parse("2001-05-16T12:00:00Z");

    @Autowired Days days;
    @Autowired Registrations registrations;
    @Autowired Attendances attendances;
    @Autowired Dashboards dashboards;
    @Autowired List<RetainedData> modules;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transaction;

    @Test
    void the_dashboard_of_a_session_is_the_same_after_its_registrations_are_purged() {
        long n = System.nanoTime() % 100_000_000;
        long dayId = TestSessions.session(days, registrations, new SessionCode("ZRDB " + n), "Session purgée", "INSET " + n,
                new SessionDayDraft(DAY, LocalTime.of(9, 0), LocalTime.of(17, 0)));
        long sessionDay = days.days(dayId).orElseThrow().first().id();
        long ana = TestSessions.confirmed(registrations, dayId, "Ana", "Alpha");
        long bruno = TestSessions.confirmed(registrations, dayId, "Bruno", "Bravo");
        TestSessions.confirmed(registrations, dayId, "Chloé", "Charlie");
        long refused = registrations.request(dayId, new RequestDraft("Delta", "Diane", "diane." + n + "@test.fr",
                "01 60 79 74 00", "Juriste", null, "Ville de Lyon", null, null, null, Instant.parse("2026-06-10T10:00:00Z")));
        registrations.refuse(refused, "orga@cnfpt.fr", "Hors public visé");
        registrations.request(dayId, new RequestDraft("Echo", "Eva", "eva." + n + "@test.fr", "01 60 79 74 00", "Juriste",
                null, "Ville de Lyon", null, null, null, Instant.parse("2026-06-10T10:00:00Z")));
        // The refusal dates from the session's time, so that the refused kind expires with the others.
        jdbc.sql("UPDATE registration_transition SET at = TIMESTAMPTZ '2001-05-01 10:00:00+00' WHERE registration_id = ?")
                .param(refused).update();
        attendances.checkIn(dayId, ana, new CheckIn(HalfDay.MORNING, "Accueil", UUID.randomUUID(), false, null, null, sessionDay));
        attendances.checkIn(dayId, ana, CheckIn.plain(HalfDay.AFTERNOON, "Accueil").on(sessionDay));
        attendances.checkIn(dayId, bruno, CheckIn.plain(HalfDay.MORNING, "Accueil").on(sessionDay));
        attendances.checkInWalkIn(dayId, new WalkIn("Foxtrot", "Félix", "Mairie de Lyon", null),
                CheckIn.plain(HalfDay.MORNING, "Accueil").on(sessionDay));

        Object before = dashboards.of(dayId, Locale.FRENCH);
        long purged = transaction.execute(s -> modules.stream().mapToLong(m -> m.kinds().stream()
                .mapToLong(k -> m.purge(k.code(), CUTOFF)).sum()).sum());
        Object after = dashboards.of(dayId, Locale.FRENCH);

        assertThat(purged).isGreaterThanOrEqualTo(6);
        assertThat(registrations.ofDay(dayId)).extracting(r -> r.surname()).containsOnly("Anonyme");
        assertThat(after).isEqualTo(before);
        assertThat(((DayDashboard) after).total()).isEqualTo(5);
    }
}
