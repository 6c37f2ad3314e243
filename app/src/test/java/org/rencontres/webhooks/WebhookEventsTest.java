package org.rencontres.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.TestSessions;
import org.rencontres.WebSession;
import org.rencontres.attendance.Attendances;
import org.rencontres.attendance.CheckIn;
import org.rencontres.attendance.CheckInOutcome;
import org.rencontres.attendance.HalfDay;
import org.rencontres.event.DayStatus;
import org.rencontres.event.Days;
import org.rencontres.event.SessionCode;
import org.rencontres.registration.Registrations;
import org.rencontres.registration.RequestDraft;
import org.rencontres.security.Accounts;
import org.rencontres.security.NewAccount;
import org.rencontres.security.Organiser;
import org.rencontres.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Which events write which deliveries: every type a session's life goes through, for the subscription of its
 * unit that chose it, none for another unit's nor for a disabled one, and none when the change is rolled back
 * (the deliveries are written in the change's transaction).
 */
@RencontresIntegrationTest
class WebhookEventsTest {

    @LocalServerPort int port;
    @Autowired Days days;
    @Autowired Registrations registrations;
    @Autowired Attendances attendances;
    @Autowired Accounts accounts;
    @Autowired Subscriptions subscriptions;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;

    private long n;
    private String unit;
    private WebSession organiser;

    @BeforeEach
    void anOrganiser() throws Exception {
        n = System.nanoTime() % 100_000_000;
        unit = "INSET des évènements " + n;
        organiser = TestSessions.organiser(accounts, port, "evenements." + n + "@cnfpt.fr", "Eve Évènements", unit);
    }

    @Test
    void a_sessions_life_writes_each_chosen_type_for_its_unit_only() throws Exception {
        long all = subscription(unit, List.of("registration.created", "registration.changed", "session.published",
                "session.changed", "session.cancelled", "attendance.checked_in", "certificate.issued"));
        long onlyCancelled = subscription(unit, List.of("session.cancelled"));
        long disabled = subscription(unit, List.of("registration.created"));
        subscriptions.enable(disabled, false);
        long otherUnit = subscription("INSET voisin " + n, List.of("registration.created", "session.published"));

        long dayId = TestSessions.session(days, registrations, new SessionCode("WE1 " + n), "Évènements " + n, unit,
                TestSessions.halfDay());
        assertThat(types(all)).as("a draft's changes are not told").isEmpty();
        days.moveTo(dayId, DayStatus.PUBLISHED, null);
        long registration = TestSessions.confirmed(registrations, dayId, "Ada", "Lovelace");
        assertThat(attendances.checkIn(dayId, registration, CheckIn.plain(HalfDay.MORNING, "Accueil")).kind())
                .isEqualTo(CheckInOutcome.Kind.RECORDED);
        assertThat(attendances.checkIn(dayId, registration, CheckIn.plain(HalfDay.MORNING, "Accueil")).kind())
                .as("already present: not told twice").isEqualTo(CheckInOutcome.Kind.ALREADY_PRESENT);
        String slug = days.find(dayId).orElseThrow().sessionCode().slug();
        assertThat(organiser.get("/admin/journees/" + slug + "/attestations/inscriptions/" + registration + ".pdf")
                .statusCode()).isEqualTo(200);
        days.moveTo(dayId, DayStatus.CANCELLED, "Salle indisponible");

        assertThat(types(all)).containsExactly("session.published", "session.changed", "registration.created",
                "registration.changed", "registration.changed", "registration.changed", "attendance.checked_in",
                "certificate.issued", "session.cancelled", "session.changed");
        assertThat(types(onlyCancelled)).containsExactly("session.cancelled");
        assertThat(types(disabled)).isEmpty();
        assertThat(types(otherUnit)).isEmpty();
        assertThat(jdbc.sql("SELECT payload FROM webhook_delivery WHERE subscription_id = ? AND event_type = 'session.cancelled'")
                .param(all).query(String.class).single()).contains("\"message\":\"Salle indisponible\"");
    }

    @Test
    void a_change_rolled_back_writes_no_delivery() {
        long subscription = subscription(unit, List.of("registration.created"));
        long dayId = TestSessions.session(days, registrations, new SessionCode("WE2 " + n), "Retour arrière " + n, unit,
                TestSessions.halfDay());
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            request(dayId, "annulee");
            status.setRollbackOnly();
        });
        assertThat(types(subscription)).isEmpty();
        request(dayId, "gardee");
        assertThat(types(subscription)).containsExactly("registration.created");
    }

    private long subscription(String ofUnit, List<String> types) {
        Subscriptions.Outcome outcome = subscriptions.create(administrator(), ofUnit, "https://crochets.exemple.fr/" + n,
                types);
        assertThat(outcome.problems()).isEmpty();
        return outcome.created().id();
    }

    /** An administrator, who names the unit of a subscription. */
    private Organiser administrator() {
        String email = "admin.crochets." + n + "@cnfpt.fr";
        if (!accounts.emailTaken(email)) {
            accounts.create(new NewAccount(email, "Adèle Admin", Role.ADMINISTRATOR, null, TestSessions.PASSWORD));
        }
        return (Organiser) accounts.loadUserByUsername(email);
    }

    private long request(long dayId, String name) {
        return registrations.request(dayId, new RequestDraft("Lovelace", name, name + "." + n + "@test.fr", "01 60 79 74 00",
                "Juriste", null, "Commune de Test-sur-Seine", null, null, null, Instant.parse("2026-06-10T10:00:00Z")));
    }

    private List<String> types(long subscription) {
        return jdbc.sql("SELECT event_type FROM webhook_delivery WHERE subscription_id = ? ORDER BY id")
                .param(subscription).query(String.class).list();
    }
}
