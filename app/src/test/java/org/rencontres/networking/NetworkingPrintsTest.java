package org.rencontres.networking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rencontres.HtmlChecker;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.WebSession;
import org.rencontres.directory.Directory;
import org.rencontres.directory.NewPerson;
import org.rencontres.event.DayDraft;
import org.rencontres.event.SessionDayDraft;
import org.rencontres.event.DayStatus;
import org.rencontres.event.Days;
import org.rencontres.event.SessionCode;
import org.rencontres.programme.Programmes;
import org.rencontres.programme.SlotDraft;
import org.rencontres.programme.SlotKind;
import org.rencontres.security.Accounts;
import org.rencontres.event.ManagedDay;
import org.rencontres.security.NewAccount;
import org.rencontres.security.Role;
import org.rencontres.shared.FrenchText;
import org.rencontres.shared.PublicAddress;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The printed material of a published rotation, fetched over HTTP and read back with PDFBox: route
 * cards (one A5 page each, sorted by name, with a QR code to the personal page that ZXing decodes),
 * table sheets (one page per table), and the whole plan on one landscape sheet (A4, or A3 for a
 * large room); nothing before publication; nothing for another unit's organiser. Each test works on
 * a day of its own, in 2016.
 */
@RencontresIntegrationTest
class NetworkingPrintsTest {

