package org.rencontres.networking;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.rencontres.networking.RotationData.Member;
import org.rencontres.networking.RotationData.PlanStatus;
import org.rencontres.networking.RotationData.RoomTable;
import org.rencontres.networking.RotationData.SeatRow;
import org.rencontres.networking.RotationData.Settings;
import org.rencontres.shared.FieldProblem;

/**
 * What the plan page shows of a computed plan: each round with its times and tables, the quality in
 * words, and the rules the plan does not keep (as message codes with their arguments).
 */
record PlanPage(List<RoundView> rounds, List<FieldProblem> quality, List<FieldProblem> violations) {

    record RoundView(int number, LocalTime startsAt, LocalTime endsAt, List<TableView> tables) {
    }

    record TableView(String name, String place, String theme, String host, List<Member> people) {
    }

    static PlanPage of(PlanStatus status, Settings settings, LocalTime slotStart, List<RoomTable> tables,
                       List<Member> members, List<SeatRow> seats) {
        Map<Long, Member> byId = new HashMap<>();
        members.forEach(m -> byId.put(m.id(), m));
        Map<Long, RoomTable> tableById = new HashMap<>();
        tables.forEach(t -> tableById.put(t.id(), t));
        int roundCount = status.rounds() == null ? 0 : status.rounds();
        List<RoundView> rounds = new ArrayList<>();
        for (int r = 0; r < roundCount; r++) {
            LocalTime start = slotStart.plusMinutes((long) r * (settings.rotationMinutes() + settings.changeoverMinutes()));
            List<TableView> views = new ArrayList<>();
            for (RoomTable t : tables) {
                int round = r;
                views.add(new TableView(t.name(), t.place(), t.theme(), t.hostName(), seats.stream()
                        .filter(s -> s.round() == round && s.tableId() == t.id())
                        .map(s -> byId.get(s.participantId()))
                        .sorted(Comparator.comparing((Member m) -> m.name().toLowerCase(Locale.FRENCH)))
                        .toList()));
            }
            rounds.add(new RoundView(r + 1, start, start.plusMinutes(settings.rotationMinutes()), views));
        }

        List<FieldProblem> quality = new ArrayList<>();
        int themesMin = Integer.MAX_VALUE;
        int themesMax = 0;
        for (Member m : members) {
            Set<String> themes = new HashSet<>();
            seats.stream().filter(s -> s.participantId() == m.id()).map(s -> tableById.get(s.tableId()))
                    .filter(t -> t != null && t.theme() != null).forEach(t -> themes.add(t.theme()));
            themesMin = Math.min(themesMin, themes.size());
            themesMax = Math.max(themesMax, themes.size());
        }
        if (members.isEmpty()) {
            themesMin = 0;
        }
        if (status.distinctMetMean() != null) {
            String mean = new DecimalFormat("0.#", DecimalFormatSymbols.getInstance(Locale.FRENCH))
                    .format(status.distinctMetMean());
            quality.add(FieldProblem.of("", themesMin == themesMax ? "networking.quality.summary"
                    : "networking.quality.summary.least", themesMin, mean, status.upperBoundDistinctMet()));
            if (status.repeatPairs() == 0) {
                quality.add(FieldProblem.of("", "networking.quality.no.repeat"));
            } else if (status.repeatPairs().equals(status.lowerBoundRepeatPairs())) {
                quality.add(FieldProblem.of("", "networking.quality.repeat.best", status.repeatPairs()));
            } else {
                quality.add(FieldProblem.of("", "networking.quality.repeat", status.repeatPairs(),
                        status.lowerBoundRepeatPairs()));
            }
            quality.add(FieldProblem.of("", "networking.quality.least", status.distinctMetMin()));
        }

        List<FieldProblem> violations = new ArrayList<>();
        int counted = 0;
        if (settings.tableOnce()) {
            for (Member m : members) {
                Map<Long, List<Integer>> visits = new HashMap<>();
                seats.stream().filter(s -> s.participantId() == m.id())
                        .forEach(s -> visits.computeIfAbsent(s.tableId(), k -> new ArrayList<>()).add(s.round() + 1));
                for (Map.Entry<Long, List<Integer>> v : visits.entrySet()) {
                    if (v.getValue().size() > 1) {
                        counted += v.getValue().size() - 1;
                        violations.add(FieldProblem.of("", "networking.violation.table.once", m.name(),
                                tableById.get(v.getKey()).name(), rounds(v.getValue())));
                    }
                }
            }
        }
        if (settings.separateOrganisations()) {
            for (int r = 0; r < roundCount; r++) {
                for (RoomTable t : tables) {
                    int round = r;
                    List<Member> at = seats.stream().filter(s -> s.round() == round && s.tableId() == t.id())
                            .map(s -> byId.get(s.participantId())).toList();
                    for (int i = 0; i < at.size(); i++) {
                        for (int j = i + 1; j < at.size(); j++) {
                            String a = at.get(i).organisation();
                            String b = at.get(j).organisation();
                            if (a != null && b != null && a.strip().equalsIgnoreCase(b.strip())) {
                                counted++;
                                violations.add(FieldProblem.of("", "networking.violation.colleagues",
                                        at.get(i).name(), at.get(j).name(), a, t.name(), r + 1));
                            }
                        }
                    }
                }
            }
        }
        if (status.hardViolations() != null && status.hardViolations() > counted) {
            violations.add(FieldProblem.of("", "networking.violation.other", status.hardViolations() - counted));
        }
        return new PlanPage(rounds, quality, violations);
    }

    private static String rounds(List<Integer> numbers) {
        List<String> s = numbers.stream().map(String::valueOf).toList();
        return s.size() == 1 ? s.get(0)
                : String.join(", ", s.subList(0, s.size() - 1)) + " et " + s.get(s.size() - 1);
    }
}
