package org.rencontres.event;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/** Everything that describes a day, to create it. */
public record DayDraft(
        SessionCode sessionCode,
        String title,
        String subtitle,
        String theme,
        LocalDate date,
        LocalTime startsAt,
        LocalTime endsAt,
        String context,
        String audience,
        String registrationInstructions,
        String registrationUrl,
        boolean programmeProvisional,
        Long organiserId,
        String organisingUnit,
        Venue venue,
        List<Contact> contacts,
        List<Partner> partners,
        List<Resource> resources) {

    public DayDraft {
        if (!endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("A day must end after it starts");
        }
        contacts = List.copyOf(contacts);
        partners = List.copyOf(partners);
        resources = List.copyOf(resources);
    }
}
