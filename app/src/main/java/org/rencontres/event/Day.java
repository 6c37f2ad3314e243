package org.rencontres.event;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.rencontres.shared.RichText;

/**
 * A session as stored (a "journée" in the organisers' words, whatever its number of days: the unit
 * of registration, with its code, title and status), with everything the event module owns of it;
 * {@code mealOffered} whether its participants are offered a meal (a lunch « libre » is not).
 */
public record Day(
        long id,
        SessionCode sessionCode,
        String title,
        String subtitle,
        String theme,
        SessionDays days,
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
        int version,
        boolean mealOffered) {

    /** A session that offers its participants a meal (the usual case). */
    public Day(long id, SessionCode sessionCode, String title, String subtitle, String theme, SessionDays days,
               DayStatus status, String cancellationMessage, RichText context, String audience,
               String registrationInstructions, String registrationUrl, boolean programmeProvisional, Long organiserId,
               String organisingUnit, Venue venue, List<Contact> contacts, List<Partner> partners,
               List<Resource> resources, int version) {
        this(id, sessionCode, title, subtitle, theme, days, status, cancellationMessage, context, audience,
                registrationInstructions, registrationUrl, programmeProvisional, organiserId, organisingUnit, venue,
                contacts, partners, resources, version, true);
    }

    /** When the session starts: its first day's start. */
    public ZonedDateTime start() {
        return days.start();
    }

    /** When the session ends: its last day's end. */
    public ZonedDateTime end() {
        return days.end();
    }

    public ZoneId zone() {
        return days.zone();
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

    /** The directory's organisations the session names: its organiser (when known) and its partners. */
    public Set<Long> organisationIds() {
        Set<Long> ids = new HashSet<>();
        if (organiserId != null) {
            ids.add(organiserId);
        }
        partners.forEach(p -> ids.add(p.organisationId()));
        return ids;
    }
}
