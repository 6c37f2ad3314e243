package org.rencontres.networking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rencontres.HtmlChecker;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.WebSession;
import org.rencontres.audit.AuditTrail;
import org.rencontres.directory.Directory;
import org.rencontres.directory.NewPerson;
import org.rencontres.directory.PeopleCatalogue;
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
import org.rencontres.registration.AgentSpaces;
import org.rencontres.registration.Capacity;
import org.rencontres.registration.Registrations;
import org.rencontres.registration.RequestDraft;
import org.rencontres.security.Accounts;
import org.rencontres.security.NewAccount;
import org.rencontres.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A rotation run from the back office over real HTTP: set-up (rounds computed and adjusted, tables
 * and hosts), participants (confirmed registrants imported, people added by hand), the plan
 * generated in the background, its quality in French, swaps checked against the rules,
 * publication (read back through {@link PublishedPlans}) and unpublication; and every bad input
 * with its French message. Each test works on a day of its own, in 2016.
 */
@RencontresIntegrationTest
class RotationPlanTest {

    private static final String PASSWORD = "correct horse battery";
    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 10_000_000);

    @LocalServerPort int port;
    @Autowired Days days;
    @Autowired Accounts accounts;
    @Autowired Programmes programmes;
    @Autowired NetworkingSessions sessions;
    @Autowired Directory directory;
    @Autowired PeopleCatalogue people;
    @Autowired Registrations registrations;
    @Autowired AuditTrail audit;
    @Autowired PublishedPlans publishedPlans;
    @Autowired RotationStore store;
    @Autowired JdbcClient jdbc;
    @Autowired LiveSessions liveSessions;

    private long dayId;
    private String slug;
    private long slotId;
    private long sessionId;
    private WebSession organiser;
    private String base;

    @BeforeEach
    void aDayWithItsRotation() throws Exception {
        long n = SEQUENCE.incrementAndGet();
        String unit = "INSET du plan de table " + n;
        SessionCode code = new SessionCode("ZRPL " + n);
        slug = code.slug();
        dayId = days.create(new DayDraft(code, "Journée du plan de table", null, null, List.of(new SessionDayDraft(LocalDate.of(2016, 9, 20), LocalTime.of(9, 0), LocalTime.of(17, 0))), "Une journée de test.", null, null, null, false, null, unit,
                null, List.of(), List.of(), List.of()));
        days.changeStatus(dayId, DayStatus.PUBLISHED);
        slotId = programmes.addSlot(dayId, new SlotDraft(days.days(dayId).orElseThrow().first().id(), LocalTime.of(12, 45), LocalTime.of(14, 0), SlotKind.NETWORKING,
                null, "Le speed dating", null, null, false, false, List.of(), List.of()));
        sessionId = sessions.define(dayId, new NetworkingDraft(slotId, "Le speed dating de l'AICT", null, 3, 10, 12,
                false, List.of("ODD", "FICOL", "Expatriation", "Formation")));
        String email = "plan." + n + "@cnfpt.fr";
        accounts.create(new NewAccount(email, "Paule Plan", Role.ORGANISER, unit, PASSWORD));
        organiser = new WebSession(port);
        organiser.signIn(email, PASSWORD);
        base = "/admin/journees/" + slug + "/reseautage/" + slotId;
        registrations.setCapacity(new Capacity(dayId, 10, 48, false));
    }

    private Person host(String given) {
        return directory.addPerson(new NewPerson(given, "Animatrice " + SEQUENCE.incrementAndGet(), "Chargée de mission",
                null, null, null));
    }

    private static Map<String, String> settings(String rotation, String changeover, String rounds, boolean tableOnce,
                                                boolean colleagues) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("rotation", rotation);
        f.put("changement", changeover);
        f.put("rotations", rounds);
        if (tableOnce) {
            f.put("jamaisDeuxFois", "true");
        }
        if (colleagues) {
            f.put("separerCollegues", "true");
        }
        return f;
    }

    private static Map<String, String> table(String name, String capacity, Person host, String theme) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("nom", name);
        f.put("emplacement", "Près de la fenêtre");
        f.put("capacite", capacity);
        f.put("animateur", host == null ? "" : String.valueOf(host.id()));
        f.put("theme", theme);
        return f;
    }

    private void ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
    }

    private void addTable(String name, String capacity, Person host, String theme) throws Exception {
        ok(organiser.submit(base + "/organisation/tables/nouvelle", base + "/organisation/tables",
                table(name, capacity, host, theme)));
    }

    private void addPerson(String name, String organisation) throws Exception {
        ok(organiser.submit(base + "/participants", base + "/participants",
                Map.of("nom", name, "organisation", organisation)));
    }

    private long confirmedRegistrant(String given) {
        return confirmedRegistrant(given, true);
    }

    /** A confirmed registrant who asked (or not) to take part in the networking time. */
    private long confirmedRegistrant(String given, boolean optIn) {
        long id = registrations.request(dayId, new RequestDraft("Inscrite", given, java.text.Normalizer.normalize(given, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase() + "."
                + SEQUENCE.incrementAndGet() + "@test-sur-seine.fr", "01 60 79 74 00", "Chargée de mission", null,
                "Commune de Test-sur-Seine", "chef@test-sur-seine.fr", null, null, Instant.parse("2016-01-10T10:00:00Z"),
                optIn));
        registrations.advance(id, "formation@test-sur-seine.fr", null);
        registrations.advance(id, "formation@test-sur-seine.fr", "Avis favorable");
        registrations.confirm(id, "orga@cnfpt.fr");
        return id;
    }

    private Document waitForThePlan() {
        return await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).until(
                () -> organiser.page(base + "/plan"), page -> !page.select("#etat").text().contains("en cours"));
    }

    private String errors(HttpResponse<String> response) {
        return org.jsoup.Jsoup.parse(response.body()).select("#erreurs").text();
    }

    @Test
    void an_organiser_sets_up_generates_swaps_publishes_and_unpublishes_the_plan() throws Exception {
        Map<String, String> pages = new LinkedHashMap<>();
        // Rounds follow from the 75-minute slot: (75 + 2) / (12 + 2) = 5 with the defaults.
        Document setup = organiser.page(base + "/organisation");
        assertThat(setup.select("#rotations-calcul").text()).isEqualTo("5 rotations tiennent dans le créneau de 75 minutes.");
        assertThat(setup.select("#rotation").val()).isEqualTo("12");
        assertThat(setup.select("#jamaisDeuxFois").hasAttr("checked")).isTrue();

        HttpResponse<String> tooMany = organiser.submit(base + "/organisation", base + "/organisation",
                settings("10", "2", "7", true, true));
        assertThat(tooMany.statusCode()).isEqualTo(200);
        assertThat(errors(tooMany)).contains("Au plus 6 rotations tiennent dans le créneau de 75 minutes (rotations de 10"
                + " minutes, 2 minutes de changement) : indiquez 6 ou moins, ou raccourcissez les rotations.");
        pages.put("réglages en erreur", tooMany.body());
        HttpResponse<String> tooLong = organiser.submit(base + "/organisation", base + "/organisation",
                settings("80", "2", "", true, true));
        assertThat(errors(tooLong)).contains("Le créneau dure 75 minutes : une rotation de 80 minutes n'y tient pas."
                + " Raccourcissez les rotations.");
        assertThat(store.settings(sessions.ofSlot(dayId, slotId).orElseThrow()).rotationMinutes()).isEqualTo(12);

        ok(organiser.submit(base + "/organisation", base + "/organisation", settings("10", "2", "2", true, true)));
        setup = organiser.page(base + "/organisation");
        assertThat(setup.select("#rotations-calcul").text()).isEqualTo("6 rotations tiennent dans le créneau de 75 minutes.");
        assertThat(setup.select("#rotations-retenues").text()).isEqualTo("Rotations prévues : 2.");

        // Tables, each with a host of the directory and a theme of the rotation.
        HttpResponse<String> nameless = organiser.submit(base + "/organisation/tables/nouvelle",
                base + "/organisation/tables", table("", "3", null, "ODD"));
        assertThat(errors(nameless)).contains("Indiquez le nom de la table.");
        pages.put("table en erreur", nameless.body());
        addTable("Table 1", "3", host("Anne"), "ODD");
        addTable("Table 2", "3", host("Bruno"), "FICOL");
        addTable("Table 3", "3", host("Chloé"), "Expatriation");
        addTable("Table 4", "3", host("Denise"), "Formation");
        HttpResponse<String> twice = organiser.submit(base + "/organisation/tables/nouvelle",
                base + "/organisation/tables", table("table 1", "3", null, ""));
        assertThat(errors(twice)).contains("Une table s'appelle déjà « table 1 » : choisissez un autre nom.");
        setup = organiser.page(base + "/organisation");
        assertThat(setup.select("#tables ~ table tbody th").eachText()).containsExactly("Table 1", "Table 2", "Table 3", "Table 4");
        pages.put("tables et rotations", setup.outerHtml());
        pages.put("nouvelle table", organiser.get(base + "/organisation/tables/nouvelle").body());

        // Participants: three confirmed registrants (colleagues), one still waiting, six by hand.
        long first = confirmedRegistrant("Agathe");
        confirmedRegistrant("Basile");
        confirmedRegistrant("Céleste");
        confirmedRegistrant("Sans-Réseau", false);
        registrations.request(dayId, new RequestDraft("Attente", "Denis", "denis." + SEQUENCE.incrementAndGet()
                + "@test-sur-seine.fr", "01 60 79 74 00", "RH", null, "Commune de Test-sur-Seine", null, null, null,
                Instant.parse("2016-01-10T10:00:00Z")));
        ok(organiser.submit(base + "/participants", base + "/participants/import", Map.of()));
        assertThat(organiser.page(base + "/participants").select("[role=status]").text())
                .contains("Inscrits confirmés importés : 3 ; déjà dans la liste : 0.");
        ok(organiser.submit(base + "/participants", base + "/participants/import", Map.of()));
        assertThat(organiser.page(base + "/participants").select("[role=status]").text())
                .contains("Inscrits confirmés importés : 0 ; déjà dans la liste : 3.");
        HttpResponse<String> noName = organiser.submit(base + "/participants", base + "/participants",
                Map.of("nom", " ", "organisation", "Ville"));
        assertThat(errors(noName)).contains("Indiquez le nom de la personne.");
        for (int i = 1; i <= 6; i++) {
            addPerson("Personne " + i, "Ville " + i);
        }
        NetworkingSession session = sessions.ofSlot(dayId, slotId).orElseThrow();
        List<Member> members = store.members(session.id());
        assertThat(members).hasSize(9);
        assertThat(members).filteredOn(m -> m.registrationId() != null).extracting(Member::organisation)
                .containsOnly("Commune de Test-sur-Seine");
        assertThat(members).extracting(Member::registrationId).contains(first);
        Document participants = organiser.page(base + "/participants");
        assertThat(participants.select("#participants-compte").text()).isEqualTo("9 participants pour 12 places aux tables.");
        pages.put("participants", participants.outerHtml());

        // The plan is computed in the background; the page follows it.
        Document before = organiser.page(base + "/plan");
        assertThat(before.select("#etat").text()).isEqualTo("Aucun plan n'est encore calculé.");
        assertThat(before.select("#obstacles")).isEmpty();
        ok(organiser.submit(base + "/plan", base + "/plan", Map.of()));
        Document plan = waitForThePlan();
        assertThat(plan.select("#etat").text()).startsWith("Plan calculé le");
        assertThat(plan.select("#plan").hasAttr("data-hx-get")).isFalse();
        assertThat(plan.select("#qualite li").first().text()).matches("Chaque participant découvre 2 thèmes et rencontre"
                + " en moyenne [0-9]+(,[0-9])? nouvelles personnes sur 4 possibles\\.");
        assertThat(plan.select("#regles-ok").text()).isEqualTo("Toutes les règles sont respectées.");
        assertThat(plan.select("table.plan-round")).hasSize(2);
        assertThat(plan.select("#rotation-1 caption").text()).isEqualTo("Rotation 1, de 12h45 à 12h55");
        assertThat(plan.select("#rotation-2 caption").text()).isEqualTo("Rotation 2, de 12h57 à 13h07");
        assertThat(plan.select("#rotation-1 tbody tr").first().text()).contains("Table 1", "ODD", "Anne");
        assertThat(plan.select("#rotation-1 .people li")).hasSize(9);
        pages.put("plan calculé", plan.outerHtml());

        // Swaps: one that sends someone back to a table, one that seats colleagues together, one allowed.
        List<SeatRow> seats = store.seats(session.id());
        Map<Long, Member> byId = new LinkedHashMap<>();
        members.forEach(m -> byId.put(m.id(), m));
        long[] again = null;
        long[] colleagues = null;
        long[] allowed = null;
        for (SeatRow x : seats) {
            for (SeatRow y : seats) {
                if (x.round() != y.round() || x.tableId() == y.tableId() || x.participantId() >= y.participantId()) {
                    continue;
                }
                int round = x.round();
                long xOther = tableIn(seats, 1 - round, x.participantId());
                long yOther = tableIn(seats, 1 - round, y.participantId());
                boolean breaksTable = xOther == y.tableId() || yOther == x.tableId();
                boolean breaksColleagues = colleagueAt(seats, byId, round, x.participantId(), y.tableId(), y.participantId())
                        || colleagueAt(seats, byId, round, y.participantId(), x.tableId(), x.participantId());
                if (breaksTable && !breaksColleagues && again == null) {
                    again = new long[] {x.participantId(), y.participantId(), round + 1};
                } else if (!breaksTable && breaksColleagues && colleagues == null) {
                    colleagues = new long[] {x.participantId(), y.participantId(), round + 1};
                } else if (!breaksTable && !breaksColleagues && allowed == null) {
                    allowed = new long[] {x.participantId(), y.participantId(), round + 1};
                }
            }
        }
        assertThat(again).isNotNull();
        HttpResponse<String> refused = organiser.submit(base + "/plan", base + "/plan/echange",
                Map.of("tour", String.valueOf(again[2]), "premier", String.valueOf(again[0]), "second", String.valueOf(again[1])));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(errors(refused)).contains("Échange refusé (règle « jamais deux fois à la même table »)");
        pages.put("échange refusé", refused.body());
        if (colleagues != null) {
            HttpResponse<String> together = organiser.submit(base + "/plan", base + "/plan/echange",
                    Map.of("tour", String.valueOf(colleagues[2]), "premier", String.valueOf(colleagues[0]), "second", String.valueOf(colleagues[1])));
            assertThat(errors(together)).contains("Échange refusé (règle « séparer les collègues »)",
                    "de la même organisation (Commune de Test-sur-Seine)");
        }
        assertThat(store.seats(session.id())).isEqualTo(seats);
        assertThat(allowed).isNotNull();
        int swapRound = (int) allowed[2] - 1;
        long movedTo = tableIn(seats, swapRound, allowed[1]);
        ok(organiser.submit(base + "/plan", base + "/plan/echange", Map.of("tour", String.valueOf(allowed[2]),
                "premier", String.valueOf(allowed[0]), "second", String.valueOf(allowed[1]))));
        assertThat(tableIn(store.seats(session.id()), swapRound, allowed[0])).isEqualTo(movedTo);
        Document swapped = organiser.page(base + "/plan");
        assertThat(swapped.select("[role=status]").text()).contains("L'échange est fait ; la qualité du plan est recalculée.");
        assertThat(swapped.select("#qualite li").first().text()).startsWith("Chaque participant découvre 2 thèmes");
        assertThat(audit.of(dayId)).anySatisfy(e -> assertThat(e.action()).isEqualTo("plan.swapped"));

        // Publication freezes the plan; PublishedPlans hands it on.
        assertThat(publishedPlans.published(session.id())).isEmpty();
        ok(organiser.submit(base + "/plan", base + "/plan/publication", Map.of()));
        PublishedPlan published = publishedPlans.published(session.id()).orElseThrow();
        // The conductor screen is ready to run it, each participant's personal page at their key.
        LiveState live = liveSessions.state(session.id()).orElseThrow();
        assertThat(live.status()).isEqualTo(LiveStatus.NOT_STARTED);
        assertThat(live.roundCount()).isEqualTo(2);
        assertThat(live.roundSeconds()).isEqualTo(600);
        String key = jdbc.sql("SELECT public_key FROM networking_participant WHERE session_id = ? AND registration_id = ?")
                .params(session.id(), first).query(String.class).single();
        assertThat(key).hasSize(32);
        assertThat(liveSessions.seatOf(session.id(), key)).hasValueSatisfying(seat ->
                assertThat(seat.name()).isEqualTo("Agathe Inscrite"));
        assertThat(organiser.get("/reseautage/direct/" + session.id() + "/participant/" + key).body())
                .contains("Agathe Inscrite");
        // The agent's space links to the personal page.
        String agentEmail = registrations.find(first).orElseThrow().email();
        String space = AgentSpaces.pathOf(jdbc, agentEmail);
        // (This test's day is in 2016, so its links have expired: give them a day more.)
        AgentSpaces.keepOpen(jdbc, first);
        Document agentSpace = new WebSession(port).page(space);
        assertThat(agentSpace.select("a[href=/reseautage/direct/" + session.id() + "/participant/" + key + "]").text())
                .isEqualTo("Le speed dating de l'AICT");
        assertThat(published.dayId()).isEqualTo(dayId);
        assertThat(published.startsAt()).isEqualTo(LocalTime.of(12, 45));
        assertThat(published.rotationMinutes()).isEqualTo(10);
        assertThat(published.changeoverMinutes()).isEqualTo(2);
        assertThat(published.rounds()).extracting(PlannedRound::number).containsExactly(0, 1);
        assertThat(published.rounds().get(0).tables()).extracting(TableSeats::table, TableSeats::theme)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Table 1", "ODD"),
                        org.assertj.core.groups.Tuple.tuple("Table 2", "FICOL"),
                        org.assertj.core.groups.Tuple.tuple("Table 3", "Expatriation"),
                        org.assertj.core.groups.Tuple.tuple("Table 4", "Formation"));
        assertThat(published.rounds().get(0).tables().get(0).host()).startsWith("Anne ");
        assertThat(published.rounds()).allSatisfy(r -> assertThat(r.tables().stream().mapToInt(t -> t.seats().size()).sum())
                .isEqualTo(9));
        assertThat(published.rounds().get(0).tables().stream().flatMap(t -> t.seats().stream()))
                .anySatisfy(s -> assertThat(s.registrationId()).isEqualTo(first));
        Document frozen = organiser.page(base + "/plan");
        assertThat(frozen.select("#etat").text()).contains("Plan publié le", "par Paule Plan");
        assertThat(frozen.select("form[action$=/plan/echange]")).isEmpty();
        pages.put("plan publié", frozen.outerHtml());
        HttpResponse<String> regenerate = organiser.submit(base + "/plan", base + "/plan", Map.of());
        assertThat(errors(regenerate)).contains("Le plan est publié : dépubliez-le");
        HttpResponse<String> late = organiser.submit(base + "/participants", base + "/participants",
                Map.of("nom", "Retardataire", "organisation", ""));
        assertThat(errors(late)).contains("Le plan est publié : dépubliez-le avant de modifier");
        ok(organiser.submit(base + "/participants", base + "/participants/" + members.get(0).id() + "/suppression", Map.of()));
        assertThat(organiser.page(base + "/participants").select("[role=alert]").text())
                .contains("Le plan est publié : dépubliez-le avant de modifier");
        assertThat(store.members(session.id())).hasSize(9);

        // Unpublishing asks first.
        Document confirm = organiser.page(base + "/plan/depublication");
        assertThat(confirm.select("h1").text()).isEqualTo("Dépublier le plan ?");
        pages.put("confirmation de dépublication", confirm.outerHtml());
        assertThat(publishedPlans.published(session.id())).isPresent();
        ok(organiser.submit(base + "/plan/depublication", base + "/plan/depublication", Map.of()));
        assertThat(publishedPlans.published(session.id())).isEmpty();
        assertThat(audit.of(dayId)).extracting(e -> e.action()).contains("plan.requested", "plan.generated",
                "plan.published", "plan.unpublished", "participants.imported", "setup.table.added", "setup.settings");

        HtmlChecker.assertValid("networking-plan", pages);
    }

    private static long tableIn(List<SeatRow> seats, int round, long participant) {
        return seats.stream().filter(s -> s.round() == round && s.participantId() == participant).findFirst()
                .orElseThrow().tableId();
    }

    private static boolean colleagueAt(List<SeatRow> seats, Map<Long, Member> members, int round, long who, long table,
                                       long leaving) {
        String organisation = members.get(who).organisation();
        return seats.stream().filter(s -> s.round() == round && s.tableId() == table && s.participantId() != leaving)
                .map(s -> members.get(s.participantId()).organisation()).anyMatch(organisation::equals);
    }

    @Test
    void bad_set_ups_are_explained_with_a_suggestion_and_nothing_is_generated_or_published() throws Exception {
        NetworkingSession session = sessions.ofSlot(dayId, slotId).orElseThrow();
        Document empty = organiser.page(base + "/plan");
        assertThat(empty.select("#obstacles li").eachText()).contains(
                "Aucune table : ajoutez au moins une table (page « Tables et rotations »).",
                "Il faut au moins deux participants : importez les inscrits confirmés ou ajoutez des personnes.");

        // One table of 2 without host, three people, five rounds with the table rule.
        Person anne = host("Anne");
        addTable("Seule table", "2", null, "");
        addPerson("Alice", "Ville A");
        addPerson("Bob", "Ville B");
        addPerson("Carole", "Ville C");
        Document blocked = organiser.page(base + "/plan");
        assertThat(blocked.select("#obstacles li").eachText()).containsExactlyInAnyOrder(
                "La table « Seule table » n'a pas d'animateur : choisissez-en un dans l'annuaire (Modifier la table).",
                "3 participants pour 2 places : ajoutez une table ou augmentez la capacité des tables (il manque 1 places).",
                "5 rotations pour 1 tables : avec la règle « jamais deux fois à la même table », ajoutez une table ou"
                        + " réduisez le nombre de rotations à 1.");
        HttpResponse<String> refused = organiser.submit(base + "/plan", base + "/plan", Map.of());
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(errors(refused)).contains("3 participants pour 2 places : ajoutez une table");
        assertThat(store.status(session.id()).state()).isEqualTo("NONE");
        HttpResponse<String> publishNothing = organiser.submit(base + "/plan", base + "/plan/publication", Map.of());
        assertThat(errors(publishNothing)).contains("Aucun plan calculé à publier : générez d'abord le plan.");
        assertThat(publishedPlans.published(session.id())).isEmpty();

        // Fixed: a host, a second table, one round; then a plan is published and its host leaves the directory.
        long tableId = store.tables(session.id()).get(0).id();
        ok(organiser.submit(base + "/organisation/tables/" + tableId, base + "/organisation/tables/" + tableId,
                table("Seule table", "2", anne, "ODD")));
        addTable("Seconde table", "2", anne, "FICOL");
        ok(organiser.submit(base + "/organisation", base + "/organisation", settings("12", "2", "1", true, false)));
        assertThat(organiser.page(base + "/plan").select("#obstacles")).isEmpty();
        ok(organiser.submit(base + "/plan", base + "/plan", Map.of()));
        assertThat(waitForThePlan().select("#etat").text()).startsWith("Plan calculé le");
        people.delete(anne.id());
        HttpResponse<String> hostGone = organiser.submit(base + "/plan", base + "/plan/publication", Map.of());
        assertThat(errors(hostGone)).contains("L'animateur de la table « Seule table », " + anne.fullName()
                + ", n'est plus dans l'annuaire : choisissez un autre animateur.");
        assertThat(publishedPlans.published(session.id())).isEmpty();

        Person bruno = host("Bruno");
        for (RotationData.RoomTable t : store.tables(session.id())) {
            ok(organiser.submit(base + "/organisation/tables/" + t.id(), base + "/organisation/tables/" + t.id(),
                    table(t.name(), "2", bruno, t.theme())));
        }
        ok(organiser.submit(base + "/plan", base + "/plan/publication", Map.of()));
        assertThat(publishedPlans.published(session.id())).isPresent();
        people.delete(bruno.id());
        Document warned = organiser.page(base + "/plan");
        assertThat(warned.select("#obstacles").text()).contains("Le plan publié a un problème ; dépubliez-le pour le corriger",
                "n'est plus dans l'annuaire : choisissez un autre animateur.");

        // A slot too short for a single round.
        long shortSlot = programmes.addSlot(dayId, new SlotDraft(days.days(dayId).orElseThrow().first().id(), LocalTime.of(16, 0), LocalTime.of(16, 10),
                SlotKind.NETWORKING, null, "Speed dating éclair", null, null, false, false, List.of(), List.of()));
        sessions.define(dayId, new NetworkingDraft(shortSlot, "Éclair", null, 4, 10, 12, false, List.of()));
        String shortBase = "/admin/journees/" + slug + "/reseautage/" + shortSlot;
        assertThat(organiser.page(shortBase + "/organisation").select("#rotations-calcul").text())
                .isEqualTo("Aucune rotation ne tient dans le créneau de 10 minutes.");
        assertThat(organiser.page(shortBase + "/plan").select("#obstacles li").eachText()).contains(
                "Le créneau (10 minutes) est trop court pour une rotation de 12 minutes et 2 minutes de changement :"
                        + " raccourcissez les rotations.");
        Optional<NetworkingSession> none = sessions.ofSlot(dayId, shortSlot);
        assertThat(none).isPresent();
    }
}
