package org.rencontres.registration.allocation;

import java.util.List;
import java.util.Locale;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.document.PdfTemplates;
import org.rencontres.event.Day;
import org.rencontres.event.Days;
import org.rencontres.event.ManagedDay;
import org.rencontres.event.SessionDay;
import org.rencontres.registration.Registration;
import org.rencontres.workshops.Workshop;
import org.rencontres.workshops.Workshops;
import org.springframework.stereotype.Service;
import org.thymeleaf.context.Context;

/**
 * The roster of a workshop as PDF, in French: its title, room and facilitators, then its
 * participants (surname, given name, organisation) sorted by surname; before publication those of
 * the draft, marked as a draft. Template {@code registration/pdf/roster}.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class WorkshopRosters {

    private final AllocationViews allocations;
    private final Workshops workshops;
    private final Days days;
    private final PdfTemplates pdfs;

    byte[] pdf(ManagedDay day, Workshop workshop) {
        List<Registration> people = allocations.roster(day.id(), workshop.id());
        Context context = new Context(Locale.FRENCH);
        context.setVariable("day", day);
        // A workshop takes place on one day of the session: its roster says that day, not the whole range.
        String date = workshops.sessionDayOf(day.id(), workshop.id()).map(SessionDay::frenchDate)
                .orElse(day.days().frenchDates());
        context.setVariable("date", date);
        context.setVariable("unit", days.find(day.id()).map(Day::organisingUnit).orElse(null));
        context.setVariable("workshop", workshop);
        context.setVariable("facilitators", workshops.facilitatorsOf(workshop.id()));
        context.setVariable("people", people);
        context.setVariable("draft", allocations.pending(day.id()));
        return pdfs.render("registration/pdf/roster", context);
    }
}
