package org.rencontres.event;

import java.util.List;

/**
 * Everything that describes a session, to create it.
 *
 * @param mealOffered whether participants are offered a meal (then the registration form asks for dietary needs)
 */
public record DayDraft(
        SessionCode sessionCode,
        String title,
        String subtitle,
        String theme,
        List<SessionDayDraft> days,
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
        List<Resource> resources,
        boolean mealOffered) {

    /** A session that offers its participants a meal (the usual case). */
    public DayDraft(SessionCode sessionCode, String title, String subtitle, String theme, List<SessionDayDraft> days,
                    String context, String audience, String registrationInstructions, String registrationUrl,
                    boolean programmeProvisional, Long organiserId, String organisingUnit, Venue venue,
                    List<Contact> contacts, List<Partner> partners, List<Resource> resources) {
        this(sessionCode, title, subtitle, theme, days, context, audience, registrationInstructions, registrationUrl,
                programmeProvisional, organiserId, organisingUnit, venue, contacts, partners, resources, true);
    }

    public DayDraft {
        days = List.copyOf(days);
        if (days.isEmpty() || days.stream().map(SessionDayDraft::date).distinct().count() != days.size()) {
            throw new IllegalArgumentException("A session has at least one day, two days never on the same date");
        }
        contacts = List.copyOf(contacts);
        partners = List.copyOf(partners);
        resources = List.copyOf(resources);
    }
}
