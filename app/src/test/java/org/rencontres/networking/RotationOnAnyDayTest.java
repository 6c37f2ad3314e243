package org.rencontres.networking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rencontres.HtmlChecker;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.WebSession;
import org.rencontres.attendance.Attendances;
import org.rencontres.attendance.CheckIn;
import org.rencontres.attendance.HalfDay;
import org.rencontres.event.DayDraft;
import org.rencontres.event.Days;
import org.rencontres.event.ManagedDay;
import org.rencontres.event.SessionCode;
import org.rencontres.event.SessionDayDraft;
import org.rencontres.event.SessionDays;
import org.rencontres.programme.Programmes;
import org.rencontres.programme.SlotDraft;
import org.rencontres.programme.SlotKind;
import org.rencontres.registration.Capacity;
import org.rencontres.registration.Registrations;
import org.rencontres.registration.RequestDraft;
import org.rencontres.security.Accounts;
import org.rencontres.security.NewAccount;
import org.rencontres.security.Role;
import org.rencontres.shared.FrenchTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A rotation belongs to a slot of one day of the session. On a session of two days (Tuesday
 * 9h–17h, Wednesday 9h–12h30) with a rotation at the same hours on each day: the prints and the back-office pages of
 * each rotation say its own day; the welcome desk's arrivals imported into a rotation are those
 * checked in on its day; the live screen of the second day's rotation opens; the removal of a day names the
 * rotation that goes with it. A half-day session (a morning only) shows no date, as a one-day
 * session never did.
 */
@RencontresIntegrationTest
class RotationOnAnyDayTest {

