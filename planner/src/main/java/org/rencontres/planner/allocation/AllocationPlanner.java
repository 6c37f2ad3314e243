package org.rencontres.planner.allocation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jgrapht.Graph;
import org.jgrapht.alg.flow.mincost.CapacityScalingMinimumCostFlow;
import org.jgrapht.alg.flow.mincost.MinimumCostFlowProblem;
import org.jgrapht.alg.interfaces.MinimumCostFlowAlgorithm;
import org.jgrapht.graph.DefaultDirectedWeightedGraph;
import org.jgrapht.graph.DefaultWeightedEdge;

/**
 * Optimal workshop allocation in two exact steps.
 *
 * <ol>
 * <li>Which workshops each participant gets, ignoring slots: a minimum-cost flow (JGraphT, capacity
 * scaling) from participants (supply = slots) through arcs participant → workshop (capacity 1: never twice;
 * cost = the rank's cost) to workshops (capacity slots × seats, lower bound slots × minimum), with an
 * arc participant → sink for each slot left empty, at a cost higher than any placement.</li>
 * <li>Which slot each placement goes to: an edge colouring of the bipartite graph participants–workshops
 * with {@code slots} colours (König), after cutting each workshop into copies of at most {@code slots}
 * placements. Every participant gets one workshop per slot, and every workshop gets ⌊d/slots⌋ or
 * ⌈d/slots⌉ of its d placements in each slot: within its seats and above its minimum.</li>
 * </ol>
 *
 * Step 2 always succeeds, so the cost of step 1 is the optimum of the whole problem. Minimums are the one
 * heuristic part: when they cannot all be met, the workshop furthest below its minimum is cancelled and the
 * flow solved again (the result is optimal for the workshops that run).
 */
public final class AllocationPlanner {

    private AllocationPlanner() {
    }

    public static AllocationPlan plan(AllocationProblem problem) {
        long start = System.nanoTime();
        int n = problem.participants().size();
        int wCount = problem.workshops().size();
        int k = problem.slots();
        Map<String, Integer> workshopIndex = new HashMap<>();
        for (int w = 0; w < wCount; w++) {
            workshopIndex.put(problem.workshops().get(w).id(), w);
        }
        int[][] rank = new int[n][wCount];
        for (int p = 0; p < n; p++) {
            Arrays.fill(rank[p], problem.allowUnranked() ? wCount + 1 : 0);
            List<String> choices = problem.participants().get(p).choices();
            for (int c = 0; c < choices.size(); c++) {
                rank[p][workshopIndex.get(choices.get(c))] = c + 1;
            }
        }
        boolean[] active = new boolean[wCount];
        Arrays.fill(active, true);
        List<AllocationPlan.Cancelled> cancelled = new ArrayList<>();
        int[][] chosen;
        while (true) {
            chosen = solveFlow(problem, rank, active, false);
            int worst = -1;
            double worstRatio = Double.MAX_VALUE;
            for (int w = 0; w < wCount; w++) {
                int minimum = problem.workshops().get(w).minimum();
                if (active[w] && minimum > 0) {
                    int load = load(chosen, w);
                    if (load < k * minimum) {
                        double ratio = (double) load / (k * minimum);
                        if (ratio < worstRatio) {
                            worstRatio = ratio;
                            worst = w;
                        }
                    }
                }
            }
            if (worst < 0) {
                break;
            }
            int[][] bounded = solveFlow(problem, rank, active, true);
            if (bounded != null) {
                chosen = bounded;
                break;
            }
            active[worst] = false;
            Workshop cancelledWorkshop = problem.workshops().get(worst);
            cancelled.add(new AllocationPlan.Cancelled(cancelledWorkshop.id(), "only " + load(chosen, worst)
                    + " placements would go to it over " + k + " slot(s), below its minimum of "
                    + cancelledWorkshop.minimum() + " per slot"));
        }
        int[][] bySlot = colour(chosen, n, wCount, k);
        return describe(problem, rank, active, chosen, bySlot, cancelled, start);
    }

    private static int load(int[][] chosen, int w) {
        int load = 0;
        for (int[] workshops : chosen) {
            for (int x : workshops) {
                if (x == w) {
                    load++;
                }
            }
        }
        return load;
    }

    /** An arc; its cost is its JGraphT edge weight (the cost-function variant of the API misreports flows). */
    private static final class Arc extends DefaultWeightedEdge {
        final int workshop;
        final long cost;
        final int lower;
        final int upper;

        Arc(int workshop, long cost, int lower, int upper) {
            this.workshop = workshop;
            this.cost = cost;
            this.lower = lower;
            this.upper = upper;
        }
    }

