package org.rencontres.event;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * Where a day takes place.
 *
 * @param postalAddress the mailing address when it differs from the street address (a CEDEX code)
 * @param accessNotes how to get there, one line per means of transport
 */
public record Venue(String name, String building, String street, String postcode, String city,
                    String postalAddress, BigDecimal latitude, BigDecimal longitude, String accessNotes) {

    /**
     * Whether two venues are the same place for the people who come (name, building, street, town; not
     * the access notes nor the coordinates): what a change of venue tells registrants about.
     */
    public static boolean samePlace(Venue a, Venue b) {
        if (a == null || b == null) {
            return a == b;
        }
        return Objects.equals(a.name, b.name) && Objects.equals(a.building, b.building)
                && Objects.equals(a.street, b.street) && Objects.equals(a.postcode, b.postcode)
                && Objects.equals(a.city, b.city);
    }

    /** "Halle aux sucres, 9003 route du Quai Freycinet 3, 59140 Dunkerque". */
    public String describe() {
        return name + ", " + addressLine();
    }

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
