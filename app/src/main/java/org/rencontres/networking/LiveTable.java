package org.rencontres.networking;

import java.util.List;

/**
 * A table during one round.
 *
 * @param place where it stands in the room (may be null)
 * @param theme the theme discussed there this round (may be null)
 * @param host who hosts it this round (may be null)
 */
record LiveTable(String name, String place, String theme, String host, List<LiveSeat> seats) {

    public LiveTable {
        seats = List.copyOf(seats);
    }
}
