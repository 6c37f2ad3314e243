package org.rencontres.daypage;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.rencontres.directory.Organisation;
import org.rencontres.event.Day;
import org.rencontres.event.PublicInfo;
import org.rencontres.event.Venue;
import org.rencontres.networking.NetworkingSession;
import org.rencontres.programme.Programme;
import org.rencontres.programme.Slot;
import org.rencontres.registration.RegistrationWindow;
import org.rencontres.workshops.Workshop;

/**
 * Everything the public page of a day shows, assembled from the modules that own it; {@code registration}
 * says whether its online form takes requests (the page offers it only then, and says when it opens);
 * {@code info} its public information (Qualiopi), null when it has none.
 */
record DayPage(Day day, Organisation organiser, List<PartnerView> partners, Programme programme,
               List<NetworkingSession> networking, List<Workshop> workshops, String jsonLd,
               Map<Long, List<String>> facilitatorNames, RegistrationWindow registration, PublicInfo info) {

    /** The names of the people who facilitate a workshop, in the order they were added. */
    public List<String> facilitators(Workshop workshop) {
        return facilitatorNames.getOrDefault(workshop.id(), List.of());
    }

    public record PartnerView(String name, String contribution, String website) {
    }

    /** The programme slot a networking session or a workshop takes place in. */
    public Optional<Slot> slot(long slotId) {
        return programme.slots().stream().filter(s -> s.id() == slotId).findFirst();
    }

    /** The anchor of the page section that details a slot, if any. */
    public String detailAnchor(Slot slot) {
        if (networking.stream().anyMatch(n -> n.slotId() == slot.id())) {
            return "reseautage-" + slot.id();
        }
        return workshops.stream().filter(w -> w.slotId() == slot.id()).findFirst()
                .map(w -> "atelier-" + w.number()).orElse(null);
    }

    public String openStreetMapUrl() {
        Venue venue = day.venue();
        if (venue == null) {
            return null;
        }
        if (venue.hasCoordinates()) {
            return "https://www.openstreetmap.org/?mlat=" + venue.latitude() + "&mlon=" + venue.longitude()
                    + "#map=17/" + venue.latitude() + "/" + venue.longitude();
        }
        return "https://www.openstreetmap.org/search?query="
                + URLEncoder.encode(venue.addressLine(), StandardCharsets.UTF_8);
    }
}
