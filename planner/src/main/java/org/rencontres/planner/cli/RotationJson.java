package org.rencontres.planner.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.rencontres.planner.InvalidProblemException;
import org.rencontres.planner.rotation.Participant;
import org.rencontres.planner.rotation.PlannedRound;
import org.rencontres.planner.rotation.Rules;
import org.rencontres.planner.rotation.RotationMetrics;
import org.rencontres.planner.rotation.RotationPlan;
import org.rencontres.planner.rotation.RotationProblem;
import org.rencontres.planner.rotation.Seating;
import org.rencontres.planner.rotation.Table;
import org.rencontres.planner.rotation.TableGroup;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The rotation problem and plan in their JSON forms (see docs/planner.md). */
public final class RotationJson {

    private RotationJson() {
    }

    public static RotationProblem readProblem(JsonNode root) {
        Json.object(root, "the problem");
        int rounds = Json.smallInteger(root, "rounds", "", true, 1, 0);
        List<Table> tables = new ArrayList<>();
        List<JsonNode> tableNodes = Json.array(root, "tables", "", true);
        for (int k = 0; k < tableNodes.size(); k++) {
            JsonNode node = Json.object(tableNodes.get(k), "tables[" + k + "]");
            String where = "tables[" + k + "].";
            tables.add(new Table(Json.string(node, "id", where, true),
                    Json.smallInteger(node, "capacity", where, true, 1, 0)));
        }
        List<Participant> participants = new ArrayList<>();
        List<JsonNode> people = Json.array(root, "participants", "", true);
        for (int k = 0; k < people.size(); k++) {
            String where = "participants[" + k + "].";
            JsonNode node = Json.object(people.get(k), "participants[" + k + "]");
            String id = Json.string(node, "id", where, true);
            String organisation = Json.string(node, "organisation", where, false);
            List<JsonNode> available = Json.array(node, "availableRounds", where, false);
            TreeSet<Integer> rounds0 = null;
            if (available != null) {
                rounds0 = new TreeSet<>();
                for (int a = 0; a < available.size(); a++) {
                    long round = Json.integer(available.get(a), where + "availableRounds[" + a + "]", 0);
                    if (round >= rounds) {
                        throw new InvalidProblemException(where + "availableRounds[" + a + "]: round " + round
                                + " does not exist (rounds are 0 to " + (rounds - 1) + ")");
                    }
                    rounds0.add((int) round);
                }
            }
            participants.add(new Participant(id, organisation, rounds0));
        }
        Rules rules = Rules.NONE;
        JsonNode rulesNode = root.get("rules");
        if (rulesNode != null && !rulesNode.isNull()) {
            Json.object(rulesNode, "rules");
            rules = new Rules(Json.bool(rulesNode, "tableOnce", "rules."),
                    Json.bool(rulesNode, "separateOrganisations", "rules."));
        }
        List<Seating> fixed = seatings(root, "fixed");
        List<Seating> announced = seatings(root, "announced");
        Long seed = Json.integer(root, "seed", "", false, Long.MIN_VALUE);
        Long time = Json.integer(root, "timeLimitMillis", "", false, 1);
        Long work = Json.integer(root, "workLimit", "", false, 0);
        return new RotationProblem(rounds, tables, participants, rules, fixed, announced,
                seed == null ? RotationProblem.DEFAULT_SEED : seed,
                time == null ? RotationProblem.DEFAULT_TIME_LIMIT_MILLIS : time, work == null ? 0 : work);
    }

    private static List<Seating> seatings(JsonNode root, String field) {
        List<JsonNode> nodes = Json.array(root, field, "", false);
        List<Seating> seatings = new ArrayList<>();
        if (nodes == null) {
            return seatings;
        }
        for (int k = 0; k < nodes.size(); k++) {
            String where = field + "[" + k + "].";
            JsonNode node = Json.object(nodes.get(k), field + "[" + k + "]");
            int round = Json.smallInteger(node, "round", where, true, 0, 0);
            String table = Json.string(node, "table", where, true);
            List<String> ids = new ArrayList<>();
            List<JsonNode> people = Json.array(node, "participants", where, true);
            for (int p = 0; p < people.size(); p++) {
                ids.add(Json.string(people.get(p), where + "participants[" + p + "]"));
            }
            seatings.add(new Seating(round, table, ids));
        }
        return seatings;
    }

    public static ObjectNode writePlan(RotationPlan plan) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode root = json.objectNode();
        ArrayNode rounds = root.putArray("rounds");
        for (PlannedRound round : plan.rounds()) {
            ObjectNode r = rounds.addObject();
            r.put("round", round.round());
            ArrayNode tables = r.putArray("tables");
            for (TableGroup group : round.tables()) {
                ObjectNode t = tables.addObject();
                t.put("table", group.table());
                ArrayNode ids = t.putArray("participants");
                group.participants().forEach(ids::add);
            }
        }
        RotationMetrics m = plan.metrics();
        ObjectNode metrics = root.putObject("metrics");
        metrics.put("hardViolations", m.hardViolations());
        metrics.put("repeatPairs", m.repeatPairs());
        metrics.put("repeatExcess", m.repeatExcess());
        metrics.put("maxMeetings", m.maxMeetings());
        metrics.put("distinctMetMin", m.distinctMetMin());
        metrics.put("distinctMetMean", m.distinctMetMean());
        metrics.put("lowerBoundRepeatPairs", m.lowerBoundRepeatPairs());
        metrics.put("upperBoundDistinctMet", m.upperBoundDistinctMet());
        ArrayNode histogram = metrics.putArray("pairMeetingHistogram");
        m.pairMeetingHistogram().forEach(histogram::add);
        metrics.put("changedAssignments", m.changedAssignments());
        ArrayNode violations = metrics.putArray("violations");
        m.violations().forEach(violations::add);
        root.put("elapsedMillis", plan.elapsedMillis());
        return root;
    }
}
