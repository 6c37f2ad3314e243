package org.rencontres.networking;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.rencontres.event.DayDraft;
import org.rencontres.event.SessionDayDraft;
import org.rencontres.event.Days;
import org.rencontres.event.SessionCode;
import org.rencontres.programme.Programmes;
import org.rencontres.programme.SlotDraft;
import org.rencontres.programme.SlotKind;

/**
 * A fresh day (in 2016, never among the catalogue's upcoming days) with a networking slot, its
 * rotation and a prepared live plan: 3 rounds of 2 tables, participants p1..p6, who move each round.
 */
record LiveFixture(long dayId, String slug, String unit, long slotId, long sessionId) {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 10_000_000);

    static LiveFixture create(Days days, Programmes programmes, NetworkingSessions rotations, LiveSessions live,
                              int roundSeconds, int changeoverSeconds) {
        long n = SEQUENCE.incrementAndGet();
        String unit = "INSET du direct " + n;
        SessionCode code = new SessionCode("ZLIV " + n);
        long dayId = days.create(new DayDraft(code, "Journée du direct", null, null, List.of(new SessionDayDraft(LocalDate.of(2016, 5, 20), LocalTime.of(9, 0), LocalTime.of(17, 0))), "Journée de test du direct.", null, null, null, false, null,
                unit, null, List.of(), List.of(), List.of()));
        long slotId = programmes.addSlot(dayId, new SlotDraft(days.days(dayId).orElseThrow().first().id(), LocalTime.of(12, 45), LocalTime.of(14, 0),
                SlotKind.NETWORKING, null, "Speed dating", null, null, false, false, List.of(), List.of()));
        long sessionId = rotations.define(dayId, new NetworkingDraft(slotId, "Speed dating de l'AICT", null, 3, 10,
                12, false, List.of("ODD", "FICOL")));
        live.prepare(sessionId, dayId, plan(roundSeconds, changeoverSeconds));
        return new LiveFixture(dayId, code.slug(), unit, slotId, sessionId);
    }

    static LivePlan plan(int roundSeconds, int changeoverSeconds) {
        List<LiveRound> rounds = new ArrayList<>();
        String[][][] seating = {
                {{"p1", "p2", "p3"}, {"p4", "p5", "p6"}},
                {{"p1", "p4", "p5"}, {"p2", "p3", "p6"}},
                {{"p1", "p6", "p2"}, {"p3", "p4", "p5"}}};
        for (int r = 0; r < seating.length; r++) {
            List<LiveTable> tables = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                List<LiveSeat> seats = new ArrayList<>();
                for (String key : seating[r][t]) {
                    seats.add(new LiveSeat(key, "Participant " + key.substring(1)));
                }
                String name = t == 0 ? "Table A" : "Table B";
                String theme = (r + t) % 2 == 0 ? "ODD" : "FICOL";
                tables.add(new LiveTable(name, t == 0 ? "Près des fenêtres" : "Au fond", theme,
                        t == 0 ? "Hélène Hôte" : "Hugo Hôte", seats));
            }
            rounds.add(new LiveRound(r + 1, tables));
        }
        return new LivePlan(roundSeconds, changeoverSeconds, rounds);
    }

    String screenPath() {
        return "/admin/journees/" + slug + "/reseautage/" + slotId + "/direct";
    }

    String personalPath(String key) {
        return "/reseautage/direct/" + sessionId + "/participant/" + key;
    }
}