    private static final String PASSWORD = "correct horse battery";
    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 10_000_000);

    @LocalServerPort int port;
    @Autowired Days days;
    @Autowired Accounts accounts;
    @Autowired Programmes programmes;
    @Autowired NetworkingSessions sessions;
    @Autowired NetworkingPrints prints;
    @Autowired Registrations registrations;
    @Autowired Attendances attendances;
    @Autowired RotationStore store;
    @Autowired LiveSessions live;

    private long dayId;
    private String slug;
    private String code;
    private String title;
    private LocalDate firstDay;
    private LocalDate secondDay;
    private long firstSlot;
    private long secondSlot;
    private WebSession organiser;

    @BeforeEach
    void aTwoDaySessionWithARotationOnEachDay() throws Exception {
        long n = SEQUENCE.incrementAndGet();
        String unit = "INSET des deux jours de réseau " + n;
        SessionCode sessionCode = new SessionCode("ZROT " + n);
        code = sessionCode.value();
        slug = sessionCode.slug();
        title = "Rencontres de deux jours";
        firstDay = LocalDate.of(2031, 3, 18);
        secondDay = LocalDate.of(2031, 3, 19);
        dayId = days.create(new DayDraft(sessionCode, title, null, null,
                List.of(new SessionDayDraft(firstDay, LocalTime.of(9, 0), LocalTime.of(17, 0)),
                        new SessionDayDraft(secondDay, LocalTime.of(9, 0), LocalTime.of(12, 30))),
                "Une session de test.", null, null, null, false, null, unit, null, List.of(), List.of(), List.of()));
        SessionDays both = days.days(dayId).orElseThrow();
        // The same hours on both days: only the day tells the two rotations apart.
        secondSlot = networkingSlot(both.last().id());
        firstSlot = networkingSlot(both.first().id());
        sessions.define(dayId, new NetworkingDraft(firstSlot, "Speed dating du mardi", null, 3, 10, 12, false,
                List.of("ODD")));
        sessions.define(dayId, new NetworkingDraft(secondSlot, "Speed dating du mercredi", null, 3, 10, 12, false,
                List.of("ODD")));
        String email = "reseau.jours." + n + "@cnfpt.fr";
        accounts.create(new NewAccount(email, "Rita Réseau", Role.ORGANISER, unit, PASSWORD));
        organiser = new WebSession(port);
        organiser.signIn(email, PASSWORD);
    }

    private long networkingSlot(long sessionDayId) {
        return programmes.addSlot(dayId, new SlotDraft(sessionDayId, LocalTime.of(10, 45), LocalTime.of(11, 45),
                SlotKind.NETWORKING, null, "Le speed dating", null, null, false, false, List.of(), List.of()));
    }

    private String base(long slotId) {
        return "/admin/journees/" + slug + "/reseautage/" + slotId;
    }

    private ManagedDay managed() {
        return new ManagedDay(dayId, code, slug, title, days.days(dayId).orElseThrow());
    }

    /** Two rounds of two tables of two, published as is. */
    private PublishedPlan plan(long sessionId) {
        List<PlannedRound> rounds = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            List<TableSeats> round = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                List<Seat> seats = new ArrayList<>();
                for (int s = 0; s < 2; s++) {
                    int person = (t * 2 + s + r) % 4 + 1;
                    seats.add(new Seat(person, null, "Participant " + person, "Commune " + person));
                }
                round.add(new TableSeats("Table " + (t + 1), null, "ODD", "Hôte " + t, seats));
            }
            rounds.add(new PlannedRound(r, round));
        }
        return new PublishedPlan(sessionId, dayId, 10, 2, LocalTime.of(10, 45), rounds);
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replace('\u00a0', ' ').replaceAll("\\s+", " ");
        }
    }

    @Test
    void each_rotations_prints_and_pages_say_its_own_day() throws Exception {
        String secondText = FrenchTime.longDate(secondDay);
        String firstText = FrenchTime.longDate(firstDay);
        NetworkingSession ofSecond = sessions.ofSlot(dayId, secondSlot).orElseThrow();
        PublishedPlan plan = plan(ofSecond.id());
        for (byte[] pdf : List.of(prints.wholePlan(managed(), ofSecond, plan), prints.tables(managed(), ofSecond, plan),
                prints.routeCards(managed(), ofSecond, plan, prints.cards(plan, null)))) {
            assertThat(text(pdf)).contains(secondText).doesNotContain(firstText);
        }
        NetworkingSession ofFirst = sessions.ofSlot(dayId, firstSlot).orElseThrow();
        assertThat(text(prints.wholePlan(managed(), ofFirst, plan(ofFirst.id()))))
                .contains(firstText).doesNotContain(secondText);

        Document page = organiser.page(base(secondSlot));
        assertThat(page.selectFirst(".editor-slot-when").text())
                .isEqualTo("Le " + secondText + ", de 10h45 à 11h45 – " + title);
        HtmlChecker.assertValid("rotation-on-any-day", Map.of("rotation page", page.outerHtml()));
        assertThat(organiser.page(base(firstSlot) + "/organisation").text())
                .contains("Le " + firstText + ", de 10h45 à 11h45");

        // The live screen of the second day's rotation opens on its plan.
        live.prepare(ofSecond.id(), dayId, LiveFixture.plan(600, 60));
        Document screen = organiser.page(base(secondSlot) + "/direct");
        assertThat(screen.text()).contains("Table A");

        // Removing the first day names its rotation, not the second day's.
        SessionDays both = days.days(dayId).orElseThrow();
        Document removal = organiser.page("/admin/journees/" + slug + "/jours/" + both.first().id() + "/supprimer");
        assertThat(removal.select("main").text()).contains("1 créneau du programme (dont le speed dating « Speed dating du mardi »)")
                .doesNotContain("Speed dating du mercredi");
    }

    private long confirmed(String given) {
        long id = registrations.request(dayId, new RequestDraft("Présente", given, "agent."
                + SEQUENCE.incrementAndGet() + "@deux-jours.fr", "01 60 79 74 00", "Chargée de mission", null,
                "Commune de Test-sur-Seine", null, null, null, Instant.parse("2016-01-10T10:00:00Z"), true));
        registrations.advance(id, "Service formation", null);
        registrations.advance(id, "Service formation", null);
        registrations.confirm(id, "Organisatrice");
        return id;
    }

    @Test
    void the_arrivals_imported_into_a_rotation_are_those_checked_in_on_its_day() throws Exception {
        registrations.setCapacity(new Capacity(dayId, 10, 48, false));
        long cameSecond = confirmed("Mercredi");
        long cameFirst = confirmed("Mardi");
        // Each is checked in on the morning of their own day, at that day's desk.
        SessionDays both = days.days(dayId).orElseThrow();
        assertThat(attendances.checkIn(dayId, cameSecond, CheckIn.plain(HalfDay.MORNING, "Accueil")
                .on(both.on(secondDay).orElseThrow().id())).recorded()).isTrue();
        assertThat(attendances.checkIn(dayId, cameFirst, CheckIn.plain(HalfDay.MORNING, "Accueil")
                .on(both.on(firstDay).orElseThrow().id())).recorded()).isTrue();

        for (long slot : List.of(secondSlot, firstSlot)) {
            String participants = base(slot) + "/participants";
            assertThat(organiser.submit(participants, participants + "/import-presents", Map.of()).statusCode())
                    .isEqualTo(302);
        }
        long ofSecond = sessions.ofSlot(dayId, secondSlot).orElseThrow().id();
        long ofFirst = sessions.ofSlot(dayId, firstSlot).orElseThrow().id();
        assertThat(store.members(ofSecond)).extracting(RotationData.Member::registrationId).containsExactly(cameSecond);
        assertThat(store.members(ofFirst)).extracting(RotationData.Member::registrationId)
                .containsExactly(cameFirst);
    }

    @Test
    void a_half_day_sessions_rotation_says_its_hours_only_and_takes_every_check_in() throws Exception {
        long n = SEQUENCE.incrementAndGet();
        String unit = "INSET de la matinée de réseau " + n;
        SessionCode morning = new SessionCode("ZROM " + n);
        long morningId = days.create(new DayDraft(morning, "Matinée du réseau", null, null,
                List.of(new SessionDayDraft(LocalDate.of(2016, 9, 27), LocalTime.of(9, 0), LocalTime.of(12, 30))),
                "Une matinée de test.", null, null, null, false, null, unit, null, List.of(), List.of(), List.of()));
        long slot = programmes.addSlot(morningId, new SlotDraft(days.days(morningId).orElseThrow().first().id(),
                LocalTime.of(11, 0), LocalTime.of(12, 0), SlotKind.NETWORKING, null, "Le speed dating", null, null,
                false, false, List.of(), List.of()));
        long sessionId = sessions.define(morningId, new NetworkingDraft(slot, "Speed dating du matin", null, 3, 10,
                12, false, List.of("ODD")));
        registrations.setCapacity(new Capacity(morningId, 10, 48, false));
        long here = registrations.request(morningId, new RequestDraft("Matinale", "Inès", "agent."
                + SEQUENCE.incrementAndGet() + "@matin.fr", "01 60 79 74 00", "Chargée de mission", null,
                "Commune de Test-sur-Seine", null, null, null, Instant.parse("2016-01-10T10:00:00Z"), true));
        registrations.advance(here, "Service formation", null);
        registrations.advance(here, "Service formation", null);
        registrations.confirm(here, "Organisatrice");
        // Checked in now, years after the session's date: a session of one day takes every check-in, as before.
        assertThat(attendances.checkIn(morningId, here, CheckIn.plain(HalfDay.MORNING, "Accueil")).recorded()).isTrue();

        String email = "matin.reseau." + n + "@cnfpt.fr";
        accounts.create(new NewAccount(email, "Marc Matin", Role.ORGANISER, unit, PASSWORD));
        WebSession morningOrganiser = new WebSession(port);
        morningOrganiser.signIn(email, PASSWORD);
        String path = "/admin/journees/" + morning.slug() + "/reseautage/" + slot;
        assertThat(morningOrganiser.page(path).selectFirst(".editor-slot-when").text())
                .isEqualTo("De 11h à 12h – Matinée du réseau");
        assertThat(morningOrganiser.submit(path + "/participants", path + "/participants/import-presents", Map.of())
                .statusCode()).isEqualTo(302);
        assertThat(store.members(sessionId)).extracting(RotationData.Member::registrationId).containsExactly(here);
        NetworkingSession rotation = sessions.ofSlot(morningId, slot).orElseThrow();
        ManagedDay day = new ManagedDay(morningId, morning.value(), morning.slug(), "Matinée du réseau",
                days.days(morningId).orElseThrow());
        assertThat(text(prints.tables(day, rotation, plan(sessionId)))).contains("mardi 27 septembre 2016");
    }
}
