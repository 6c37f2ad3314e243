package org.rencontres.daypage;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.rencontres.directory.Organisation;
import org.rencontres.event.Day;
import org.rencontres.event.PublicInfo;
import org.rencontres.event.SessionDay;
import org.rencontres.event.Venue;
import org.rencontres.programme.Programme;
import org.rencontres.programme.Slot;
import org.rencontres.programme.SlotPerson;
import org.rencontres.shared.JsonInHtml;
import org.springframework.stereotype.Component;

/** The schema.org {@code Event} description of a day, as JSON-LD for search engines and calendars. */
@Component
class DayJsonLd {

    String of(Day day, Organisation organiser, List<DayPage.PartnerView> partners, Programme programme, PublicInfo info,
              String url) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("@context", "https://schema.org");
        event.put("@type", "EducationEvent");
        event.put("name", day.fullTitle());
        event.put("identifier", day.sessionCode().value());
        event.put("url", url);
        event.put("inLanguage", "fr");
        event.put("startDate", day.start().toOffsetDateTime().toString());
        event.put("endDate", day.end().toOffsetDateTime().toString());
        event.put("eventStatus", "https://schema.org/" + switch (day.status()) {
            case CANCELLED -> "EventCancelled";
            default -> "EventScheduled";
        });
        event.put("eventAttendanceMode", "https://schema.org/OfflineEventAttendanceMode");
        event.put("isAccessibleForFree", info == null || info.priceEuros() == null || info.priceEuros().signum() == 0);
        if (!day.context().isEmpty()) {
            event.put("description", day.context().plain());
        }
        if (day.audience() != null) {
            event.put("audience", Map.of("@type", "Audience", "audienceType", day.audience()));
        }
        Map<String, Object> place = place(day.venue());
        if (place != null) {
            event.put("location", place);
        }
        if (!day.days().isSingle()) {
            // A session of several days: each day is an event of its own inside it, with its own hours
            // (schema.org's subEvent), so that search engines show "day 2" at its real time.
            List<Map<String, Object>> subEvents = new ArrayList<>();
            for (SessionDay sessionDay : day.days().all()) {
                Map<String, Object> sub = new LinkedHashMap<>();
                sub.put("@type", "EducationEvent");
                sub.put("name", day.fullTitle() + " – jour " + day.days().index(sessionDay));
                sub.put("startDate", sessionDay.start(day.zone()).toOffsetDateTime().toString());
                sub.put("endDate", sessionDay.end(day.zone()).toOffsetDateTime().toString());
                sub.put("eventStatus", event.get("eventStatus"));
                sub.put("eventAttendanceMode", "https://schema.org/OfflineEventAttendanceMode");
                if (place != null) {
                    sub.put("location", place);
                }
                subEvents.add(sub);
            }
            event.put("subEvent", subEvents);
        }
        if (organiser != null) {
            Map<String, Object> organisation = new LinkedHashMap<>();
            organisation.put("@type", "Organization");
            organisation.put("name", organiser.name());
            if (organiser.website() != null) {
                organisation.put("url", organiser.website());
            }
            if (info != null && info.hasDisabilityContact()) {
                organisation.put("contactPoint", disabilityContact(info));
            }
            event.put("organizer", organisation);
        }
        if (info != null) {
            publicInfo(event, info, day);
        }
        if (!partners.isEmpty()) {
            event.put("sponsor", partners.stream().map(p -> Map.of("@type", "Organization", "name", p.name())).toList());
        }
        List<Map<String, Object>> performers = new ArrayList<>();
        Set<Long> seen = new LinkedHashSet<>();
        for (Slot slot : programme.slots()) {
            for (SlotPerson person : slot.people()) {
                if (seen.add(person.personId())) {
                    Map<String, Object> performer = new LinkedHashMap<>();
                    performer.put("@type", "Person");
                    performer.put("name", person.givenName() + " " + person.familyName());
                    if (person.description() != null) {
                        performer.put("jobTitle", person.description());
                    }
                    if (person.organisation() != null) {
                        performer.put("affiliation", Map.of("@type", "Organization", "name", person.organisation()));
                    }
                    performers.add(performer);
                }
            }
        }
        if (!performers.isEmpty()) {
            event.put("performer", performers);
        }
        // Written into a <script> element of the public page: whatever organisers typed must not end it.
        return JsonInHtml.write(event);
    }

    /**
     * The public information (Qualiopi) in schema.org's words: the objectives as what the event
     * {@code teaches}, its offers, and a {@code Course} it is {@code about} for what only a course
     * says (prerequisites, duration, accessibility). Methods and evaluation have no schema.org property
     * of that meaning ({@code assesses} names a competence, not how it is evaluated): the page says them.
     */
    private static void publicInfo(Map<String, Object> event, PublicInfo info, Day day) {
        if (info.objectives() != null) {
            event.put("teaches", info.objectives());
        }
        List<Map<String, Object>> offers = new ArrayList<>();
        if (info.priceEuros() != null) {
            offers.add(offer(info.priceEuros(), info.free() ? null : info.priceNote()));
        }
        if (info.free()) {
            offers.add(offer(BigDecimal.ZERO, info.priceNote()));
        }
        if (!offers.isEmpty()) {
            event.put("offers", offers);
        }
        Map<String, Object> course = new LinkedHashMap<>();
        course.put("@type", "Course");
        course.put("name", day.fullTitle());
        course.put("courseCode", day.sessionCode().value());
        if (info.objectives() != null) {
            course.put("teaches", info.objectives());
        }
        if (info.prerequisites() != null) {
            course.put("coursePrerequisites", info.prerequisites());
        }
        if (info.hours() != null) {
            course.put("timeRequired", info.isoDuration());
        }
        if (info.accessibility() != null) {
            course.put("accessibilitySummary", info.accessibility());
        }
        course.put("isAccessibleForFree", event.get("isAccessibleForFree"));
        if (!offers.isEmpty()) {
            course.put("offers", offers);
        }
        event.put("about", course);
    }

    private static Map<String, Object> offer(BigDecimal price, String description) {
        Map<String, Object> offer = new LinkedHashMap<>();
        offer.put("@type", "Offer");
        offer.put("price", price.stripTrailingZeros().toPlainString());
        offer.put("priceCurrency", "EUR");
        if (description != null) {
            offer.put("description", description);
        }
        return offer;
    }

    private static Map<String, Object> disabilityContact(PublicInfo info) {
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("@type", "ContactPoint");
        contact.put("contactType", "référent handicap");
        if (info.disabilityName() != null) {
            contact.put("name", info.disabilityName());
        }
        if (info.disabilityEmail() != null) {
            contact.put("email", info.disabilityEmail().value());
        }
        if (info.disabilityPhone() != null) {
            contact.put("telephone", info.disabilityPhone().value());
        }
        return contact;
    }

    private static Map<String, Object> place(Venue venue) {
        if (venue == null) {
            return null;
        }
        Map<String, Object> place = new LinkedHashMap<>();
        place.put("@type", "Place");
        place.put("name", venue.name());
        place.put("address", Map.of(
                "@type", "PostalAddress",
                "streetAddress", venue.street(),
                "postalCode", venue.postcode(),
                "addressLocality", venue.city(),
                "addressCountry", "FR"));
        if (venue.hasCoordinates()) {
            place.put("geo", Map.of("@type", "GeoCoordinates",
                    "latitude", venue.latitude(), "longitude", venue.longitude()));
        }
        return place;
    }
}