    /**
     * @return for each participant, the workshops placed (unordered), or null when the minimums cannot be
     *         met ({@code withMinimums} only)
     */
    private static int[][] solveFlow(AllocationProblem problem, int[][] rank, boolean[] active, boolean withMinimums) {
        int n = problem.participants().size();
        int wCount = problem.workshops().size();
        int k = problem.slots();
        // Vertices: participants 0..n-1, workshops n..n+wCount-1, sink n+wCount.
        int sink = n + wCount;
        Graph<Integer, Arc> graph = new DefaultDirectedWeightedGraph<>(null, null);
        for (int v = 0; v <= sink; v++) {
            graph.addVertex(v);
        }
        int seats = 0;
        int minimums = 0;
        for (int w = 0; w < wCount; w++) {
            if (active[w]) {
                Workshop workshop = problem.workshops().get(w);
                int lower = withMinimums ? k * workshop.minimum() : 0;
                addArc(graph, n + w, sink, new Arc(-1, 0, lower, k * workshop.capacity()));
                seats += k * workshop.capacity();
                minimums += lower;
            }
        }
        if (minimums > (long) n * k) {
            return null;
        }
        List<List<Arc>> arcsOf = new ArrayList<>();
        for (int p = 0; p < n; p++) {
            List<Arc> arcs = new ArrayList<>();
            for (int w = 0; w < wCount; w++) {
                if (active[w] && rank[p][w] > 0) {
                    Arc arc = new Arc(w, problem.rankCost(rank[p][w]), 0, 1);
                    addArc(graph, p, n + w, arc);
                    arcs.add(arc);
                }
            }
            addArc(graph, p, sink, new Arc(-1, problem.unassignedCost(), 0, k));
            arcsOf.add(arcs);
        }
        int[][] chosen = new int[n][];
        if (n == 0) {
            return chosen;
        }
        MinimumCostFlowProblem<Integer, Arc> flowProblem = new MinimumCostFlowProblem.MinimumCostFlowProblemImpl<>(
                graph, v -> v < n ? k : (v == sink ? -n * k : 0), arc -> arc.upper, arc -> arc.lower);
        MinimumCostFlowAlgorithm.MinimumCostFlow<Arc> flow;
        try {
            flow = new CapacityScalingMinimumCostFlow<Integer, Arc>().getMinimumCostFlow(flowProblem);
        } catch (IllegalArgumentException | IllegalStateException infeasible) {
            if (withMinimums) {
                return null;
            }
            throw infeasible;
        }
        Map<Arc, Double> flows = flow.getFlowMap();
        for (int p = 0; p < n; p++) {
            List<Integer> placed = new ArrayList<>();
            for (Arc arc : arcsOf.get(p)) {
                if (flows.getOrDefault(arc, 0.0) > 0.5) {
                    placed.add(arc.workshop);
                }
            }
            chosen[p] = placed.stream().mapToInt(Integer::intValue).toArray();
        }
        if (withMinimums) {
            for (int w = 0; w < wCount; w++) {
                if (active[w] && load(chosen, w) < k * problem.workshops().get(w).minimum()) {
                    return null;
                }
            }
        }
        return chosen;
    }

    private static void addArc(Graph<Integer, Arc> graph, int from, int to, Arc arc) {
        graph.addEdge(from, to, arc);
        graph.setEdgeWeight(arc, arc.cost);
    }

