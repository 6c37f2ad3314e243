package org.rencontres.networking;

import java.text.Collator;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.document.PdfTemplates;
import org.rencontres.document.QrCodes;
import org.rencontres.event.ManagedDay;
import org.rencontres.shared.FrenchTime;
import org.rencontres.shared.PublicAddress;
import org.springframework.stereotype.Service;
import org.thymeleaf.context.Context;

/**
 * The printed material of a published rotation, in French: a route card per participant (A5, one
 * per page: their table, place and theme for each round, with the time, and a QR code to their
 * personal page), a sheet per table for its host (who comes each round), and the whole plan on one
 * landscape sheet for the welcome desk (A3 when the room is large, else A4). Laid out by the
 * templates {@code networking/pdf/*} and rendered by the document module; nothing is kept, every
 * request reads the published plan afresh.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class NetworkingPrints {

    /** Beyond this many tables or participants, the whole plan is printed on A3 rather than A4. */
    static final int A4_MAX_TABLES = 8;
    static final int A4_MAX_PARTICIPANTS = 40;

    /** Side of the QR code's PNG, in pixels: whole pixels per module, sharp once printed at 35 mm. */
    private static final int QR_PIXELS = 360;

    private final PublishedPlans plans;
    private final RotationStore store;
    private final PdfTemplates pdfs;
    private final PublicAddress address;
    private final RotationDay rotationDay;

    /** The rotation's plan when it is published. */
    Optional<PublishedPlan> published(NetworkingSession session) {
        return plans.published(session.id());
    }

    // ---- the model the templates read ----

    /** A round's number (from 1) and times. */
    record RoundTime(int number, LocalTime startsAt, LocalTime endsAt) {
        public String label() {
            return FrenchTime.clock(startsAt) + " – " + FrenchTime.clock(endsAt);
        }
    }

    /** Where a participant sits in one round; table is null when they sit out that round. */
    record Stop(RoundTime round, String table, String place, String theme, String host) {
    }

    /** A participant's route card. */
    record Card(long participantId, String name, String organisation, List<Stop> stops, String personalUrl,
                String qrCode) {
    }

    /** Who comes to a table in one round. */
    record Visit(RoundTime round, List<Seat> seats) {
    }

    /** A table's sheet for its host. */
    record TableSheet(String table, String place, String theme, String host, List<Visit> visits) {
    }

    /** A line of the whole plan: a table and who sits there, round by round. */
    record PlanRow(String table, String place, String theme, String host, List<List<Seat>> cells) {
    }

    static List<RoundTime> times(PublishedPlan plan) {
        List<RoundTime> times = new ArrayList<>();
        for (PlannedRound round : plan.rounds()) {
            LocalTime start = plan.startsAt().plusMinutes(
                    (long) round.number() * (plan.rotationMinutes() + plan.changeoverMinutes()));
            times.add(new RoundTime(round.number() + 1, start, start.plusMinutes(plan.rotationMinutes())));
        }
        return times;
    }

    /** Everyone seated in the plan, once each, sorted by name as a French reader expects. */
    static List<Seat> participants(PublishedPlan plan) {
        Map<Long, Seat> everyone = new LinkedHashMap<>();
        plan.rounds().forEach(r -> r.tables().forEach(t -> t.seats().forEach(s -> everyone.putIfAbsent(s.participantId(), s))));
        Collator collator = Collator.getInstance(Locale.FRENCH);
        collator.setStrength(Collator.SECONDARY);
        return everyone.values().stream()
                .sorted(Comparator.comparing(Seat::name, collator).thenComparing(Seat::participantId)).toList();
    }

    /** The route cards of everyone, or of the one participant asked for. */
    List<Card> cards(PublishedPlan plan, Long participantId) {
        List<RoundTime> times = times(plan);
        Map<Long, String> keys = store.publicKeys(plan.sessionId());
        List<Card> cards = new ArrayList<>();
        for (Seat person : participants(plan)) {
            if (participantId != null && person.participantId() != participantId) {
                continue;
            }
            List<Stop> stops = new ArrayList<>();
            for (PlannedRound round : plan.rounds()) {
                RoundTime time = times.get(round.number());
                stops.add(round.tables().stream()
                        .filter(t -> t.seats().stream().anyMatch(s -> s.participantId() == person.participantId()))
                        .findFirst()
                        .map(t -> new Stop(time, t.table(), t.place(), t.theme(), t.host()))
                        .orElse(new Stop(time, null, null, null, null)));
            }
            String key = keys.get(person.participantId());
            String url = key == null ? null : address.of(personalPath(plan.sessionId(), key));
            cards.add(new Card(person.participantId(), person.name(), person.organisation(), stops, url,
                    url == null ? null : QrCodes.dataUri(url, QR_PIXELS)));
        }
        return cards;
    }

    static String personalPath(long sessionId, String key) {
        return "/reseautage/direct/" + sessionId + "/participant/" + key;
    }

    static List<TableSheet> tableSheets(PublishedPlan plan) {
        List<RoundTime> times = times(plan);
        List<TableSheet> sheets = new ArrayList<>();
        if (plan.rounds().isEmpty()) {
            return sheets;
        }
        int tableCount = plan.rounds().get(0).tables().size();
        for (int i = 0; i < tableCount; i++) {
            TableSeats first = plan.rounds().get(0).tables().get(i);
            List<Visit> visits = new ArrayList<>();
            for (PlannedRound round : plan.rounds()) {
                visits.add(new Visit(times.get(round.number()), round.tables().get(i).seats()));
            }
            sheets.add(new TableSheet(first.table(), first.place(), first.theme(), first.host(), visits));
        }
        return sheets;
    }

    static List<PlanRow> rows(PublishedPlan plan) {
        return tableSheets(plan).stream().map(sheet -> new PlanRow(sheet.table(), sheet.place(), sheet.theme(),
                sheet.host(), sheet.visits().stream().map(Visit::seats).toList())).toList();
    }

    /** Whether the whole plan needs an A3 sheet to stay readable. */
    static boolean large(PublishedPlan plan) {
        int tables = plan.rounds().isEmpty() ? 0 : plan.rounds().get(0).tables().size();
        return tables > A4_MAX_TABLES || participants(plan).size() > A4_MAX_PARTICIPANTS;
    }

    // ---- the PDFs ----

    /** The route cards, one A5 page each. */
    byte[] routeCards(ManagedDay day, NetworkingSession session, PublishedPlan plan, List<Card> cards) {
        Context context = context(day, session, plan);
        context.setVariable("cards", cards);
        return pdfs.render("networking/pdf/route-cards", context);
    }

    /** A sheet per table, one A4 page each. */
    byte[] tables(ManagedDay day, NetworkingSession session, PublishedPlan plan) {
        Context context = context(day, session, plan);
        context.setVariable("sheets", tableSheets(plan));
        return pdfs.render("networking/pdf/tables", context);
    }

    /** The whole plan on one landscape sheet. */
    byte[] wholePlan(ManagedDay day, NetworkingSession session, PublishedPlan plan) {
        Context context = context(day, session, plan);
        context.setVariable("rows", rows(plan));
        context.setVariable("large", large(plan));
        context.setVariable("participantCount", participants(plan).size());
        return pdfs.render("networking/pdf/plan", context);
    }

    private Context context(ManagedDay day, NetworkingSession session, PublishedPlan plan) {
        Context context = new Context(Locale.FRENCH);
        context.setVariable("day", day);
        // The rotation's own day: on a session of several days, the one its slot is on.
        context.setVariable("date", rotationDay.of(day, session).frenchDate());
        context.setVariable("rotation", session);
        context.setVariable("times", times(plan));
        return context;
    }

}
