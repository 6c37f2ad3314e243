package org.rencontres.networking;

import java.util.List;

/** One round of a live rotation (numbered from 1) and its tables. */
record LiveRound(int number, List<LiveTable> tables) {

    public LiveRound {
        tables = List.copyOf(tables);
    }
}
