package org.rencontres.planner.cli;

import java.util.ArrayList;
import java.util.List;
import org.rencontres.planner.InvalidProblemException;
import org.rencontres.planner.allocation.AllocationPlan;
import org.rencontres.planner.allocation.AllocationProblem;
import org.rencontres.planner.allocation.Chooser;
import org.rencontres.planner.allocation.Workshop;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The allocation problem and plan in their JSON forms (see docs/planner.md). */
public final class AllocationJson {

    private AllocationJson() {
    }

    public static AllocationProblem readProblem(JsonNode root) {
        Json.object(root, "the problem");
        int slots = Json.smallInteger(root, "slots", "", false, 1, 1);
        List<Workshop> workshops = new ArrayList<>();
        List<JsonNode> nodes = Json.array(root, "workshops", "", true);
        for (int k = 0; k < nodes.size(); k++) {
            String where = "workshops[" + k + "].";
            JsonNode node = Json.object(nodes.get(k), "workshops[" + k + "]");
            workshops.add(new Workshop(Json.string(node, "id", where, true),
                    Json.smallInteger(node, "capacity", where, true, 1, 0),
                    Json.smallInteger(node, "minimum", where, false, 0, 0)));
        }
        List<Chooser> participants = new ArrayList<>();
        List<JsonNode> people = Json.array(root, "participants", "", true);
        for (int k = 0; k < people.size(); k++) {
            String where = "participants[" + k + "].";
            JsonNode node = Json.object(people.get(k), "participants[" + k + "]");
            List<String> choices = new ArrayList<>();
            List<JsonNode> ranked = Json.array(node, "choices", where, false);
            if (ranked != null) {
                for (int c = 0; c < ranked.size(); c++) {
                    choices.add(Json.string(ranked.get(c), where + "choices[" + c + "]"));
                }
            }
            participants.add(new Chooser(Json.string(node, "id", where, true), choices));
        }
        boolean fairness = false;
        boolean allowUnranked = true;
        JsonNode rules = root.get("rules");
        if (rules != null && !rules.isNull()) {
            Json.object(rules, "rules");
            fairness = Json.bool(rules, "fairness", "rules.");
            if (rules.has("allowUnranked")) {
                allowUnranked = Json.bool(rules, "allowUnranked", "rules.");
            }
        }
        if (participants.isEmpty() && people.isEmpty()) {
            throw new InvalidProblemException("participants must not be empty");
        }
        return new AllocationProblem(slots, workshops, participants, fairness, allowUnranked);
    }

    public static ObjectNode writePlan(AllocationPlan plan) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode root = json.objectNode();
        ArrayNode assignments = root.putArray("assignments");
        for (AllocationPlan.Assignment a : plan.assignments()) {
            ObjectNode node = assignments.addObject();
            node.put("participant", a.participant());
            ArrayNode workshops = node.putArray("workshops");
            for (String w : a.workshops()) {
                if (w == null) {
                    workshops.addNull();
                } else {
                    workshops.add(w);
                }
            }
        }
        ArrayNode profile = root.putArray("rankProfile");
        plan.rankProfile().forEach(profile::add);
        root.put("unrankedPlacements", plan.unrankedPlacements());
        ArrayNode unassigned = root.putArray("unassigned");
        for (AllocationPlan.Unplaced u : plan.unassigned()) {
            ObjectNode node = unassigned.addObject();
            node.put("participant", u.participant());
            node.put("slot", u.slot());
            node.put("reason", u.reason());
        }
        ArrayNode cancelled = root.putArray("cancelled");
        for (AllocationPlan.Cancelled c : plan.cancelled()) {
            ObjectNode node = cancelled.addObject();
            node.put("workshop", c.workshop());
            node.put("reason", c.reason());
        }
        root.put("cost", plan.cost());
        root.put("optimal", plan.optimal());
        root.put("elapsedMillis", plan.elapsedMillis());
        return root;
    }
}
