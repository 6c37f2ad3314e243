package org.rencontres.networking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.WebSession;
import org.rencontres.attendance.Attendances;
import org.rencontres.attendance.CheckIn;
import org.rencontres.attendance.HalfDay;
import org.rencontres.event.DayDraft;
import org.rencontres.event.SessionDayDraft;
import org.rencontres.event.Days;
import org.rencontres.event.SessionCode;
import org.rencontres.programme.Programmes;
import org.rencontres.programme.SlotDraft;
import org.rencontres.programme.SlotKind;
import org.rencontres.registration.Capacity;
import org.rencontres.registration.Registrations;
import org.rencontres.registration.RequestDraft;
import org.rencontres.security.Accounts;
import org.rencontres.security.NewAccount;
import org.rencontres.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * On the day, the rotation's participants are those who chose the networking time and have been
 * checked in at the welcome desk: the import takes them, and only them.
 */
@RencontresIntegrationTest
class CheckedInParticipantsTest {

    private static final String PASSWORD = "correct horse battery";
    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 10_000_000);

    @LocalServerPort int port;
    @Autowired Days days;
    @Autowired Accounts accounts;
    @Autowired Programmes programmes;
    @Autowired NetworkingSessions sessions;
    @Autowired Registrations registrations;
    @Autowired Attendances attendances;
    @Autowired RotationStore store;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private long confirmed(long dayId, String given, boolean optIn) {
        long id = registrations.request(dayId, new RequestDraft("Présente", given, "agent."
                + SEQUENCE.incrementAndGet() + "@test-sur-seine.fr", "01 60 79 74 00", "Chargée de mission", null,
                "Commune de Test-sur-Seine", null, null, null, Instant.parse("2016-01-10T10:00:00Z"), optIn));
        registrations.advance(id, "Service formation", null);
        registrations.advance(id, "Service formation", null);
        registrations.confirm(id, "Organisatrice");
        return id;
    }

    @Test
    void the_import_of_the_day_takes_the_checked_in_registrants_who_chose_the_networking_time() throws Exception {
        long n = SEQUENCE.incrementAndGet();
        String unit = "INSET de l'accueil " + n;
        SessionCode code = new SessionCode("ZCKI " + n);
        long dayId = days.create(new DayDraft(code, "Journée de l'accueil", null, null, List.of(new SessionDayDraft(LocalDate.of(2016, 9, 21), LocalTime.of(9, 0), LocalTime.of(17, 0))), "Une journée de test.", null, null, null, false, null, unit,
                null, List.of(), List.of(), List.of()));
        long slotId = programmes.addSlot(dayId, new SlotDraft(days.days(dayId).orElseThrow().first().id(), LocalTime.of(12, 45), LocalTime.of(14, 0),
                SlotKind.NETWORKING, null, "Le speed dating", null, null, false, false, List.of(), List.of()));
        long sessionId = sessions.define(dayId, new NetworkingDraft(slotId, "Speed dating", null, 3, 10, 12, false,
                List.of("ODD", "FICOL")));
        registrations.setCapacity(new Capacity(dayId, 10, 48, false));
        long here = confirmed(dayId, "Ambre", true);
        long notHere = confirmed(dayId, "Bruno", true);
        long hereWithoutOptIn = confirmed(dayId, "Chloé", false);
        assertThat(attendances.checkIn(dayId, here, CheckIn.plain(HalfDay.MORNING, "Accueil")).recorded()).isTrue();
        assertThat(attendances.checkIn(dayId, hereWithoutOptIn, CheckIn.plain(HalfDay.MORNING, "Accueil")).recorded())
                .isTrue();

        String email = "accueil." + n + "@cnfpt.fr";
        accounts.create(new NewAccount(email, "Alice Accueil", Role.ORGANISER, unit, PASSWORD));
        WebSession organiser = new WebSession(port);
        organiser.signIn(email, PASSWORD);
        String participants = "/admin/journees/" + code.slug() + "/reseautage/" + slotId + "/participants";
        assertThat(organiser.submit(participants, participants + "/import-presents", Map.of()).statusCode())
                .isEqualTo(302);

        assertThat(store.members(sessionId)).extracting(RotationData.Member::registrationId).containsExactly(here);
        assertThat(notHere).isNotEqualTo(here);
        assertThat(organiser.page(participants).text()).contains("Ambre Présente").doesNotContain("Bruno Présente",
                "Chloé Présente");
    }

    @Test
    void while_the_plan_is_computed_the_page_shows_how_far_it_has_gone() throws Exception {
        long n = SEQUENCE.incrementAndGet();
        String unit = "INSET du calcul " + n;
        SessionCode code = new SessionCode("ZCAL " + n);
        long dayId = days.create(new DayDraft(code, "Journée du calcul", null, null, List.of(new SessionDayDraft(LocalDate.of(2016, 9, 22), LocalTime.of(9, 0), LocalTime.of(17, 0))), "Une journée de test.", null, null, null, false, null, unit,
                null, List.of(), List.of(), List.of()));
        long slotId = programmes.addSlot(dayId, new SlotDraft(days.days(dayId).orElseThrow().first().id(), LocalTime.of(12, 45), LocalTime.of(14, 0),
                SlotKind.NETWORKING, null, "Le speed dating", null, null, false, false, List.of(), List.of()));
        long sessionId = sessions.define(dayId, new NetworkingDraft(slotId, "Speed dating", null, 3, 10, 12, false,
                List.of("ODD")));
        // A computation started 1.5 s ago, with the default time limit of 3 s: about half-way.
        jdbc.sql("INSERT INTO networking_plan (session_id, state, started_at) VALUES (?, 'GENERATING', now() - interval '1500 milliseconds')")
                .param(sessionId).update();
        String email = "calcul." + n + "@cnfpt.fr";
        accounts.create(new NewAccount(email, "Carl Calcul", Role.ORGANISER, unit, PASSWORD));
        WebSession organiser = new WebSession(port);
        organiser.signIn(email, PASSWORD);
        var page = organiser.page("/admin/journees/" + code.slug() + "/reseautage/" + slotId + "/plan");
        int progress = Integer.parseInt(page.select("progress#avancement").attr("value"));
        assertThat(progress).isBetween(40, 95);
        assertThat(page.select("label[for=avancement]").text()).isEqualTo("Avancement du calcul");
        org.rencontres.HtmlChecker.assertValid("calcul en cours", Map.of("plan", page.outerHtml()));
    }
}