    /**
     * Gives each placement a slot: a proper edge colouring with k colours of the bipartite graph between
     * participants (degree at most k) and workshop copies (degree at most k), by alternating paths.
     */
    static int[][] colour(int[][] chosen, int n, int wCount, int k) {
        // Cut every workshop's placements into copies of k (the last copy may hold fewer).
        int[] placedIn = new int[wCount];
        List<int[]> edges = new ArrayList<>();
        Map<Long, Integer> copyIndex = new HashMap<>();
        int copies = 0;
        for (int p = 0; p < n; p++) {
            for (int w : chosen[p]) {
                int copy = placedIn[w]++ / k;
                long key = ((long) w << 32) | copy;
                Integer id = copyIndex.get(key);
                if (id == null) {
                    id = copies++;
                    copyIndex.put(key, id);
                }
                edges.add(new int[] {p, n + id, w});
            }
        }
        int vertices = n + copies;
        int[][] at = new int[vertices][k];
        for (int[] row : at) {
            Arrays.fill(row, -1);
        }
        int[] colourOf = new int[edges.size()];
        Arrays.fill(colourOf, -1);
        for (int e = 0; e < edges.size(); e++) {
            int u = edges.get(e)[0];
            int v = edges.get(e)[1];
            int alpha = free(at[u]);
            int beta = free(at[v]);
            if (at[v][alpha] >= 0) {
                // Swap alpha and beta along the path from v that alternates alpha, beta, alpha...
                List<Integer> path = new ArrayList<>();
                int x = v;
                int c = alpha;
                while (at[x][c] >= 0) {
                    int edge = at[x][c];
                    path.add(edge);
                    int[] ends = edges.get(edge);
                    x = ends[0] == x ? ends[1] : ends[0];
                    c = c == alpha ? beta : alpha;
                }
                for (int edge : path) {
                    int[] ends = edges.get(edge);
                    at[ends[0]][colourOf[edge]] = -1;
                    at[ends[1]][colourOf[edge]] = -1;
                }
                for (int edge : path) {
                    int[] ends = edges.get(edge);
                    colourOf[edge] = colourOf[edge] == alpha ? beta : alpha;
                    at[ends[0]][colourOf[edge]] = edge;
                    at[ends[1]][colourOf[edge]] = edge;
                }
            }
            colourOf[e] = alpha;
            at[u][alpha] = e;
            at[v][alpha] = e;
        }
        int[][] bySlot = new int[n][k];
        for (int[] row : bySlot) {
            Arrays.fill(row, -1);
        }
        for (int e = 0; e < edges.size(); e++) {
            bySlot[edges.get(e)[0]][colourOf[e]] = edges.get(e)[2];
        }
        return bySlot;
    }

    private static int free(int[] colours) {
        for (int c = 0; c < colours.length; c++) {
            if (colours[c] < 0) {
                return c;
            }
        }
        throw new IllegalStateException("a vertex has more placements than slots");
    }

    private static AllocationPlan describe(AllocationProblem problem, int[][] rank, boolean[] active, int[][] chosen,
                                           int[][] bySlot, List<AllocationPlan.Cancelled> cancelled, long start) {
        int n = problem.participants().size();
        int wCount = problem.workshops().size();
        int k = problem.slots();
        int[] profile = new int[wCount];
        int unranked = 0;
        long cost = 0;
        int seatsPerSlot = 0;
        for (int w = 0; w < wCount; w++) {
            if (active[w]) {
                seatsPerSlot += problem.workshops().get(w).capacity();
            }
        }
        List<AllocationPlan.Assignment> assignments = new ArrayList<>();
        List<AllocationPlan.Unplaced> unassigned = new ArrayList<>();
        for (int p = 0; p < n; p++) {
            Chooser chooser = problem.participants().get(p);
            List<String> workshops = new ArrayList<>();
            for (int s = 0; s < k; s++) {
                int w = bySlot[p][s];
                if (w < 0) {
                    workshops.add(null);
                    cost += problem.unassignedCost();
                    unassigned.add(new AllocationPlan.Unplaced(chooser.id(), s, reason(problem, chooser, active,
                            seatsPerSlot)));
                } else {
                    workshops.add(problem.workshops().get(w).id());
                    int r = rank[p][w];
                    cost += problem.rankCost(r);
                    if (r > chooser.choices().size()) {
                        unranked++;
                    } else {
                        profile[r - 1]++;
                    }
                }
            }
            assignments.add(new AllocationPlan.Assignment(chooser.id(), workshops));
        }
        int last = wCount;
        while (last > 0 && profile[last - 1] == 0) {
            last--;
        }
        List<Integer> rankProfile = new ArrayList<>();
        for (int r = 0; r < last; r++) {
            rankProfile.add(profile[r]);
        }
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        return new AllocationPlan(assignments, rankProfile, unranked, unassigned, cancelled, cost, cancelled.isEmpty(),
                elapsed);
    }

    private static String reason(AllocationProblem problem, Chooser chooser, boolean[] active, int seatsPerSlot) {
        int n = problem.participants().size();
        if (seatsPerSlot < n) {
            return "capacity short: " + seatsPerSlot + " seats per slot for " + n + " participants";
        }
        if (!problem.allowUnranked()) {
            int open = 0;
            for (String choice : chooser.choices()) {
                for (int w = 0; w < problem.workshops().size(); w++) {
                    if (active[w] && problem.workshops().get(w).id().equals(choice)) {
                        open++;
                    }
                }
            }
            if (open < problem.slots()) {
                return "ranked " + open + " open workshop(s) for " + problem.slots() + " slot(s), and unranked "
                        + "workshops are not allowed";
            }
            return "the workshops they ranked were full";
        }
        return "every workshop with a free seat in that slot was one they already take";
    }
}
