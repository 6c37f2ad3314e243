package org.rencontres.networking;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.rencontres.networking.RotationData.Member;
import org.rencontres.networking.RotationData.RoomTable;
import org.rencontres.networking.RotationData.SeatRow;
import org.rencontres.networking.RotationData.Settings;
import org.rencontres.planner.rotation.Participant;
// The planner's round: within this file it shadows the module's own PlannedRound (a published round).
import org.rencontres.planner.rotation.PlannedRound;
import org.rencontres.planner.rotation.RotationProblem;
import org.rencontres.planner.rotation.Rules;
import org.rencontres.planner.rotation.Table;
import org.rencontres.planner.rotation.TableGroup;

/**
 * The translation between a rotation's rows and the planner's problem and rounds: a table is known
 * to the planner as "t" + its id, a participant as "p" + theirs.
 */
final class RotationProblems {

    private RotationProblems() {
    }

    static String tableKey(long id) {
        return "t" + id;
    }

    static String memberKey(long id) {
        return "p" + id;
    }

    /** The organisation as the planner compares it (colleagues sit apart), or null. */
    static String organisationKey(Member m) {
        return m.organisation() == null ? null : m.organisation().strip().toLowerCase(Locale.ROOT);
    }

    static List<Table> tables(List<RoomTable> tables) {
        return tables.stream().map(t -> new Table(tableKey(t.id()), t.capacity())).toList();
    }

    static Rules rules(Settings settings) {
        return new Rules(settings.tableOnce(), settings.separateOrganisations());
    }

    /** A fresh plan's problem: everyone present in every round, nothing fixed. */
    static RotationProblem problem(List<RoomTable> tables, List<Member> members, Settings settings, int rounds,
                                   long seed, long timeLimitMillis) {
        List<Participant> ps = members.stream().map(m -> new Participant(memberKey(m.id()), organisationKey(m), null))
                .toList();
        return new RotationProblem(rounds, tables(tables), ps, rules(settings), List.of(), List.of(), seed,
                timeLimitMillis, 0);
    }

    /** The planner's rounds for the stored seats, tables in the room's order. */
    static List<PlannedRound> plannerRounds(int rounds, List<RoomTable> tables, List<SeatRow> seats) {
        List<PlannedRound> result = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            List<TableGroup> groups = new ArrayList<>();
            for (RoomTable t : tables) {
                int round = r;
                groups.add(new TableGroup(tableKey(t.id()), seats.stream()
                        .filter(s -> s.round() == round && s.tableId() == t.id())
                        .map(s -> memberKey(s.participantId())).toList()));
            }
            result.add(new PlannedRound(r, groups));
        }
        return result;
    }

    /** The seats of the planner's rounds from round {@code from} (0-based) on, as rows to store. */
    static List<SeatRow> seatRows(List<PlannedRound> rounds, int from) {
        List<SeatRow> seats = new ArrayList<>();
        for (PlannedRound round : rounds) {
            if (round.round() < from) {
                continue;
            }
            for (TableGroup group : round.tables()) {
                long table = Long.parseLong(group.table().substring(1));
                for (String p : group.participants()) {
                    seats.add(new SeatRow(round.round(), table, Long.parseLong(p.substring(1))));
                }
            }
        }
        return seats;
    }
}
