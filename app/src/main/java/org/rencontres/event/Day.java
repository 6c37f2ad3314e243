package org.rencontres.event;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.rencontres.shared.RichText;

/** A day as stored, with everything the event module owns of it. */
public record Day(
        long id,
        SessionCode sessionCode,
        String title,
        String subtitle,
        String theme,
        LocalDate date,
        LocalTime startsAt,
        LocalTime endsAt,
        ZoneId zone,
        DayStatus status,
        String cancellationMessage,
        RichText context,
        String audience,
        String registrationInstructions,
        String registrationUrl,
        boolean programmeProvisional,
        Long organiserId,
        String organisingUnit,
        Venue venue,
        List<Contact> contacts,
        List<Partner> partners,
        List<Resource> resources,
        int version) {

    public ZonedDateTime start() {
        return date.atTime(startsAt).atZone(zone);
    }

    public ZonedDateTime end() {
        return date.atTime(endsAt).atZone(zone);
    }

    public String fullTitle() {
        return subtitle == null || subtitle.isBlank() ? title : title + " " + subtitle;
    }

    public List<Contact> contacts(Contact.Purpose purpose) {
        return contacts.stream().filter(c -> c.purpose() == purpose).toList();
    }

    public List<Contact> programmeContacts() {
        return contacts(Contact.Purpose.PROGRAMME);
    }

    public List<Contact> registrationContacts() {
        return contacts(Contact.Purpose.REGISTRATION);
    }
}
