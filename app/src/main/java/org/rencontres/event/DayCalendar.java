package org.rencontres.event;

import org.rencontres.shared.ContentLines;
import org.rencontres.shared.FrenchTime;
import java.net.URI;
import java.util.List;
import java.util.function.Function;


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
import net.fortuna.ical4j.model.property.XProperty;
import org.springframework.stereotype.Component;

/** A day as an iCalendar file (RFC 5545) that calendar applications import. */
@Component
class DayCalendar {

    private final TimeZoneRegistry timeZones = TimeZoneRegistryFactory.getInstance().createRegistry();

    /**
     * One VEVENT per day of the session, each with its own hours. A one-day session keeps its one
     * event and its UID as before; the days of a longer one share the SUMMARY and a UID stem, each
     * with the day's id (not its rank), so that moving or removing another day leaves the UIDs of the
     * rest as they were and a calendar that imports the file again updates the events it has.
     */
    String of(Day day, String pageUrl, String host) {
        String stem = "journee-" + day.sessionCode().slug();
        Calendar calendar = new Calendar()
                .withProdId("-//Rencontres//Journees d'actualite//FR")
                .withDefaults()
                .withComponent(timeZones.getTimeZone(day.zone().getId()).getVTimeZone())
                .getFluentTarget();
        for (SessionDay sessionDay : day.days().all()) {
            String uid = day.days().isSingle() ? stem : stem + "-jour-" + sessionDay.id();
            calendar.add(event(day, sessionDay, uid + "@" + host, pageUrl));
        }
        return ContentLines.fold(calendar.toString());
    }

    /**
     * Several sessions in one calendar (the catalogue's feed): each session's events exactly as its own
     * file has them, same UIDs, so a calendar subscribed to the feed and one that imported a session's
     * file hold the same events. Each time zone is given once.
     */
    String feed(String name, List<Day> days, Function<Day, String> pageUrl, String host) {
        Calendar calendar = new Calendar()
                .withProdId("-//Rencontres//Journees d'actualite//FR")
                .withDefaults()
                .withProperty(new XProperty("X-WR-CALNAME", name))
                .getFluentTarget();
        days.stream().map(d -> d.zone().getId()).distinct()
                .forEach(zone -> calendar.add(timeZones.getTimeZone(zone).getVTimeZone()));
        for (Day day : days) {
            String stem = "journee-" + day.sessionCode().slug();
            for (SessionDay sessionDay : day.days().all()) {
                String uid = day.days().isSingle() ? stem : stem + "-jour-" + sessionDay.id();
                calendar.add(event(day, sessionDay, uid + "@" + host, pageUrl.apply(day)));
            }
        }
        return ContentLines.fold(calendar.toString());
    }

    private static VEvent event(Day day, SessionDay sessionDay, String uid, String pageUrl) {
        VEvent event = new VEvent(sessionDay.start(day.zone()), sessionDay.end(day.zone()), day.fullTitle());
        event.add(new Uid(uid));
        event.add(new Url(URI.create(pageUrl)));
        StringBuilder description = new StringBuilder();
        if (!day.days().isSingle()) {
            description.append("Jour ").append(day.days().index(sessionDay)).append(" sur ").append(day.days().count())
                    .append("\u00a0: ").append(sessionDay.frenchDate()).append(", de ")
                    .append(FrenchTime.clock(sessionDay.startsAt())).append(" à ")
                    .append(FrenchTime.clock(sessionDay.endsAt())).append("\n");
        }
        description.append("Code session : ").append(day.sessionCode().value());
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
        return event;
    }
}
