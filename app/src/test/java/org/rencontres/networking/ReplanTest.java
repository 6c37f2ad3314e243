package org.rencontres.networking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rencontres.HtmlChecker;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.WebSession;
import org.rencontres.audit.AuditTrail;
import org.rencontres.directory.Directory;
import org.rencontres.directory.NewPerson;
import org.rencontres.directory.Person;
import org.rencontres.event.DayDraft;
import org.rencontres.event.SessionDayDraft;
import org.rencontres.event.DayStatus;
import org.rencontres.event.Days;
import org.rencontres.event.SessionCode;
import org.rencontres.networking.RotationData.Member;
import org.rencontres.networking.RotationData.SeatRow;
import org.rencontres.programme.Programmes;
import org.rencontres.programme.SlotDraft;
import org.rencontres.programme.SlotKind;
import org.rencontres.security.Accounts;
import org.rencontres.security.NewAccount;
import org.rencontres.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Re-planning on the day over real HTTP: a published plan whose live session has played round 1
 * and runs round 2 gets a late arrival and a departure, then its coming rounds are re-planned
 * (started rounds unchanged seat for seat, the clock untouched, screens and personal pages
 * following, changed people flagged for a new card); and the refusals, each in French, changing
 * nothing. Each test works on a day of its own, in 2016.
 */
@RencontresIntegrationTest
class ReplanTest {

