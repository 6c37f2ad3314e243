package org.rencontres.event;

import java.math.BigDecimal;
import java.util.List;

/**
 * Where a day takes place.
 *
 * @param postalAddress the mailing address when it differs from the street address (a CEDEX code)
 * @param accessNotes how to get there, one line per means of transport
 */
public record Venue(String name, String building, String street, String postcode, String city,
                    String postalAddress, BigDecimal latitude, BigDecimal longitude, String accessNotes) {

    public boolean hasCoordinates() {
        return latitude != null && longitude != null;
    }

    /** One line, for calendars and maps: "500 place des Champs-Élysées, 91080 Évry-Courcouronnes". */
    public String addressLine() {
        return street + ", " + postcode + " " + city;
    }

    public List<String> accessLines() {
        return accessNotes == null ? List.of()
                : accessNotes.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
}
