package org.rencontres.networking;

import java.util.List;

/**
 * A table in one round of a published plan.
 *
 * @param place where the table stands in the room, or null
 * @param theme the table's theme, or null
 * @param host  the host's name as chosen from the directory
 */
record TableSeats(String table, String place, String theme, String host, List<Seat> seats) {

    public TableSeats {
        seats = List.copyOf(seats);
    }
}
