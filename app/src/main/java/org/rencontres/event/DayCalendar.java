package org.rencontres.event;

import org.rencontres.shared.ContentLines;
import java.net.URI;


import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import org.springframework.stereotype.Component;

/** A day as an iCalendar file (RFC 5545) that calendar applications import. */
@Component
class DayCalendar {

    private final TimeZoneRegistry timeZones = TimeZoneRegistryFactory.getInstance().createRegistry();

    String of(Day day, String pageUrl, String host) {
        VEvent event = new VEvent(day.start(), day.end(), day.fullTitle());
        event.add(new Uid("journee-" + day.sessionCode().slug() + "@" + host));
        event.add(new Url(URI.create(pageUrl)));
        StringBuilder description = new StringBuilder("Code session : ").append(day.sessionCode().value());
        if (!day.context().isEmpty()) {
            description.append("\n\n").append(day.context().plain());
        }
        description.append("\n\n").append(pageUrl);
        event.add(new Description(description.toString()));
        if (day.venue() != null) {
            event.add(new Location(day.venue().name() + ", " + day.venue().addressLine()));
        }
        if (day.status() == DayStatus.CANCELLED) {
            event.add(new Status(Status.VALUE_CANCELLED));
        } else {
            event.add(new Status(Status.VALUE_CONFIRMED));
        }
        day.contacts(Contact.Purpose.PROGRAMME).stream().filter(c -> c.email() != null).findFirst()
                .ifPresent(c -> {
                    Organizer organizer = new Organizer(URI.create("mailto:" + c.email()));
                    organizer.add(new net.fortuna.ical4j.model.parameter.Cn(c.name()));
                    event.add(organizer);
                });
        Calendar calendar = new Calendar()
                .withProdId("-//Rencontres//Journees d'actualite//FR")
                .withDefaults()
                .withComponent(timeZones.getTimeZone(day.zone().getId()).getVTimeZone())
                .withComponent(event)
                .getFluentTarget();
        return ContentLines.fold(calendar.toString());
    }
}
