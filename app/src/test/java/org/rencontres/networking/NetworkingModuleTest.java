package org.rencontres.networking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rencontres.directory.Directory;
import org.rencontres.directory.NewPerson;
import org.rencontres.directory.Person;
import org.rencontres.event.Day;
import org.rencontres.event.DayDraft;
import org.rencontres.event.SessionDayDraft;
import org.rencontres.event.Days;
import org.rencontres.event.SessionCode;
import org.rencontres.networking.RotationData.Member;
import org.rencontres.networking.RotationData.SeatRow;
import org.rencontres.programme.Programmes;
import org.rencontres.programme.Slot;
import org.rencontres.programme.SlotDraft;
import org.rencontres.programme.SlotKind;
import org.rencontres.security.Accounts;
import org.rencontres.event.ManagedDay;
import org.rencontres.security.NewAccount;
import org.rencontres.security.Organiser;
import org.rencontres.security.Role;
import org.rencontres.shared.FieldProblem;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;

/**
 * The networking module with the modules it depends on, on the real embedded PostgreSQL: a rotation set up (rules,
 * tables with hosts, participants typed by hand, so that the test does not depend on where registrants come from),
 * its plan generated in the background and published, then read back as other modules see it.
 */
// Beyond the modules whose beans networking's code injects: database (the embedded PostgreSQL), web (the templates'
// @formats bean), security (the test's organiser account), and where the set-up's confirmed registrants come from,
// with what those modules need: registrants (while it exists), registration, attendance, event, notification,
// workshops. Modulith ignores a module name that no longer exists, and once networking reads registration directly
// those are its own dependencies.
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = {"database", "web", "security",
        "registrants", "registration", "attendance", "event", "notification", "workshops"})
class NetworkingModuleTest {

    private static final String PASSWORD = "correct horse battery";

    @Autowired Days days;
    @Autowired Programmes programmes;
    @Autowired Directory directory;
    @Autowired Accounts accounts;
    @Autowired NetworkingSessions sessions;
    @Autowired RotationSetup setup;
    @Autowired RotationPlanning planning;
    @Autowired PublishedPlans publishedPlans;

    private long n;
    private ManagedDay day;
    private Organiser organiser;
    private Slot slot;
    private NetworkingSession session;

    @BeforeEach
    void aDayWithARotation() {
        n = System.nanoTime() % 100_000_000;
        String unit = "INSET du module de réseautage " + n;
        long dayId = days.create(new DayDraft(new SessionCode("ZNET " + n), "Journée du réseautage", null, null, List.of(new SessionDayDraft(LocalDate.of(2016, 9, 20), LocalTime.of(9, 0), LocalTime.of(17, 0))), "Une journée de test.", null, null,
                null, false, null, unit, null, List.of(), List.of(), List.of()));
        Day d = days.find(dayId).orElseThrow();
        day = new ManagedDay(d.id(), d.sessionCode().value(), d.sessionCode().slug(), d.title(), d.days());
        long accountId = accounts.create(new NewAccount("reseau." + n + "@cnfpt.fr", "Rémi Réseau", Role.ORGANISER, unit,
                PASSWORD)).id();
        organiser = accounts.current(accountId).orElseThrow();
        long slotId = programmes.addSlot(dayId, new SlotDraft(days.days(dayId).orElseThrow().first().id(), LocalTime.of(12, 30), LocalTime.of(13, 30),
                SlotKind.NETWORKING, null, "Le speed dating", null, null, false, false, List.of(), List.of()));
        slot = programmes.outline(dayId).stream().filter(s -> s.id() == slotId).findFirst().orElseThrow();
        long sessionId = sessions.define(dayId, new NetworkingDraft(slotId, "Le speed dating du module", null, 3, 10, 12,
                false, List.of("ODD", "FICOL", "Expatriation")));
        session = sessions.ofDay(dayId).stream().filter(s -> s.id() == sessionId).findFirst().orElseThrow();
    }

    private Person host(String givenName) {
        return directory.addPerson(new NewPerson(givenName, "Animatrice " + n, "Chargée de mission", null, null, null));
    }

    private void table(String name, Person host, String theme) {
        Outcome saved = setup.saveTable(day, organiser, session, null,
                new TableForm(name, "Salle A", "3", host == null ? "" : String.valueOf(host.id()), theme));
        assertThat(saved.problems()).as(name).isEmpty();
    }

    private static Set<String> codes(List<FieldProblem> problems) {
        return problems.stream().map(FieldProblem::code).collect(Collectors.toSet());
    }

    @Test
    void a_rotation_is_set_up_planned_in_the_background_and_published(Scenario scenario) {
        assertThat(setup.saveSettings(day, organiser, slot, session,
                new SettingsForm("12", "3", "3", true, false)).problems()).isEmpty();
        table("Table 1", host("Anne"), "ODD");
        table("Table 2", host("Bruno"), "FICOL");
        table("Table 3", host("Chloé"), "Expatriation");
        List<String> names = List.of("Agathe", "Basile", "Carole", "Denis", "Élise", "Fabien", "Gaëlle", "Hugo", "Inès");
        for (int i = 0; i < names.size(); i++) {
            assertThat(setup.addMember(day, organiser, session,
                    new ParticipantForm(names.get(i) + " Participant", "Commune " + (i % 3))).problems()).isEmpty();
        }
        assertThat(setup.members(session)).hasSize(9);
        assertThat(planning.blockers(slot, session)).isEmpty();

        // Generated after the commit, in the background: the scenario waits for the plan to be done.
        scenario.stimulate(() -> assertThat(planning.generate(day, organiser, slot, session)).isEmpty())
                .andWaitAtMost(Duration.ofSeconds(60))
                .andWaitForStateChange(() -> planning.status(session).done())
                .andVerify(done -> assertThat(done).isTrue());
        List<SeatRow> seats = planning.seats(session);
        assertThat(seats).hasSize(9 * 3);
        // Never the same table twice: each participant sits at three different tables.
        for (Member m : setup.members(session)) {
            Set<Long> tables = new HashSet<>();
            seats.stream().filter(s -> s.participantId() == m.id()).forEach(s -> tables.add(s.tableId()));
            assertThat(tables).as(m.name()).hasSize(3);
        }

        assertThat(publishedPlans.published(session.id())).isEmpty();
        assertThat(planning.publish(day, organiser, slot, session)).isEmpty();
        PublishedPlan plan = publishedPlans.published(session.id()).orElseThrow();
        assertThat(plan.dayId()).isEqualTo(day.id());
        assertThat(plan.startsAt()).isEqualTo(LocalTime.of(12, 30));
        assertThat(plan.rotationMinutes()).isEqualTo(12);
        assertThat(plan.rounds()).hasSize(3);
        assertThat(planning.status(session).published()).isTrue();
    }

    @Test
    void a_rotation_without_hosts_or_participants_is_neither_planned_nor_published() {
        table("Table sans animateur", null, "ODD");
        List<FieldProblem> blockers = planning.blockers(slot, session);
        assertThat(codes(blockers)).contains("networking.blocker.no.host", "networking.blocker.few.participants");
        assertThat(codes(planning.generate(day, organiser, slot, session))).isEqualTo(codes(blockers));
        assertThat(planning.status(session).done()).isFalse();
        assertThat(planning.publish(day, organiser, slot, session)).isNotEmpty();
        assertThat(publishedPlans.published(session.id())).isEmpty();
    }
}
