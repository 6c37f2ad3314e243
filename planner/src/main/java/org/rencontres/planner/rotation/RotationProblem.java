package org.rencontres.planner.rotation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rencontres.planner.InvalidProblemException;

/**
 * A networking rotation to plan: {@code rounds} rounds, tables with capacities, participants (with
 * their organisation and the rounds they attend), hard rules, seatings already played ({@code fixed},
 * never changed) and seatings already announced for the rounds still to come ({@code announced}: kept
 * as far as possible when re-planning). The constructor checks everything and throws
 * {@link InvalidProblemException} with a one-line reason.
 *
 * <p>{@code seed} makes the plan reproducible; {@code timeLimitMillis} bounds the wall-clock time;
 * {@code workLimit} (0 = derived from the time limit) bounds the search effort in neighbour
 * evaluations, which is what keeps the same input and seed giving the same plan on any machine.
 */
public record RotationProblem(int rounds, List<Table> tables, List<Participant> participants, Rules rules,
                              List<Seating> fixed, List<Seating> announced, long seed, long timeLimitMillis,
                              long workLimit) {

    public static final long DEFAULT_TIME_LIMIT_MILLIS = 2000;
    public static final long DEFAULT_SEED = 1;

    public RotationProblem {
        if (rounds < 1) {
            throw new InvalidProblemException("rounds must be at least 1, was " + rounds);
        }
        tables = List.copyOf(nonNull(tables, "tables"));
        participants = List.copyOf(nonNull(participants, "participants"));
        rules = rules == null ? Rules.NONE : rules;
        fixed = fixed == null ? List.of() : List.copyOf(fixed);
        announced = announced == null ? List.of() : List.copyOf(announced);
        if (timeLimitMillis <= 0) {
            throw new InvalidProblemException("timeLimitMillis must be positive, was " + timeLimitMillis);
        }
        if (workLimit < 0) {
            throw new InvalidProblemException("workLimit must not be negative, was " + workLimit);
        }
        if (tables.isEmpty()) {
            throw new InvalidProblemException("there must be at least one table");
        }
        validate(rounds, tables, participants, rules, fixed, announced);
    }

    private static <T> List<T> nonNull(List<T> list, String name) {
        if (list == null) {
            throw new InvalidProblemException(name + " are missing");
        }
        return list;
    }

    /** The shorthand instance: participants p1..pn, tables t1..tg of capacity ⌈n/g⌉, everyone in every round. */
    public static RotationProblem simple(int participants, int tables, int rounds, boolean tableOnce, long seed,
                                         long timeLimitMillis) {
        if (participants < 1 || tables < 1) {
            throw new InvalidProblemException("participants and tables must be at least 1");
        }
        int capacity = (participants + tables - 1) / tables;
        List<Table> ts = new ArrayList<>();
        for (int t = 1; t <= tables; t++) {
            ts.add(new Table("t" + t, capacity));
        }
        List<Participant> ps = new ArrayList<>();
        for (int p = 1; p <= participants; p++) {
            ps.add(new Participant("p" + p));
        }
        return new RotationProblem(rounds, ts, ps, new Rules(tableOnce, false), List.of(), List.of(), seed,
                timeLimitMillis, 0);
    }

    public RotationProblem withFixed(List<Seating> newFixed, List<Seating> newAnnounced) {
        return new RotationProblem(rounds, tables, participants, rules, newFixed, newAnnounced, seed,
                timeLimitMillis, workLimit);
    }

    public RotationProblem withParticipants(List<Participant> newParticipants) {
        return new RotationProblem(rounds, tables, newParticipants, rules, fixed, announced, seed, timeLimitMillis,
                workLimit);
    }

    public RotationProblem withSearch(long newSeed, long newTimeLimitMillis, long newWorkLimit) {
        return new RotationProblem(rounds, tables, participants, rules, fixed, announced, newSeed,
                newTimeLimitMillis, newWorkLimit);
    }

    public int tableIndex(String id) {
        for (int t = 0; t < tables.size(); t++) {
            if (tables.get(t).id().equals(id)) {
                return t;
            }
        }
        return -1;
    }

    /** How many participants attend round {@code round}. */
    public int presentIn(int round) {
        int count = 0;
        for (Participant p : participants) {
            if (p.isAvailable(round)) {
                count++;
            }
        }
        return count;
    }

    public int[] capacities() {
        int[] c = new int[tables.size()];
        for (int t = 0; t < c.length; t++) {
            c[t] = tables.get(t).capacity();
        }
        return c;
    }

    /** Fixed seats per table in {@code round}. */
    public int[] fixedCounts(int round) {
        int[] counts = new int[tables.size()];
        for (Seating s : fixed) {
            if (s.round() == round) {
                counts[tableIndex(s.table())] += s.participants().size();
            }
        }
        return counts;
    }

    public TableSizes sizes(int round) {
        return TableSizes.of(presentIn(round), fixedCounts(round), capacities());
    }

    private static void validate(int rounds, List<Table> tables, List<Participant> participants, Rules rules,
                                 List<Seating> fixed, List<Seating> announced) {
        Map<String, Integer> tableIds = new HashMap<>();
        for (int t = 0; t < tables.size(); t++) {
            if (tableIds.put(tables.get(t).id(), t) != null) {
                throw new InvalidProblemException("table " + tables.get(t).id() + " is listed twice");
            }
        }
        Map<String, Integer> people = new HashMap<>();
        for (int i = 0; i < participants.size(); i++) {
            Participant p = participants.get(i);
            if (people.put(p.id(), i) != null) {
                throw new InvalidProblemException("participant " + p.id() + " is listed twice");
            }
            if (p.availableRounds() != null && !p.availableRounds().isEmpty() && p.availableRounds().last() >= rounds) {
                throw new InvalidProblemException("participant " + p.id() + ": available round "
                        + p.availableRounds().last() + " does not exist (rounds are 0 to " + (rounds - 1) + ")");
            }
            if (rules.tableOnce()) {
                int attended = p.availableRounds() == null ? rounds : p.availableRounds().size();
                if (attended > tables.size()) {
                    throw new InvalidProblemException("tableOnce: participant " + p.id() + " attends " + attended
                            + " rounds but there are only " + tables.size() + " tables");
                }
            }
        }
        int[][] fixedTable = new int[rounds][participants.size()];
        for (int[] row : fixedTable) {
            java.util.Arrays.fill(row, -1);
        }
        int[][] fixedCount = new int[rounds][tables.size()];
        for (Seating s : fixed) {
            Integer t = checkSeating(s, "fixed", rounds, tableIds, people);
            for (String id : s.participants()) {
                int i = people.get(id);
                if (!participants.get(i).isAvailable(s.round())) {
                    throw new InvalidProblemException("fixed: participant " + id + " is not available in round "
                            + s.round());
                }
                if (fixedTable[s.round()][i] >= 0) {
                    throw new InvalidProblemException("fixed: participant " + id + " is seated twice in round "
                            + s.round());
                }
                fixedTable[s.round()][i] = t;
                fixedCount[s.round()][t]++;
            }
            if (fixedCount[s.round()][t] > tables.get(t).capacity()) {
                throw new InvalidProblemException("fixed: table " + s.table() + " has " + fixedCount[s.round()][t]
                        + " participants in round " + s.round() + " but capacity " + tables.get(t).capacity());
            }
        }
        if (rules.tableOnce()) {
            for (int i = 0; i < participants.size(); i++) {
                boolean[] used = new boolean[tables.size()];
                for (int r = 0; r < rounds; r++) {
                    int t = fixedTable[r][i];
                    if (t >= 0) {
                        if (used[t]) {
                            throw new InvalidProblemException("fixed: participant " + participants.get(i).id()
                                    + " sits twice at table " + tables.get(t).id() + ", against tableOnce");
                        }
                        used[t] = true;
                    }
                }
            }
        }
        for (Seating s : announced) {
            checkSeating(s, "announced", rounds, tableIds, people);
        }
        int[] capacities = new int[tables.size()];
        for (int t = 0; t < capacities.length; t++) {
            capacities[t] = tables.get(t).capacity();
        }
        for (int r = 0; r < rounds; r++) {
            int present = 0;
            for (Participant p : participants) {
                if (p.isAvailable(r)) {
                    present++;
                }
            }
            TableSizes sizes = TableSizes.of(present, fixedCount[r], capacities);
            if (sizes == null) {
                int total = 0;
                for (int c : capacities) {
                    total += c;
                }
                throw new InvalidProblemException("capacity too small: round " + r + " has " + present
                        + " participants but the tables seat only " + total);
            }
            TableSizes free = TableSizes.of(present, new int[tables.size()], capacities);
            if (free.spread() > 1) {
                throw new InvalidProblemException("capacity too small: round " + r + " needs tables of "
                        + free.level() + " or " + (free.level() + 1) + " for " + present
                        + " participants, but some tables seat fewer");
            }
        }
    }

    private static Integer checkSeating(Seating s, String what, int rounds, Map<String, Integer> tableIds,
                                       Map<String, Integer> people) {
        if (s.round() >= rounds) {
            throw new InvalidProblemException(what + ": round " + s.round() + " does not exist (rounds are 0 to "
                    + (rounds - 1) + ")");
        }
        Integer t = tableIds.get(s.table());
        if (t == null) {
            throw new InvalidProblemException(what + ": unknown table " + s.table() + " in round " + s.round());
        }
        for (String id : s.participants()) {
            if (!people.containsKey(id)) {
                throw new InvalidProblemException(what + ": unknown participant " + id + " in round " + s.round());
            }
        }
        return t;
    }
}
