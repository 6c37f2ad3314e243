package org.rencontres.planner.rotation;

import java.util.List;

/** Who sits at one table in one round. */
public record TableGroup(String table, List<String> participants) {

    public TableGroup {
        participants = List.copyOf(participants);
    }
}
