package org.rencontres.planner.rotation;

import java.util.List;

/** One round of a plan: every table, in the problem's table order, with its participants. */
public record PlannedRound(int round, List<TableGroup> tables) {

    public PlannedRound {
        tables = List.copyOf(tables);
    }
}
