package org.rencontres.networking;

import java.util.List;

/** One round of a published plan: every table in the room's order, with who sits there. */
record PlannedRound(int number, List<TableSeats> tables) {

    public PlannedRound {
        tables = List.copyOf(tables);
    }
}