    private static final String PASSWORD = "correct horse battery";
    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 10_000_000);

    @LocalServerPort int port;
    @Autowired Days days;
    @Autowired Accounts accounts;
    @Autowired Programmes programmes;
    @Autowired NetworkingSessions sessions;
    @Autowired Directory directory;
    @Autowired AuditTrail audit;
    @Autowired RotationStore store;
    @Autowired LiveSessions live;
    @Autowired org.rencontres.registration.Registrations registrations;
    @Autowired org.rencontres.attendance.Attendances attendances;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private long dayId;
    private long slotId;
    private long sessionId;
    private WebSession organiser;
    private String base;
    private final LiveActor actor = new LiveActor(null, "Meneur de test");

    @BeforeEach
    void aDayWithItsRotation() throws Exception {
        long n = SEQUENCE.incrementAndGet();
        String unit = "INSET de la re-planification " + n;
        SessionCode code = new SessionCode("ZRPN " + n);
        dayId = days.create(new DayDraft(code, "Journée de la re-planification", null, null, List.of(new SessionDayDraft(LocalDate.of(2016, 10, 4), LocalTime.of(9, 0), LocalTime.of(17, 0))), "Une journée de test.", null, null, null, false, null, unit,
                null, List.of(), List.of(), List.of()));
        days.changeStatus(dayId, DayStatus.PUBLISHED);
        slotId = programmes.addSlot(dayId, new SlotDraft(days.days(dayId).orElseThrow().first().id(), LocalTime.of(12, 45), LocalTime.of(14, 0), SlotKind.NETWORKING,
                null, "Le speed dating", null, null, false, false, List.of(), List.of()));
        sessionId = sessions.define(dayId, new NetworkingDraft(slotId, "Le speed dating du jour", null, 3, 10, 12,
                false, List.of("ODD", "FICOL")));
        String email = "replan." + n + "@cnfpt.fr";
        accounts.create(new NewAccount(email, "Rémi Replan", Role.ORGANISER, unit, PASSWORD));
        organiser = new WebSession(port);
        organiser.signIn(email, PASSWORD);
        base = "/admin/journees/" + code.slug() + "/reseautage/" + slotId;
    }

    private void ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
    }

    private static String errors(HttpResponse<String> response) {
        return Jsoup.parse(response.body()).select("#erreurs").text();
    }

    /** Tables of {@code capacity} with hosts, people by hand, {@code rounds} rounds; the plan generated and published. */
    private void published(int tables, int capacity, int people, int rounds) throws Exception {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("rotation", "10");
        settings.put("changement", "2");
        settings.put("rotations", String.valueOf(rounds));
        ok(organiser.submit(base + "/organisation", base + "/organisation", settings));
        for (int t = 1; t <= tables; t++) {
            Person host = directory.addPerson(new NewPerson("Hôte", "Table " + SEQUENCE.incrementAndGet(),
                    "Chargée de mission", null, null, null));
            Map<String, String> f = new LinkedHashMap<>();
            f.put("nom", "Table " + t);
            f.put("emplacement", "");
            f.put("capacite", String.valueOf(capacity));
            f.put("animateur", String.valueOf(host.id()));
            f.put("theme", t % 2 == 0 ? "ODD" : "FICOL");
            ok(organiser.submit(base + "/organisation/tables/nouvelle", base + "/organisation/tables", f));
        }
        for (int p = 1; p <= people; p++) {
            ok(organiser.submit(base + "/participants", base + "/participants",
                    Map.of("nom", "Personne " + p, "organisation", "Ville " + p)));
        }
        organiser.page(base + "/participants"); // shows (and uses up) the notices of the additions
        ok(organiser.submit(base + "/plan", base + "/plan", Map.of()));
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300))
                .until(() -> store.status(sessionId).done());
        ok(organiser.submit(base + "/plan", base + "/plan/publication", Map.of()));
        assertThat(store.status(sessionId).published()).isTrue();
    }

    private Member member(String name) {
        return store.members(sessionId).stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
    }

    private static List<SeatRow> roundsBefore(List<SeatRow> seats, int round) {
        return seats.stream().filter(s -> s.round() < round).toList();
    }

    private static Set<Long> seatedIn(List<SeatRow> seats, int round) {
        return seats.stream().filter(s -> s.round() == round).map(SeatRow::participantId)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Long tableOf(List<SeatRow> seats, int round, long participant) {
        return seats.stream().filter(s -> s.round() == round && s.participantId() == participant)
                .map(SeatRow::tableId).findFirst().orElse(null);
    }

    private String key(long participantId) {
        return store.publicKeys(sessionId).get(participantId);
    }

    @Test
    void a_late_arrival_and_a_departure_are_re_planned_without_touching_the_started_rounds_nor_the_clock()
            throws Exception {
        Map<String, String> pages = new LinkedHashMap<>();
        published(4, 3, 9, 4);
        live.start(sessionId, actor);
        live.nextRound(sessionId, actor);
        LiveState before = live.state(sessionId).orElseThrow();
        assertThat(before.round()).isEqualTo(2);
        assertThat(before.phase()).isEqualTo(LivePhase.ROUND);
        List<SeatRow> seatsBefore = store.seats(sessionId);

        Document day = organiser.page(base + "/participants");
        assertThat(day.select("#jour-meme-etat").text()).isEqualTo("Rotations 1 à 2 sur 4 commencées ou jouées : elles ne"
                + " changeront plus ; seules les rotations suivantes peuvent être re-planifiées.");
        assertThat(day.select("form[action$=/participants/import]")).isEmpty();

        // A departure for a round already played or in progress is refused.
        Member leaving = member("Personne 3");
        for (String round : List.of("1", "2")) {
            HttpResponse<String> played = organiser.submit(base + "/participants", base + "/participants/depart",
                    Map.of("participant", String.valueOf(leaving.id()), "tour", round));
            assertThat(played.statusCode()).isEqualTo(200);
            assertThat(errors(played)).contains("La rotation " + round + " est déjà commencée ou jouée : un départ"
                    + " compte au plus tôt pour la rotation 3.");
            if (round.equals("1")) {
                pages.put("départ refusé", played.body());
            }
        }
        assertThat(store.presences(sessionId).get(leaving.id()).leavesRound()).isNull();

        // The late arrival and the departure (from round 4) are recorded; nothing is re-planned yet.
        ok(organiser.submit(base + "/participants", base + "/participants/arrivee",
                Map.of("nom", "Léa Retard", "organisation", "Ville nouvelle")));
        ok(organiser.submit(base + "/participants", base + "/participants/depart",
                Map.of("participant", String.valueOf(leaving.id()), "tour", "4")));
        Member late = member("Léa Retard");
        assertThat(store.presences(sessionId).get(late.id()).arrivesRound()).isEqualTo(2);
        assertThat(store.seats(sessionId)).isEqualTo(seatsBefore);
        Document recorded = organiser.page(base + "/participants");
        assertThat(recorded.select("tr:has(th:containsOwn(Léa Retard)) td.presence").text())
                .isEqualTo("Arrive à la rotation 3");
        assertThat(recorded.select("tr:has(th:containsOwn(Personne 3)) td.presence").text())
                .isEqualTo("Absente à partir de la rotation 4");
        pages.put("participants le jour même", recorded.outerHtml());

        Document confirm = organiser.page(base + "/participants/replanification");
        assertThat(confirm.select("h1").text()).isEqualTo("Re-planifier les rotations à venir ?");
        assertThat(confirm.text()).contains("Les rotations 1 à 2 sur 4 sont commencées ou jouées et ne changeront pas");
        pages.put("confirmation de re-planification", confirm.outerHtml());

        ok(organiser.submit(base + "/participants/replanification", base + "/participants/replanification", Map.of()));
        List<SeatRow> after = store.seats(sessionId);

        // Rounds 1 and 2 (0 and 1 in the store) unchanged, seat for seat.
        assertThat(roundsBefore(after, 2)).isEqualTo(roundsBefore(seatsBefore, 2));
        // The arrival sits from round 3 on, the departed person misses round 4; everyone present is seated.
        assertThat(tableOf(after, 0, late.id())).isNull();
        assertThat(tableOf(after, 1, late.id())).isNull();
        assertThat(tableOf(after, 2, late.id())).isNotNull();
        assertThat(tableOf(after, 3, late.id())).isNotNull();
        assertThat(tableOf(after, 2, leaving.id())).isNotNull();
        assertThat(tableOf(after, 3, leaving.id())).isNull();
        assertThat(seatedIn(after, 2)).hasSize(10);
        assertThat(seatedIn(after, 3)).hasSize(9);
        for (int r = 2; r < 4; r++) {
            int round = r;
            Map<Long, Long> sizes = after.stream().filter(s -> s.round() == round)
                    .collect(Collectors.groupingBy(SeatRow::tableId, Collectors.counting()));
            assertThat(sizes.values()).allSatisfy(size -> assertThat(size).isBetween(2L, 3L));
        }

        // The people whose route changed are flagged, and only they; the page names them.
        List<String> changed = new ArrayList<>();
        Set<Long> flagged = new TreeSet<>();
        for (Member m : store.members(sessionId)) {
            boolean moved = false;
            for (int r = 2; r < 4; r++) {
                Long now = tableOf(after, r, m.id());
                if (now != null && !now.equals(tableOf(seatsBefore, r, m.id()))) {
                    moved = true;
                }
            }
            if (moved) {
                changed.add(m.name());
            }
            if (store.presences(sessionId).get(m.id()).reprint()) {
                flagged.add(m.id());
            }
        }
        assertThat(changed).contains("Léa Retard");
        assertThat(flagged).containsExactlyInAnyOrderElementsOf(store.members(sessionId).stream()
                .filter(m -> changed.contains(m.name())).map(Member::id).toList());
        Document replanned = organiser.page(base + "/participants");
        assertThat(replanned.select("[role=status]").text()).contains("Rotations 1 à 2 inchangées ; rotations 3 à 4"
                + " re-planifiées.", "de parcours (carte à réimprimer)", "Léa Retard");
        assertThat(replanned.select("tr:has(th:containsOwn(Léa Retard)) td.carte").text()).isEqualTo("À réimprimer");
        pages.put("participants re-planifiés", replanned.outerHtml());

        // The live session keeps its clock and its started rounds; its later rounds follow the new plan.
        LiveState state = live.state(sessionId).orElseThrow();
        assertThat(state.status()).isEqualTo(before.status());
        assertThat(state.round()).isEqualTo(before.round());
        assertThat(state.phase()).isEqualTo(before.phase());
        assertThat(state.endsAt()).isEqualTo(before.endsAt());
        assertThat(state.version()).isGreaterThan(before.version());
        assertThat(state.current()).isEqualTo(before.current());
        String lateKey = key(late.id());
        assertThat(state.next().tables().stream().flatMap(t -> t.seats().stream()).map(LiveSeat::key))
                .contains(lateKey, key(leaving.id()));
        String lastRound = jdbc.sql("SELECT jsonb_path_query_array(plan, '$.rounds[3].tables[*].seats[*].key')::text"
                + " FROM networking_live WHERE session_id = ?").param(sessionId).query(String.class).single();
        assertThat(lastRound).contains(lateKey).doesNotContain(key(leaving.id()));
        assertThat(state.next().tables().stream().mapToInt(t -> t.seats().size()).sum()).isEqualTo(10);

        // The personal page of a moved person shows their new table for the next round.
        Member moved = store.members(sessionId).stream().filter(m -> changed.contains(m.name())
                && tableOf(after, 2, m.id()) != null).findFirst().orElseThrow();
        String newTable = store.tables(sessionId).stream().filter(t -> t.id() == tableOf(after, 2, moved.id()))
                .findFirst().orElseThrow().name();
        Document personal = organiser.page("/reseautage/direct/" + sessionId + "/participant/" + key(moved.id()));
        assertThat(personal.select("#seat-next").text()).contains(newTable);

        // The plan's page offers them, with how many.
        Document planPage = organiser.page(base + "/plan");
        assertThat(planPage.select("#impressions a[href$=reimpression=oui]").text()).isEqualTo(
                "Cartes de parcours à réimprimer : " + (flagged.size() == 1 ? "1 carte" : flagged.size() + " cartes")
                        + " dont le parcours a changé à la re-planification");
        // The cards to reprint: exactly the flagged people's, one A5 page each.
        var reprint = organiser.getBytes(base + "/impressions/parcours.pdf?reimpression=oui");
        assertThat(reprint.statusCode()).isEqualTo(200);
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(reprint.body())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(flagged.size());
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
            assertThat(text).contains("Léa Retard");
        }

        // The organiser reprints a card.
        ok(organiser.submit(base + "/participants", base + "/participants/" + late.id() + "/reimprime", Map.of()));
        assertThat(store.presences(sessionId).get(late.id()).reprint()).isFalse();
        assertThat(organiser.page(base + "/participants").select("tr:has(th:containsOwn(Léa Retard)) td.carte").text())
                .isEqualTo("À jour");
        assertThat(audit.of(dayId)).extracting(e -> e.action()).contains("participants.arrived.late",
                "participants.left", "plan.replanned", "live.replanned", "participants.reprinted");

        HtmlChecker.assertValid("networking-replan", pages);
    }

    @Test
    void bad_re_plans_are_refused_in_french_and_change_nothing() throws Exception {
        published(2, 2, 4, 3);
        // Not started: no round is fixed, and the organiser is told so.
        assertThat(organiser.page(base + "/participants/replanification").text())
                .contains("Le speed dating n'a pas commencé : aucune rotation n'est figée, toutes peuvent changer.");
        ok(organiser.submit(base + "/participants/replanification", base + "/participants/replanification", Map.of()));
        assertThat(organiser.page(base + "/participants").select("[role=status]").text())
                .contains("Le speed dating n'a pas commencé : toutes les rotations ont été re-planifiées.");

        live.start(sessionId, actor);
        List<SeatRow> seats = store.seats(sessionId);
        // More people than seats: a fifth person does not fit at two tables of two.
        HttpResponse<String> full = organiser.submit(base + "/participants", base + "/participants/arrivee",
                Map.of("nom", "De trop", "organisation", ""));
        assertThat(full.statusCode()).isEqualTo(200);
        assertThat(errors(full)).contains("5 personnes seraient présentes à la rotation 2 pour 4 places : il manque 1"
                + " place(s). Ajoutez une table");
        assertThat(store.members(sessionId)).hasSize(4);

        // A departure for the round in progress, for a round that does not exist, without a person.
        Member someone = store.members(sessionId).get(0);
        HttpResponse<String> inProgress = organiser.submit(base + "/participants", base + "/participants/depart",
                Map.of("participant", String.valueOf(someone.id()), "tour", "1"));
        assertThat(errors(inProgress)).contains("La rotation 1 est déjà commencée ou jouée : un départ compte au plus"
                + " tôt pour la rotation 2.");
        HttpResponse<String> beyond = organiser.submit(base + "/participants", base + "/participants/depart",
                Map.of("participant", String.valueOf(someone.id()), "tour", "9"));
        assertThat(errors(beyond)).contains("Indiquez une rotation entre 1 et 3.");
        HttpResponse<String> nobody = organiser.submit(base + "/participants", base + "/participants/depart",
                Map.of("participant", "", "tour", "2"));
        assertThat(Jsoup.parse(nobody.body()).select("#participant-erreur").text()).isNotEmpty();
        assertThat(store.presences(sessionId).values()).allSatisfy(p -> assertThat(p.leavesRound()).isNull());

        // The last round in progress: nothing left to re-plan.
        live.nextRound(sessionId, actor);
        live.nextRound(sessionId, actor);
        LiveState last = live.state(sessionId).orElseThrow();
        assertThat(last.round()).isEqualTo(3);
        HttpResponse<String> nothingLeft = organiser.submit(base + "/participants",
                base + "/participants/replanification", Map.of());
        assertThat(nothingLeft.statusCode()).isEqualTo(200);
        assertThat(errors(nothingLeft)).contains("La dernière rotation est commencée : il ne reste aucune rotation à"
                + " re-planifier.");
        assertThat(store.seats(sessionId)).isEqualTo(seats);
        assertThat(live.state(sessionId).orElseThrow().version()).isEqualTo(last.version());
        assertThat(audit.of(dayId)).extracting(e -> e.action()).doesNotContain("participants.left",
                "participants.arrived.late");
    }

    @Test
    void arrivals_recorded_at_the_welcome_desk_join_a_published_plan_as_late_arrivals() throws Exception {
        published(3, 4, 9, 3);
        registrations.setCapacity(new org.rencontres.registration.Capacity(dayId, 10, 48, false));
        long id = registrations.request(dayId, new org.rencontres.registration.RequestDraft("Tardive", "Tina",
                "tina." + SEQUENCE.incrementAndGet() + "@test-sur-seine.fr", "01 60 79 74 00", "RH", null,
                "Commune de Test-sur-Seine", null, null, null, java.time.Instant.parse("2016-01-10T10:00:00Z"), true));
        registrations.advance(id, "Service formation", null);
        registrations.advance(id, "Service formation", null);
        registrations.confirm(id, "Organisatrice");
        live.start(sessionId, actor);
        live.nextRound(sessionId, actor);
        assertThat(attendances.checkIn(dayId, id, org.rencontres.attendance.CheckIn.plain(
                org.rencontres.attendance.HalfDay.AFTERNOON, "Accueil")).recorded()).isTrue();

        ok(organiser.submit(base + "/participants", base + "/participants/import-presents", Map.of()));
        Member tina = member("Tina Tardive");
        assertThat(tina.registrationId()).isEqualTo(id);
        assertThat(jdbc.sql("SELECT arrives_round FROM networking_participant WHERE id = ?").param(tina.id())
                .query(Integer.class).single()).isEqualTo(2);
        // A second click adds nobody.
        ok(organiser.submit(base + "/participants", base + "/participants/import-presents", Map.of()));
        assertThat(store.members(sessionId)).filteredOn(m -> m.name().equals("Tina Tardive")).hasSize(1);
    }
}
