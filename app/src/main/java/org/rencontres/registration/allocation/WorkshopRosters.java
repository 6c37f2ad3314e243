package org.rencontres.registration.allocation;

import java.util.List;
import java.util.Locale;

import org.rencontres.document.PdfRenderer;
import org.rencontres.event.Day;
import org.rencontres.event.Days;
import org.rencontres.registration.Registration;
import org.rencontres.security.ManagedDay;
import org.rencontres.shared.FrenchTime;
import org.rencontres.workshops.Workshop;
import org.rencontres.workshops.Workshops;
import org.springframework.context.ApplicationContext;
import org.springframework.core.convert.ConversionService;
import org.springframework.stereotype.Service;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

/**
 * The roster of a workshop as PDF, in French: its title, room and facilitators, then its
 * participants (surname, given name, organisation) sorted by surname; before publication those of
 * the draft, marked as a draft. Template {@code registration/pdf/roster}.
 */
@Service
class WorkshopRosters {

    private final AllocationViews allocations;
    private final Workshops workshops;
    private final Days days;
    private final PdfRenderer renderer;
    private final ITemplateEngine templates;
    private final ApplicationContext application;
    private final ConversionService conversions;

    WorkshopRosters(AllocationViews allocations, Workshops workshops, Days days, PdfRenderer renderer,
                    ITemplateEngine templates, ApplicationContext application) {
        this.allocations = allocations;
        this.workshops = workshops;
        this.days = days;
        this.renderer = renderer;
        this.templates = templates;
        this.application = application;
        this.conversions = application.getBeanProvider(ConversionService.class).getIfUnique();
    }

    byte[] pdf(ManagedDay day, Workshop workshop) {
        List<Registration> people = allocations.roster(day.id(), workshop.id());
        Context context = new Context(Locale.FRENCH);
        context.setVariable("day", day);
        context.setVariable("date", FrenchTime.longDate(day.date()));
        context.setVariable("unit", days.find(day.id()).map(Day::organisingUnit).orElse(null));
        context.setVariable("workshop", workshop);
        context.setVariable("facilitators", workshops.facilitatorsOf(workshop.id()));
        context.setVariable("people", people);
        context.setVariable("draft", allocations.pending(day.id()));
        context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(application, conversions));
        return renderer.render(templates.process("registration/pdf/roster", context), null);
    }
}
