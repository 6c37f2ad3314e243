package org.rencontres.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.TestSessions;
import org.rencontres.WebSession;
import org.rencontres.attendance.Attendances;
import org.rencontres.attendance.CheckIn;
import org.rencontres.attendance.HalfDay;
import org.rencontres.event.Days;
import org.rencontres.event.SessionCode;
import org.rencontres.event.SessionDayDraft;
import org.rencontres.registration.Registrations;
import org.rencontres.security.Accounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Figures, not a test (no assertion on time): how long the pack of a session of {@code -Dpack.people} confirmed
 * and present agents (100 by default) takes to download, and its size. Runs only with {@code -Dfigures=true}:
 * {@code ./mvnw -B -q -pl app -am -Dtest=EvidencePackFigures -Dfigures=true -Dsurefire.failIfNoSpecifiedTests=false verify}.
 */
@RencontresIntegrationTest
@EnabledIfSystemProperty(named = "figures", matches = "true")
class EvidencePackFigures {

    @LocalServerPort int port;
    @Autowired Days days;
    @Autowired Registrations registrations;
    @Autowired Accounts accounts;
    @Autowired Attendances attendances;

    @Test
    void pack_of_a_session() throws Exception {
        int people = Integer.getInteger("pack.people", 100);
        long n = System.nanoTime() % 100_000_000;
        String unit = "INSET des chiffres " + n;
        WebSession organiser = TestSessions.organiser(accounts, port, "chiffres." + n + "@cnfpt.fr", "Chiffres", unit);
        SessionCode code = new SessionCode("ZFIG " + n);
        long dayId = TestSessions.session(days, registrations, code, "Journée des chiffres", unit,
                new SessionDayDraft(LocalDate.of(2016, 6, 21), LocalTime.of(9, 0), LocalTime.of(17, 0)));
        registrations.setCapacity(new org.rencontres.registration.Capacity(dayId, people + 10, 48, false));
        for (int i = 0; i < people; i++) {
            long id = TestSessions.confirmed(registrations, dayId, "Agent", "Numéro" + i);
            attendances.checkIn(dayId, id, CheckIn.plain(HalfDay.MORNING, "Accueil"));
            attendances.checkIn(dayId, id, CheckIn.plain(HalfDay.AFTERNOON, "Accueil"));
        }
        organiser.getBytes("/admin/journees/" + code.slug() + "/preuves.zip");
        long start = System.nanoTime();
        HttpResponse<byte[]> pack = organiser.getBytes("/admin/journees/" + code.slug() + "/preuves.zip");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(pack.statusCode()).isEqualTo(200);
        System.out.printf("EVIDENCE PACK FIGURES: %d people, %d ms, %d bytes%n", people, took.toMillis(), pack.body().length);
    }
}