    private static final String PASSWORD = "correct horse battery";
    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 10_000_000);
    /** Given in a shuffled order; the cards come sorted as a French reader expects. */
    private static final List<String> PEOPLE = List.of("Hugo Lefèvre", "Émile Zola", "Bruno Martin", "Agnès Durand",
            "Gaëlle Morin", "Chloé Petit", "Éva Blanc", "Denis Roux", "Farid Benali");
    private static final List<String> SORTED = List.of("Agnès Durand", "Bruno Martin", "Chloé Petit", "Denis Roux",
            "Émile Zola", "Éva Blanc", "Farid Benali", "Gaëlle Morin", "Hugo Lefèvre");
    private static final List<String> THEMES = List.of("ODD", "FICOL", "Expatriation", "Formation");

    @LocalServerPort int port;
    @Autowired Days days;
    @Autowired Accounts accounts;
    @Autowired Programmes programmes;
    @Autowired NetworkingSessions sessions;
    @Autowired Directory directory;
    @Autowired PublishedPlans publishedPlans;
    @Autowired NetworkingPrints prints;
    @Autowired PublicAddress address;
    @Autowired JdbcClient jdbc;

    private long dayId;
    private String slug;
    private String code;
    private long slotId;
    private long sessionId;
    private WebSession organiser;
    private String base;
    private final List<String> hosts = new ArrayList<>();

    @BeforeEach
    void aDayWithItsRotation() throws Exception {
        long n = SEQUENCE.incrementAndGet();
        String unit = "INSET des impressions " + n;
        SessionCode sessionCode = new SessionCode("ZIMP " + n);
        code = sessionCode.value();
        slug = sessionCode.slug();
        dayId = days.create(new DayDraft(sessionCode, "Journée des impressions", null, null, List.of(new SessionDayDraft(LocalDate.of(2016, 10, 4), LocalTime.of(9, 0), LocalTime.of(17, 0))), "Une journée de test.", null, null, null, false, null, unit,
                null, List.of(), List.of(), List.of()));
        days.changeStatus(dayId, DayStatus.PUBLISHED);
        slotId = programmes.addSlot(dayId, new SlotDraft(days.days(dayId).orElseThrow().first().id(), LocalTime.of(12, 45), LocalTime.of(14, 0), SlotKind.NETWORKING,
                null, "Le speed dating", null, null, false, false, List.of(), List.of()));
        sessionId = sessions.define(dayId, new NetworkingDraft(slotId, "Le speed dating imprimé", null, 3, 10, 12,
                false, THEMES));
        String email = "impressions." + n + "@cnfpt.fr";
        accounts.create(new NewAccount(email, "Ines Impression", Role.ORGANISER, unit, PASSWORD));
        organiser = new WebSession(port);
        organiser.signIn(email, PASSWORD);
        base = "/admin/journees/" + slug + "/reseautage/" + slotId;
    }

    private void ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
    }

    /** Two rounds of 10 minutes (2 of changeover), four tables of three, nine people: generated, not yet published. */
    private void aGeneratedPlan() throws Exception {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("rotation", "10");
        settings.put("changement", "2");
        settings.put("rotations", "2");
        settings.put("jamaisDeuxFois", "true");
        ok(organiser.submit(base + "/organisation", base + "/organisation", settings));
        for (int i = 0; i < 4; i++) {
            String given = List.of("Anne", "Bastien", "Carole", "Dorian").get(i);
            var host = directory.addPerson(new NewPerson(given, "Hôte " + SEQUENCE.incrementAndGet(), "Chargée de mission",
                    null, null, null));
            hosts.add(given + " " + host.familyName());
            Map<String, String> table = new LinkedHashMap<>();
            table.put("nom", "Table " + (i + 1));
            table.put("emplacement", "Près du pilier " + (i + 1));
            table.put("capacite", "3");
            table.put("animateur", String.valueOf(host.id()));
            table.put("theme", THEMES.get(i));
            ok(organiser.submit(base + "/organisation/tables/nouvelle", base + "/organisation/tables", table));
        }
        for (String person : PEOPLE) {
            ok(organiser.submit(base + "/participants", base + "/participants",
                    Map.of("nom", person, "organisation", "Ville de " + person.substring(person.indexOf(' ') + 1))));
        }
        ok(organiser.submit(base + "/plan", base + "/plan", Map.of()));
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).until(
                () -> organiser.page(base + "/plan"), page -> page.select("#etat").text().startsWith("Plan calculé"));
    }

    private void publish() throws Exception {
        ok(organiser.submit(base + "/plan", base + "/plan/publication", Map.of()));
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    private static String pageText(byte[] pdf, int page) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            return stripper.getText(doc);
        }
    }

    private static int pages(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return doc.getNumberOfPages();
        }
    }

    private static PDRectangle mediaBox(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return doc.getPage(0).getMediaBox();
        }
    }

    private static String decodeQr(byte[] pdf) throws Exception {
        return org.rencontres.QrInPdf.decode(pdf, 0);
    }

    private static List<String> figures(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<String> alternates = new ArrayList<>();
            collectFigures(doc.getDocumentCatalog().getStructureTreeRoot(), alternates);
            return alternates;
        }
    }

    private static void collectFigures(PDStructureNode node, List<String> alternates) {
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement element) {
                if ("Figure".equals(element.getStructureType()) && element.getAlternateDescription() != null) {
                    alternates.add(element.getAlternateDescription());
                }
                collectFigures(element, alternates);
            }
        }
    }

    private byte[] pdf(String path) throws Exception {
        HttpResponse<byte[]> response = organiser.getBytes(base + "/impressions/" + path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        return response.body();
    }

    /** Where each participant sits, round by round, as the published plan says. */
    private static Map<String, List<TableSeats>> route(PublishedPlan plan) {
        Map<String, List<TableSeats>> route = new LinkedHashMap<>();
        for (PlannedRound round : plan.rounds()) {
            for (TableSeats table : round.tables()) {
                for (Seat seat : table.seats()) {
                    route.computeIfAbsent(seat.name(), k -> new ArrayList<>()).add(table);
                }
            }
        }
        return route;
    }

    @Test
    void nothing_is_printed_before_publication_and_the_page_says_why() throws Exception {
        aGeneratedPlan();
        Map<String, String> pages = new LinkedHashMap<>();
        for (String pdf : List.of("parcours.pdf", "tables.pdf", "plan.pdf")) {
            HttpResponse<String> none = organiser.get(base + "/impressions/" + pdf);
            assertThat(none.statusCode()).as(pdf).isEqualTo(404);
            Document page = Jsoup.parse(none.body());
            assertThat(page.select("h1").text()).isEqualTo("Pas de documents à imprimer pour « Le speed dating imprimé »");
            assertThat(page.select("main").text()).contains("une fois le plan publié");
            assertThat(page.select("main a").attr("href")).isEqualTo(base + "/plan");
            pages.put("impressions sans plan publié " + pdf, none.body());
        }
        assertThat(organiser.page(base + "/plan").select("#impressions")).isEmpty();
        HtmlChecker.assertValid("impressions du speed dating", pages);

        // Unpublished again after publication: the documents go away with the plan.
        publish();
        assertThat(organiser.getBytes(base + "/impressions/plan.pdf").statusCode()).isEqualTo(200);
        ok(organiser.submit(base + "/plan/depublication", base + "/plan/depublication", Map.of()));
        assertThat(organiser.get(base + "/impressions/plan.pdf").statusCode()).isEqualTo(404);
    }

    @Test
    void route_cards_give_each_participant_their_tables_times_themes_and_a_qr_code_to_their_page() throws Exception {
        aGeneratedPlan();
        publish();
        Document plan = organiser.page(base + "/plan");
        // The publication is announced as done (a status), not in a red alert.
        assertThat(plan.select(".alert, [role=alert]")).isEmpty();
        assertThat(plan.select("p.notice[role=status]").eachText()).contains("Le plan est publié.")
                .anySatisfy(t -> assertThat(t).startsWith("Le plan est publié : les tables, les participants et le plan sont figés."));
        // Right after publication nobody's card is to be reprinted: no link, and the address says so (no 404).
        assertThat(plan.select("#impressions a").eachAttr("href")).containsExactly(base + "/impressions/parcours.pdf",
                base + "/impressions/tables.pdf", base + "/impressions/plan.pdf");
        HttpResponse<String> noReprint = organiser.get(base + "/impressions/parcours.pdf?reimpression=oui");
        assertThat(noReprint.statusCode()).isEqualTo(200);
        Document nothing = Jsoup.parse(noReprint.body());
        assertThat(nothing.select("h1").text()).isEqualTo("Aucune carte de parcours à réimprimer pour « Le speed dating imprimé »");
        assertThat(nothing.select("main").text()).contains("Aucun parcours n'a changé depuis la publication du plan");
        assertThat(nothing.select("main a").attr("href")).isEqualTo(base + "/plan");
        HtmlChecker.assertValid("plan publié avec ses impressions", Map.of("plan publié", plan.outerHtml(),
                "rien à réimprimer", noReprint.body()));
        PublishedPlan published = publishedPlans.published(sessionId).orElseThrow();
        Map<String, List<TableSeats>> route = route(published);

        byte[] all = pdf("parcours.pdf");
        assertThat(pages(all)).isEqualTo(9);
        PDRectangle a5 = mediaBox(all);
        assertThat(a5.getWidth()).isCloseTo(PDRectangle.A5.getWidth(), org.assertj.core.data.Offset.offset(1f));
        assertThat(a5.getHeight()).isCloseTo(PDRectangle.A5.getHeight(), org.assertj.core.data.Offset.offset(1f));
        for (int i = 0; i < SORTED.size(); i++) {
            String name = SORTED.get(i);
            String card = pageText(all, i + 1);
            assertThat(card).as(name).contains(name, "Ville de " + name.substring(name.indexOf(' ') + 1),
                    "Le speed dating imprimé", "12h45 – 12h55", "12h57 – 13h07");
            for (TableSeats table : route.get(name)) {
                assertThat(card).as(name).contains(table.table(), table.place(), table.theme());
            }
            for (String other : SORTED) {
                if (!other.equals(name)) {
                    assertThat(card).as(name).doesNotContain(other);
                }
            }
        }
        assertThat(figures(all)).hasSize(9);

        // One participant's card: its QR code leads to their personal page, at their key.
        String name = "Éva Blanc";
        long participantId = published.rounds().get(0).tables().stream().flatMap(t -> t.seats().stream())
                .filter(s -> s.name().equals(name)).findFirst().orElseThrow().participantId();
        String key = jdbc.sql("SELECT public_key FROM networking_participant WHERE id = ?").param(participantId)
                .query(String.class).single();
        byte[] one = pdf("parcours.pdf?participant=" + participantId);
        assertThat(pages(one)).isEqualTo(1);
        assertThat(text(one)).contains(name, route.get(name).get(0).table(), route.get(name).get(1).table())
                .doesNotContain("Agnès Durand");
        String url = decodeQr(one);
        assertThat(url).isEqualTo(address.of("/reseautage/direct/" + sessionId + "/participant/" + key))
                .startsWith("http").endsWith("/reseautage/direct/" + sessionId + "/participant/" + key);
        assertThat(figures(one)).containsExactly("Code QR de la page personnelle " + FrenchText.de(name) + " : " + url);
        HttpResponse<String> personal = new WebSession(port).get(URI.create(url).getPath());
        assertThat(personal.statusCode()).isEqualTo(200);
        assertThat(personal.body()).contains(name);

        // Someone who is not in this plan has no card.
        assertThat(organiser.getBytes(base + "/impressions/parcours.pdf?participant=999999999").statusCode())
                .isEqualTo(404);
    }

    @Test
    void table_sheets_and_the_whole_plan_say_who_comes_to_each_table_in_each_round() throws Exception {
        aGeneratedPlan();
        publish();
        PublishedPlan published = publishedPlans.published(sessionId).orElseThrow();

        byte[] sheets = pdf("tables.pdf");
        assertThat(pages(sheets)).isEqualTo(4);
        for (int t = 0; t < 4; t++) {
            String sheet = pageText(sheets, t + 1);
            assertThat(sheet).contains("Table " + (t + 1), "Près du pilier " + (t + 1), THEMES.get(t), hosts.get(t),
                    "Rotation 1 : 12h45 – 12h55", "Rotation 2 : 12h57 – 13h07");
            for (PlannedRound round : published.rounds()) {
                for (Seat seat : round.tables().get(t).seats()) {
                    assertThat(sheet).contains(seat.name() + " (" + seat.organisation() + ")");
                }
            }
            for (int other = 0; other < 4; other++) {
                if (other != t) {
                    assertThat(sheet).doesNotContain("Table " + (other + 1));
                }
            }
        }

        byte[] whole = pdf("plan.pdf");
        assertThat(pages(whole)).isEqualTo(1);
        PDRectangle box = mediaBox(whole);
        assertThat(box.getWidth()).isCloseTo(PDRectangle.A4.getHeight(), org.assertj.core.data.Offset.offset(1f));
        assertThat(box.getHeight()).isCloseTo(PDRectangle.A4.getWidth(), org.assertj.core.data.Offset.offset(1f));
        String text = text(whole);
        assertThat(text).contains("Plan des tables – Le speed dating imprimé", code, "mardi 4 octobre 2016",
                "4 tables, 9 participants", "Rotation 1", "Rotation 2", "12h45 – 12h55", "12h57 – 13h07");
        assertThat(text).contains(PEOPLE);
        assertThat(text).contains(THEMES);
        assertThat(text).contains(hosts);
        for (int t = 1; t <= 4; t++) {
            assertThat(text).contains("Table " + t, "Près du pilier " + t);
        }
    }

    @Test
    void a_large_room_gets_the_whole_plan_on_a3() throws Exception {
        // Nine tables of five (45 people), three rounds: laid out straight from a plan built here.
        PublishedPlan large = room(9, 5, 3);
        ManagedDay day = new ManagedDay(dayId, code, slug, "Journée des impressions", days.days(dayId).orElseThrow());
        NetworkingSession session = sessions.ofSlot(dayId, slotId).orElseThrow();
        assertThat(NetworkingPrints.large(large)).isTrue();

        byte[] whole = prints.wholePlan(day, session, large);
        assertThat(pages(whole)).isEqualTo(1);
        PDRectangle box = mediaBox(whole);
        assertThat(box.getWidth()).isCloseTo(PDRectangle.A3.getHeight(), org.assertj.core.data.Offset.offset(1f));
        assertThat(box.getHeight()).isCloseTo(PDRectangle.A3.getWidth(), org.assertj.core.data.Offset.offset(1f));
        String text = text(whole);
        assertThat(text).contains("9 tables, 45 participants", "Table 9", "Participant 45", "13h09 – 13h19");

        // Twelve tables of six over six rounds still hold on the one A3 sheet.
        assertThat(pages(prints.wholePlan(day, session, room(12, 6, 6)))).isEqualTo(1);

        // Eight tables and forty people still fit on A4; a ninth table, or a forty-first person, does not.
        assertThat(NetworkingPrints.large(room(8, 5, 3))).isFalse();
        byte[] a4 = prints.wholePlan(day, session, room(8, 5, 6));
        assertThat(pages(a4)).isEqualTo(1);
        assertThat(mediaBox(a4).getWidth()).isCloseTo(PDRectangle.A4.getHeight(), org.assertj.core.data.Offset.offset(1f));
        assertThat(NetworkingPrints.large(room(9, 4, 3))).isTrue();
        assertThat(NetworkingPrints.large(room(7, 6, 3))).isTrue();
    }

    @Test
    void route_cards_take_one_page_each_with_no_blank_page_after_the_last() throws Exception {
        ManagedDay day = new ManagedDay(dayId, code, slug, "Journée des impressions", days.days(dayId).orElseThrow());
        NetworkingSession session = sessions.ofSlot(dayId, slotId).orElseThrow();
        // From one round to the eight of a long slot, every card with its QR code.
        for (int rounds = 1; rounds <= 8; rounds++) {
            PublishedPlan plan = longWinded(room(4, 3, rounds));
            List<NetworkingPrints.Card> cards = prints.cards(plan, null).stream().map(c -> {
                String url = address.of("/reseautage/direct/" + sessionId + "/participant/cle" + c.participantId());
                return new NetworkingPrints.Card(c.participantId(), c.name(), c.organisation(), c.stops(), url,
                        org.rencontres.document.QrCodes.dataUri(url, 360));
            }).toList();
            byte[] pdf = prints.routeCards(day, session, plan, cards);
            assertThat(pages(pdf)).as(rounds + " rounds").isEqualTo(cards.size());
            for (int p = 1; p <= cards.size(); p++) {
                assertThat(pageText(pdf, p)).as(rounds + " rounds, page " + p).contains(cards.get(p - 1).name());
            }
            byte[] one = prints.routeCards(day, session, plan, cards.subList(0, 1));
            assertThat(pages(one)).as(rounds + " rounds, one card").isEqualTo(1);
        }
    }

    /** The same plan with the long places, themes and organisations of a real day. */
    private static PublishedPlan longWinded(PublishedPlan plan) {
        List<PlannedRound> rounds = new ArrayList<>();
        for (PlannedRound r : plan.rounds()) {
            List<TableSeats> tables = new ArrayList<>();
            for (TableSeats t : r.tables()) {
                tables.add(new TableSeats(t.table(), "Salle des commissions, près du pilier côté fenêtre",
                        t.theme() + " : quelles coopérations entre collectivités et partenaires ?", t.host(),
                        t.seats().stream().map(x -> new Seat(x.participantId(), x.registrationId(), x.name(),
                                "Communauté d'agglomération Grand Paris Sud Seine-Essonne-Sénart")).toList()));
            }
            rounds.add(new PlannedRound(r.number(), tables));
        }
        return new PublishedPlan(plan.sessionId(), plan.dayId(), plan.rotationMinutes(), plan.changeoverMinutes(),
                plan.startsAt(), rounds);
    }

    /** A plan of {@code tables} tables of {@code size} people who move round by round. */
    private PublishedPlan room(int tables, int size, int roundCount) {
        int people = tables * size;
        List<PlannedRound> rounds = new ArrayList<>();
        for (int r = 0; r < roundCount; r++) {
            List<TableSeats> round = new ArrayList<>();
            for (int t = 0; t < tables; t++) {
                List<Seat> seats = new ArrayList<>();
                for (int s = 0; s < size; s++) {
                    int person = (t * size + s + r * 7) % people;
                    seats.add(new Seat(person + 1, null, "Participant " + (person + 1), "Commune " + (person % 6)));
                }
                round.add(new TableSeats("Table " + (t + 1), null, THEMES.get(t % 4), "Hôte " + t, seats));
            }
            rounds.add(new PlannedRound(r, round));
        }
        return new PublishedPlan(sessionId, dayId, 10, 2, LocalTime.of(12, 45), rounds);
    }

    @Test
    void another_units_organiser_gets_no_document() throws Exception {
        aGeneratedPlan();
        publish();
        String otherEmail = "autre.impressions." + SEQUENCE.incrementAndGet() + "@cnfpt.fr";
        accounts.create(new NewAccount(otherEmail, "Autre unité", Role.ORGANISER, "INSET d'ailleurs", PASSWORD));
        WebSession other = new WebSession(port);
        other.signIn(otherEmail, PASSWORD);
        for (String pdf : List.of("parcours.pdf", "parcours.pdf?participant=1", "tables.pdf", "plan.pdf")) {
            assertThat(other.getBytes(base + "/impressions/" + pdf).statusCode()).as(pdf).isEqualTo(403);
            assertThat(new WebSession(port).get(base + "/impressions/" + pdf).statusCode()).as(pdf).isEqualTo(302);
        }
        assertThat(organiser.getBytes(base + "/impressions/plan.pdf").statusCode()).isEqualTo(200);
    }
}
